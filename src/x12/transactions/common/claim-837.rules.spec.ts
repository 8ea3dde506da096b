import { TEST_DELIMITERS, segmentsOf } from '../../schema/segments.spec-support';
import { walkTransaction } from '../../schema/walker';
import type { Diagnostic } from '../../syntax/types';
import { rules837I } from '../837i-005010x223a2/837i.rules';
import { schema837I } from '../837i-005010x223a2/837i.schema';
import {
  DEPENDENT_PATIENT_837P,
  SUBSCRIBER_IS_PATIENT_837P,
  insertAfter,
  withSegment,
} from '../837p-005010x222a1/837p.samples.spec-support';
import { rules837P } from '../837p-005010x222a1/837p.rules';
import { schema837P } from '../837p-005010x222a1/837p.schema';
import type { TransactionRule } from '../guide.types';
import type { TransactionSchema } from '../../schema/types';

function run(
  text: string,
  rules: readonly TransactionRule[] = rules837P,
  schema: TransactionSchema = schema837P,
) {
  const segments = segmentsOf(text);
  const walk = walkTransaction(schema, segments);
  const location = {
    interchangeControlNumber: '000000001',
    groupControlNumber: '1',
    transactionControlNumber: '0001',
  };
  const diagnostics: Diagnostic[] = [];
  for (const rule of rules) {
    diagnostics.push(
      ...rule({
        segments,
        delimiters: TEST_DELIMITERS,
        location,
        loopOf: (s) => walk.loopOf(s)?.loopId || undefined,
      }),
    );
  }
  return { diagnostics, codes: diagnostics.map((d) => d.code), walk };
}

describe('837P rules', () => {
  it('pass on valid claims (subscriber is patient; dependent patient)', () => {
    expect(run(SUBSCRIBER_IS_PATIENT_837P).codes).toEqual([]);
    expect(run(DEPENDENT_PATIENT_837P).codes).toEqual([]);
  });

  describe('SNIP 3: CLM02 equals the sum of SV102', () => {
    it('balances in integer cents (100 + 50.50 = 150.5, no float drift)', () => {
      const text = SUBSCRIBER_IS_PATIENT_837P.replace('CLM*PCN0001*150.5', 'CLM*PCN0001*0.3')
        .replace('SV1*HC:99213*100*', 'SV1*HC:99213*0.1*')
        .replace('SV1*HC:87880*50.50*', 'SV1*HC:87880*0.2*');
      expect(run(text).codes).toEqual([]);
    });
    it('reports a claim whose total differs from its lines, at CLM02, without the amounts', () => {
      const text = SUBSCRIBER_IS_PATIENT_837P.replace('CLM*PCN0001*150.5', 'CLM*PCN0001*150.51');
      const { diagnostics } = run(text);
      expect(diagnostics).toHaveLength(1);
      expect(diagnostics[0]).toMatchObject({
        code: 'X12-837-CLM02-BALANCE',
        snip: 3,
        location: { loopId: '2300', segmentId: 'CLM', element: 'CLM02', segmentPositionInTransaction: 19 },
      });
      expect(diagnostics[0].message).not.toMatch(/150/);
    });
    it('leaves unreadable amounts to element validation', () => {
      const text = SUBSCRIBER_IS_PATIENT_837P.replace('SV1*HC:99213*100*', 'SV1*HC:99213*1O0*');
      expect(run(text).codes).toEqual([]);
    });
  });

  describe('SNIP 4: REF*F8 exactly when CLM05-3 is 7 or 8', () => {
    const replacement = SUBSCRIBER_IS_PATIENT_837P.replace('11:B:1*', '11:B:7*');
    it('passes a replacement with REF*F8 and an original without', () => {
      expect(run(insertAfter(replacement, 'REF*D9', 'REF*F8*PAYERCLAIM01')).codes).toEqual([]);
    });
    it('reports a replacement or void without REF*F8', () => {
      expect(run(replacement).diagnostics).toEqual([
        expect.objectContaining({
          code: 'X12-837-REF-F8-REQUIRED',
          location: expect.objectContaining({ element: 'CLM05-3' }),
        }),
      ]);
      expect(run(SUBSCRIBER_IS_PATIENT_837P.replace('11:B:1*', '11:B:8*')).codes).toEqual([
        'X12-837-REF-F8-REQUIRED',
      ]);
    });
    it('reports REF*F8 on an original claim', () => {
      expect(run(insertAfter(SUBSCRIBER_IS_PATIENT_837P, 'REF*D9', 'REF*F8*PAYERCLAIM01')).codes).toEqual([
        'X12-837-REF-F8-NOT-ALLOWED',
      ]);
    });
  });

  describe('SNIP 4: patient loop only when the patient is not the subscriber', () => {
    it('reports a 2000C under a subscriber with SBR02 = 18', () => {
      const text = DEPENDENT_PATIENT_837P.replace('SBR*P**', 'SBR*P*18*');
      expect(run(text).codes).toEqual(['X12-837-PATIENT-IS-SUBSCRIBER']);
    });
    it('reports a subscriber that is not the patient but has no 2000C', () => {
      const text = SUBSCRIBER_IS_PATIENT_837P.replace('SBR*P*18*', 'SBR*P**');
      expect(run(text).codes).toEqual(['X12-837-PATIENT-LOOP-MISSING']);
    });
  });

  describe('REF*6R unique within a claim', () => {
    it('reports the second use of a line item control number', () => {
      const text = SUBSCRIBER_IS_PATIENT_837P.replace('REF*6R*LINE0002', 'REF*6R*LINE0001');
      const { diagnostics } = run(text);
      expect(
        diagnostics.map((d) => [d.code, d.location.element, d.location.segmentPositionInTransaction]),
      ).toEqual([['X12-837-REF-6R-DUPLICATE', 'REF02', 32]]);
      expect(diagnostics[0].message).not.toContain('LINE0001');
    });
    it('allows the same number in different claims', () => {
      const second =
        'CLM*PCN0009*10***11:B:1*Y*A*Y*Y~HI*ABK:J069~LX*1~SV1*HC:99213*10*UN*1***1~DTP*472*D8*20250110~REF*6R*LINE0001';
      expect(run(insertAfter(SUBSCRIBER_IS_PATIENT_837P, 'REF*6R*LINE0002', second)).codes).toEqual([]);
    });
  });

  describe('service line limit', () => {
    const claimWith = (count: number) => {
      const line = 'LX*1~SV1*HC:99213*1*UN*1***1~DTP*472*D8*20250110';
      const lines = Array.from({ length: count }, () => line).join('~');
      return SUBSCRIBER_IS_PATIENT_837P.replace('150.5', String(count)).replace(
        /LX\*1~.*~SE\*/s,
        `${lines}~SE*`,
      );
    };
    it('allows 50 lines and reports 51 (837P)', () => {
      expect(run(claimWith(50)).codes).toEqual([]);
      expect(run(claimWith(51)).codes).toEqual(['X12-837-SERVICE-LINES-LIMIT']);
    });
  });

  describe('HL tree', () => {
    it('reports HL02 naming no earlier HL', () => {
      expect(run(DEPENDENT_PATIENT_837P.replace('HL*3*2*23*0', 'HL*3*9*23*0')).codes).toEqual(
        expect.arrayContaining(['X12-837-HL-PARENT-UNKNOWN']),
      );
    });
    it('reports a duplicate HL01', () => {
      expect(run(DEPENDENT_PATIENT_837P.replace('HL*3*2*23*0', 'HL*2*2*23*0')).codes).toEqual(
        expect.arrayContaining(['X12-837-HL-ID-DUPLICATE']),
      );
    });
    it('reports HL04 that does not match the children', () => {
      expect(run(DEPENDENT_PATIENT_837P.replace('HL*2*1*22*1', 'HL*2*1*22*0')).codes).toEqual([
        'X12-837-HL-CHILD-CODE',
      ]);
      expect(run(SUBSCRIBER_IS_PATIENT_837P.replace('HL*2*1*22*0', 'HL*2*1*22*1')).codes).toEqual([
        'X12-837-HL-CHILD-CODE',
      ]);
    });
    it('reports a patient level hung directly under the billing provider', () => {
      expect(run(DEPENDENT_PATIENT_837P.replace('HL*3*2*23*0', 'HL*3*1*23*0')).codes).toEqual(
        expect.arrayContaining(['X12-837-HL-PARENT-LEVEL']),
      );
    });
  });
});

describe('837P diagnosis pointers', () => {
  it('accept pointers within the claim diagnosis codes (HI has 2: pointers 1 and 2)', () => {
    expect(run(SUBSCRIBER_IS_PATIENT_837P).codes).toEqual([]);
  });
  it('report a pointer past the last diagnosis code, at its component', () => {
    const text = SUBSCRIBER_IS_PATIENT_837P.replace(
      'SV1*HC:87880*50.50*UN*1***1:2',
      'SV1*HC:87880*50.50*UN*1***1:3',
    );
    expect(run(text).diagnostics.map((d) => [d.code, d.location.element])).toEqual([
      ['X12-837-DIAGNOSIS-POINTER', 'SV107-2'],
    ]);
  });
});

describe('837P coordination of benefits', () => {
  // a secondary claim: the subscriber's payer is S(econdary), the 2320 other payer P(rimary) paid line 1
  const otherPayer = (sequence: string) =>
    [
      `SBR*${sequence}*18*******CI`,
      // CLM02 150.50 - line 1 CAS 20.00 = 130.50 paid by the other payer
      'AMT*D*130.5',
      'OI***Y*P**Y',
      'NM1*IL*1*DOE*JANE****MI*MEMBER0001',
      'NM1*PR*2*FIRST PLAN*****PI*PAYERA',
    ].join('~');
  const secondary = insertAfter(
    insertAfter(SUBSCRIBER_IS_PATIENT_837P.replace('SBR*P*18*', 'SBR*S*18*'), 'PRV*PE', otherPayer('P')),
    'REF*6R*LINE0001',
    'SVD*PAYERA*80*HC:99213**1~CAS*CO*45*20~DTP*573*D8*20250120',
  );

  it('accepts distinct payer sequences and an SVD01 naming a 2330B payer', () => {
    const result = run(secondary);
    expect(result.walk.diagnostics).toEqual([]);
    expect(result.codes).toEqual([]);
  });
  it('reports a 2430 SVD02 that is not the line charge minus its CAS (SNIP 3)', () => {
    const { diagnostics } = run(secondary.replace('CAS*CO*45*20', 'CAS*CO*45*19.99'));
    expect(diagnostics.map((d) => [d.code, d.location.element])).toEqual(
      expect.arrayContaining([['X12-837-COB-LINE-BALANCE', 'SVD02']]),
    );
  });
  it('reports a 2320 AMT*D that is not CLM02 minus the claim and line CAS of that payer (SNIP 3)', () => {
    const { diagnostics } = run(secondary.replace('AMT*D*130.5', 'AMT*D*130.49'));
    expect(diagnostics.map((d) => [d.code, d.location.element, d.location.loopId])).toEqual([
      ['X12-837-COB-CLAIM-BALANCE', 'AMT02', '2320'],
    ]);
    expect(diagnostics[0].message).not.toContain('130');
  });
  it('counts claim-level 2320 CAS in the claim balance', () => {
    const text = insertAfter(secondary.replace('AMT*D*130.5', 'AMT*D*120.5'), 'SBR*P*18', 'CAS*PR*1*10');
    expect(run(text).codes).toEqual([]);
  });
  it('reports a 2320 SBR01 that repeats the subscriber payer sequence', () => {
    const text = secondary.replace('SBR*P*18*******CI', 'SBR*S*18*******CI');
    expect(run(text).diagnostics.map((d) => [d.code, d.location.element, d.location.loopId])).toEqual([
      ['X12-837-PAYER-SEQUENCE-DUPLICATE', 'SBR01', '2320'],
    ]);
  });
  it('reports an SVD01 that names no 2330B payer, without the identifier', () => {
    const { diagnostics } = run(secondary.replace('SVD*PAYERA', 'SVD*PAYERZ'));
    expect(diagnostics.map((d) => [d.code, d.location.element, d.location.loopId])).toEqual([
      // the line's CAS no longer counts for the 2320 payer, so its AMT*D no longer balances either
      ['X12-837-SVD01-OTHER-PAYER', 'SVD01', '2430'],
      ['X12-837-COB-CLAIM-BALANCE', 'AMT02', '2320'],
    ]);
    for (const d of diagnostics) expect(d.message).not.toContain('PAYERZ');
  });
});

describe('837I rules', () => {
  const INSTITUTIONAL = [
    'ST*837*0001*005010X223A2',
    'BHT*0019*00*BATCH0001*20250115*1200*CH',
    'NM1*41*2*SYNTHETIC BILLING SERVICE*****46*SUB00001',
    'PER*IC*EDI DESK*TE*5555550100',
    'NM1*40*2*SYNTHETIC PAYER CLEARING*****46*RCV00001',
    'HL*1**20*1',
    'NM1*85*2*SYNTHETIC HOSPITAL*****XX*1234567893',
    'N3*1 TEST WAY',
    'N4*TESTTOWN*NY*100010001',
    'REF*EI*991234567',
    'HL*2*1*22*0',
    'SBR*P*18*GRP0001******CI',
    'NM1*IL*1*DOE*JANE****MI*MEMBER0001',
    'NM1*PR*2*SYNTHETIC HEALTH PLAN*****PI*PAYER0001',
    'CLM*PCN0001*300***13:A:1**A*Y*Y',
    'DTP*434*RD8*20250101-20250102',
    'CL1*1*1*01',
    'HI*ABK:J069',
    'LX*1',
    'SV2*0450*HC:99283*200*UN*1',
    'DTP*472*D8*20250101',
    'REF*6R*LINE0001',
    'LX*2',
    'SV2*0300**100*UN*1',
    'REF*6R*LINE0002',
    'SE*26*0001',
  ].join('~');

  const run837I = (text: string) => run(text, rules837I, schema837I);

  it('walks a valid institutional claim without structure diagnostics and passes the rules', () => {
    const result = run837I(INSTITUTIONAL);
    expect(result.walk.diagnostics).toEqual([]);
    expect(result.codes).toEqual([]);
  });
  it('balances CLM02 against SV203', () => {
    expect(run837I(INSTITUTIONAL.replace('SV2*0300**100*', 'SV2*0300**99.99*')).codes).toEqual([
      'X12-837-CLM02-BALANCE',
    ]);
  });
  it('requires REF*F8 for a void (CLM05-3 = 8)', () => {
    expect(run837I(INSTITUTIONAL.replace('13:A:1', '13:A:8')).codes).toEqual(['X12-837-REF-F8-REQUIRED']);
    expect(
      run837I(insertAfter(INSTITUTIONAL.replace('13:A:1', '13:A:8'), 'CL1*', 'REF*F8*PAYERCLAIM01')).codes,
    ).toEqual([]);
  });
  it('ignores the other payer claim control number (2330B REF*F8) when checking 2300', () => {
    const otherPayer = [
      'SBR*S*01*******CI',
      'OI***Y***Y',
      'NM1*IL*1*DOE*JANE****MI*MEMBER0009',
      'NM1*PR*2*OTHER PLAN*****PI*PAYER0009',
      'REF*F8*OTHERCLAIM01',
    ].join('~');
    const result = run837I(insertAfter(INSTITUTIONAL, 'HI*', otherPayer));
    expect(result.walk.diagnostics).toEqual([]);
    expect(result.codes).toEqual([]);
  });
  it('allows 999 service lines and reports 1000', () => {
    const claimWith = (count: number) => {
      const line = 'LX*1~SV2*0300**1*UN*1';
      const lines = Array.from({ length: count }, () => line).join('~');
      return INSTITUTIONAL.replace('CLM*PCN0001*300', `CLM*PCN0001*${count}`).replace(
        /LX\*1~.*~SE\*/s,
        `${lines}~SE*`,
      );
    };
    expect(run837I(claimWith(999)).codes).toEqual([]);
    expect(run837I(claimWith(1000)).codes).toEqual(['X12-837-SERVICE-LINES-LIMIT']);
  });
  it('reports a duplicate REF*6R', () => {
    expect(run837I(INSTITUTIONAL.replace('LINE0002', 'LINE0001')).codes).toEqual([
      'X12-837-REF-6R-DUPLICATE',
    ]);
  });
});

describe('withSegment helper', () => {
  it('drops a segment', () => {
    expect(withSegment('A*1~B*2~', 'B*', '')).toBe('A*1~');
  });
});
