import { el, co, composite, seg } from '../transactions/common/schema-builders';
import { CAS, DTP, N4, NM1, REF } from '../transactions/common/x12-segments';
import { TEST_DELIMITERS, segmentsOf } from '../schema/segments.spec-support';
import type { SegmentDef } from '../schema/types';
import { validateSegmentElements } from './validate-elements';
import { isDate, isDateRange, isDecimal, isNumeric, isTime } from './element-types';

/** A test segment covering every element type and shape. */
const TEST_SEGMENT: SegmentDef = seg('TST', 'Test', 'R', 1, [
  el('TST01', 'R', 'ID', 1, 2, 'Code', ['A', 'BB']),
  el('TST02', 'S', 'R', 1, 5, 'Amount'),
  el('TST03', 'S', 'N0', 2, 3, 'Count'),
  el('TST04', 'S', 'DT', 8, 8, 'Date'),
  el('TST05', 'S', 'TM', 4, 8, 'Time'),
  el('TST06', 'N', 'AN', 1, 10, 'Not used'),
  composite('TST07', 'S', 'Composite', [
    co('TST07-1', 'R', 'ID', 1, 1, 'Component code', ['X', 'Y']),
    co('TST07-2', 'S', 'AN', 1, 4, 'Component text'),
    co('TST07-3', 'N', 'AN', 1, 4, 'Not used component'),
  ]),
  { ...el('TST08', 'S', 'AN', 1, 5, 'Repeating'), repeat: 2 },
  el('TST09', 'S', 'N2', 1, 4, 'Implied decimal'),
]);

const LOCATION = { transactionControlNumber: '0001', segmentId: 'TST', segmentPositionInTransaction: 5 };

function check(text: string, def: SegmentDef = TEST_SEGMENT) {
  const [segment] = segmentsOf(text);
  return validateSegmentElements(segment, def, TEST_DELIMITERS, LOCATION).map((d) => [
    d.code,
    d.location.element,
  ]);
}

describe('element validation', () => {
  it('accepts a segment that follows its definition', () => {
    expect(check('TST*BB*-12.5*007*20240229*235959*~')).toEqual([]);
    expect(check('TST*A*1*12*20250101*0800**X:ABCD*AB^CD*-123')).toEqual([]);
  });

  it.each([
    ['TST', 'X12-IG-ELEMENT-MISSING', 'TST01'],
    ['TST*C', 'X12-IG-ELEMENT-CODE', 'TST01'],
    ['TST*A*******ABCDEF', 'X12-IG-ELEMENT-TOO-LONG', 'TST08'],
    ['TST*A*123456', 'X12-IG-ELEMENT-TOO-LONG', 'TST02'],
    ['TST*A*1.2.3', 'X12-IG-ELEMENT-DECIMAL', 'TST02'],
    ['TST*A**7', 'X12-IG-ELEMENT-TOO-SHORT', 'TST03'],
    ['TST*A**1.5', 'X12-IG-ELEMENT-NUMERIC', 'TST03'],
    ['TST*A***20230229', 'X12-IG-ELEMENT-DATE', 'TST04'],
    ['TST*A***20251301', 'X12-IG-ELEMENT-DATE', 'TST04'],
    ['TST*A****2460', 'X12-IG-ELEMENT-TIME', 'TST05'],
    ['TST*A*****VALUE', 'X12-IG-ELEMENT-NOT-USED', 'TST06'],
    ['TST*A******:TEXT', 'X12-IG-ELEMENT-MISSING', 'TST07-1'],
    ['TST*A******Z', 'X12-IG-ELEMENT-CODE', 'TST07-1'],
    ['TST*A******X::NO', 'X12-IG-ELEMENT-NOT-USED', 'TST07-3'],
    ['TST*A******X:A::C', 'X12-IG-COMPONENT-TOO-MANY', 'TST07'],
    ['TST*A*1:2', 'X12-IG-COMPONENT-TOO-MANY', 'TST02'],
    ['TST*A*******A^B^C', 'X12-IG-REPETITION-TOO-MANY', 'TST08'],
    ['TST*A*1^2', 'X12-IG-REPETITION-TOO-MANY', 'TST02'],
    ['TST*A********1*EXTRA', 'X12-IG-ELEMENT-TOO-MANY', 'TST10'],
    ['TST*A*\u0001', 'X12-IG-ELEMENT-CHARACTERS', 'TST02'],
  ])('%s gives %s at %s', (text, code, element) => {
    expect(check(text)).toEqual([[code, element]]);
  });

  it('checks DTP03 against the DTP02 format (D8, RD8, DT, TM)', () => {
    const dtp = DTP('Test dates', 'S', 1, ['472', '435', '096'], ['D8', 'RD8', 'DT', 'TM']);
    expect(check('DTP*472*D8*20250110', dtp)).toEqual([]);
    expect(check('DTP*472*RD8*20250110-20250112', dtp)).toEqual([]);
    expect(check('DTP*435*DT*202501101230', dtp)).toEqual([]);
    expect(check('DTP*096*TM*1230', dtp)).toEqual([]);
    expect(check('DTP*472*D8*20250132', dtp)).toEqual([['X12-IG-DATE-FORMAT', 'DTP03']]);
    expect(check('DTP*472*RD8*20250112-20250110', dtp)).toEqual([['X12-IG-DATE-FORMAT', 'DTP03']]);
    expect(check('DTP*435*DT*202501102560', dtp)).toEqual([['X12-IG-DATE-FORMAT', 'DTP03']]);
  });

  it.each([
    ['P', 'NM1*85*2*CLINIC*****XX', 'NM108'],
    ['P', 'NM1*85*2*CLINIC******1234567893', 'NM108'],
    ['R', 'REF*EI', 'REF02'],
    ['E', 'N4*TOWN*NY*10001****ON', 'N402'],
    ['C', 'N4*TOWN**10001****ON', 'N407'],
    ['L', 'CAS*CO*45*10**97', 'CAS05'],
    ['C', 'CAS*CO*45*10***5', 'CAS06'],
  ])('reports syntax note %s on %s at %s', (_kind, text, element) => {
    const defs = {
      NM1: NM1('Billing Provider Name', ['85'], { entityTypes: ['2'], idQualifiers: ['XX'], idUsage: 'S' }),
      REF: REF('Tax id', 'R', 1, ['EI']),
      N4: N4('City', 'R'),
      CAS: CAS('Adjustment'),
    };
    const def = defs[text.split('*')[0] as keyof typeof defs];
    expect(check(text, def)).toEqual(expect.arrayContaining([['X12-IG-SYNTAX-RULE', element]]));
  });

  it('accepts segments that meet their syntax notes', () => {
    expect(check('N4*TOWN*NY*10001', N4('City', 'R'))).toEqual([]);
    expect(check('N4*TORONTO**M5V1J1*CA***ON', N4('City', 'R'))).toEqual([]);
    expect(check('CAS*CO*45*10**97*5*1', CAS('Adjustment'))).toEqual([]);
  });

  it('keeps the location it was given and never puts the value in the message', () => {
    const [segment] = segmentsOf('TST*A*****SECRET-NAME');
    const [d] = validateSegmentElements(segment, TEST_SEGMENT, TEST_DELIMITERS, LOCATION);
    expect(d.location).toEqual({ ...LOCATION, element: 'TST06' });
    expect(d.message).not.toContain('SECRET');
    expect(d.severity).toBe('error');
  });
});

describe('element type shapes', () => {
  it('N0/N2 numeric', () => {
    expect([
      isNumeric('0'),
      isNumeric('-12'),
      isNumeric(''),
      isNumeric('-'),
      isNumeric('1.0'),
      isNumeric('1e5'),
    ]).toEqual([true, true, false, false, false, false]);
  });
  it('R decimal', () => {
    expect([
      isDecimal('1'),
      isDecimal('-1.5'),
      isDecimal('.5'),
      isDecimal('5.'),
      isDecimal('.'),
      isDecimal('1,5'),
    ]).toEqual([true, true, true, true, false, false]);
  });
  it('DT real calendar dates, leap years included', () => {
    expect([
      isDate('20240229'),
      isDate('20230229'),
      isDate('19000229'),
      isDate('20000229'),
      isDate('240229'),
    ]).toEqual([true, false, false, true, true]);
    expect([isDate('20250431'), isDate('20250100'), isDate('2025011'), isDate('2025O101')]).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
  it('TM times', () => {
    expect([
      isTime('0000'),
      isTime('2359'),
      isTime('235959'),
      isTime('23595999'),
      isTime('2400'),
      isTime('12'),
    ]).toEqual([true, true, true, true, false, false]);
  });
  it('RD8 ranges', () => {
    expect([
      isDateRange('20250101-20250131'),
      isDateRange('20250131-20250101'),
      isDateRange('20250101'),
    ]).toEqual([true, false, false]);
  });
});
