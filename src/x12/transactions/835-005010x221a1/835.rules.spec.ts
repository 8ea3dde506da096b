import { balance835 } from './835.rules';
import { ruleInput } from './835.spec-support';

const HEADER = (bpr02: string) => `BPR*I*${bpr02}*C*CHK************20260105
TRN*1*CHK0001*1999999999
N1*PR*TEST HEALTH PLAN
N1*PE*TEST CLINIC*XX*1234567893`;

function codes(body: string): string[] {
  return balance835(ruleInput(body)).map((diagnostic) => diagnostic.code);
}

describe('835 balancing (SNIP 3)', () => {
  describe('service line: SVC02 - line CAS = SVC03', () => {
    it('passes when the line balances', () => {
      expect(
        codes(`${HEADER('70')}
LX*1
CLP*PCN1*1*100*70**12*CLM1
SVC*HC:99213*100*70**1
CAS*CO*45*20
CAS*PR*1*5**2*5`),
      ).toEqual([]);
    });

    it('fails when it does not, and names the SVC segment', () => {
      const diagnostics = balance835(
        ruleInput(`${HEADER('70')}
LX*1
CLP*PCN1*1*100*70**12*CLM1
SVC*HC:99213*100*70**1
CAS*CO*45*20
SVC*HC:99214*50*0**1
CAS*CO*45*50`),
      );
      expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual([
        'X12-835-SVC-BALANCE',
        'X12-835-CLP-BALANCE',
      ]);
      expect(diagnostics[0].location).toMatchObject({
        segmentId: 'SVC',
        segmentPositionInTransaction: 8,
        loopId: '2110',
        element: 'SVC03',
        transactionControlNumber: '0001',
      });
      expect(diagnostics[0].snip).toBe(3);
    });

    it('counts cents exactly (0.10 + 0.20 adjustments)', () => {
      expect(
        codes(`${HEADER('0.70')}
LX*1
CLP*PCN1*1*1.00*0.70**12*CLM1
SVC*HC:99213*1.00*0.70**1
CAS*CO*45*0.10**253*0.20`),
      ).toEqual([]);
    });
  });

  describe('claim: CLP03 - all CAS = CLP04', () => {
    it('passes with claim-level and line-level CAS together', () => {
      expect(
        codes(`${HEADER('60')}
LX*1
CLP*PCN1*1*100*60**12*CLM1
CAS*OA*23*10
SVC*HC:99213*100*70**1
CAS*CO*45*30`),
      ).toEqual([]);
    });

    it('fails when a claim CAS is missing from the arithmetic', () => {
      expect(
        codes(`${HEADER('95')}
LX*1
CLP*PCN1*1*100*95**12*CLM1
CAS*CO*45*10`),
      ).toEqual(['X12-835-CLP-BALANCE']);
    });

    it('passes a reversal (CLP02 22) with negative amounts', () => {
      expect(
        codes(`${HEADER('0')}
LX*1
CLP*PCN1*22*-100*-80*-20*12*CLM1
CAS*PR*1*-20
CLP*PCN1*1*100*80*20*12*CLM2
CAS*PR*1*20`),
      ).toEqual([]);
    });

    it('fails a reversal whose CAS kept a positive sign', () => {
      expect(
        codes(`${HEADER('-80')}
LX*1
CLP*PCN1*22*-100*-80*-20*12*CLM1
CAS*PR*1*20`),
      ).toEqual(['X12-835-CLP-BALANCE']);
    });

    it('says a balance could not be checked when an amount is not valid, never guesses', () => {
      expect(
        codes(`${HEADER('90')}
LX*1
CLP*PCN1*1*100*90**12*CLM1
CAS*CO*45*ten`),
      ).toEqual(['X12-835-BALANCE-UNCHECKED']);
      expect(
        codes(`${HEADER('90')}
LX*1
CLP*PCN1*1*100*90.001**12*CLM1
SVC*HC:99213*100*90.001**1
CAS*CO*45*10`),
      ).toEqual(['X12-835-BALANCE-UNCHECKED', 'X12-835-BALANCE-UNCHECKED', 'X12-835-BALANCE-UNCHECKED']);
    });
  });

  describe('transaction: sum CLP04 - PLB = BPR02', () => {
    it('passes across several LX groups', () => {
      expect(
        codes(`${HEADER('150')}
LX*1
CLP*PCN1*1*100*100**12*CLM1
LX*2
CLP*PCN2*1*50*50**12*CLM2`),
      ).toEqual([]);
    });

    it('passes with a PLB recovery (positive reduces) and interest (negative adds)', () => {
      expect(
        codes(`${HEADER('126.50')}
LX*1
CLP*PCN1*1*150*150**12*CLM1
PLB*1234567893*20261231*WO:CLM0*25*L6*-1.50
PLB*1234567893*20261231*72*0.50*FB*-0.50`),
      ).toEqual([]);
    });

    it('fails when the PLB is left out of BPR02', () => {
      const diagnostics = balance835(
        ruleInput(`${HEADER('150')}
LX*1
CLP*PCN1*1*150*150**12*CLM1
PLB*1234567893*20261231*WO:CLM0*25`),
      );
      expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['X12-835-BPR-BALANCE']);
      expect(diagnostics[0].location).toMatchObject({
        segmentId: 'BPR',
        element: 'BPR02',
        segmentPositionInTransaction: 2,
      });
    });

    it('passes a zero-pay remittance where a PLB forward balance absorbs a takeback', () => {
      expect(
        codes(`${HEADER('0')}
LX*1
CLP*PCN1*22*-100*-100**12*CLM1
CAS*CO*45*0
PLB*1234567893*20261231*FB:CARRY01*-100`),
      ).toEqual([]);
    });

    it('fails when the BPR02 total is off by one cent', () => {
      expect(
        codes(`${HEADER('100.01')}
LX*1
CLP*PCN1*1*100*100**12*CLM1`),
      ).toEqual(['X12-835-BPR-BALANCE']);
    });
  });

  it('never puts amounts in messages', () => {
    const diagnostics = balance835(
      ruleInput(`${HEADER('123.45')}
LX*1
CLP*PCN1*1*777.77*555.55**12*CLM1
SVC*HC:99213*777.77*555.55**1
CAS*CO*45*1.11`),
    );
    expect(diagnostics).toHaveLength(3);
    for (const diagnostic of diagnostics) {
      for (const value of ['123.45', '777.77', '555.55', '1.11', 'PCN1', 'CLM1'])
        expect(diagnostic.message).not.toContain(value);
    }
  });
});
