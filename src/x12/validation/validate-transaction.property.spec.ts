import fc from 'fast-check';
import { TEST_DELIMITERS, segmentsOf } from '../schema/segments.spec-support';
import { walkTransaction } from '../schema/walker';
import { SUBSCRIBER_IS_PATIENT_837P } from '../transactions/837p-005010x222a1/837p.samples.spec-support';
import { guide837I } from '../transactions/837i-005010x223a2/837i.guide';
import { guide837P } from '../transactions/837p-005010x222a1/837p.guide';
import { validateSegmentElements } from './validate-elements';

/** Segments of the sample plus hostile variants: wrong qualifiers, empty, huge, separators in odd places. */
const POOL = [
  ...SUBSCRIBER_IS_PATIENT_837P.split('~').filter((s) => s !== ''),
  'HL*9*9*23*0',
  'HL***',
  'NM1*QC*1',
  'CLM',
  'CLM*X*NOTANUMBER***::::::*',
  'SV1*HC:1*1e9*UN',
  'SV1*::::::::::*-0.00*UN*1***9:99:100',
  'REF*6R*LINE0001',
  'REF*F8',
  'DTP*472*RD8*20250101-',
  'HI*ABK:A^ABF:B',
  'LX',
  'SBR*P*18',
  'PAT*19',
  'ZZ*1',
  `NM1*85*2*${'X'.repeat(5000)}`,
];

describe('guide validation never throws (property)', () => {
  it.each([
    ['837P', guide837P],
    ['837I', guide837I],
  ] as const)(
    '%s: any sequence of pool segments walks, element-checks and rule-checks without an exception',
    (_id, guide) => {
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...POOL), { maxLength: 80 }), (picked) => {
          const segments = segmentsOf(picked.join('~'));
          const walk = walkTransaction(guide.schema, segments);
          for (const segment of segments) {
            const def = walk.segmentDefOf(segment);
            if (def) validateSegmentElements(segment, def, TEST_DELIMITERS, {});
          }
          for (const rule of guide.rules) {
            const diagnostics = rule({
              segments,
              delimiters: TEST_DELIMITERS,
              location: {},
              loopOf: (s) => walk.loopOf(s)?.loopId || undefined,
            });
            for (const d of diagnostics) expect(d.message).not.toContain('LINE0001');
          }
          // every segment is placed somewhere, even the unexpected ones
          for (const segment of segments) expect(walk.loopOf(segment)).toBeDefined();
        }),
        { numRuns: 300 },
      );
    },
  );
});
