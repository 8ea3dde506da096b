/**
 * Golden files in edi-samples/835: each NAME.x12 read with readX12 + read835 + the balancing rules
 * must give NAME.expected.json; each valid one must write back to the same bytes.
 */
import { readX12 } from '../../read';
import type { Interchange } from '../../envelope/types';
import type { Diagnostic } from '../../syntax/types';
import { read835 } from './835.reader';
import { rules835 } from './835.rules';
import { build835Body } from './835.writer';
import { claimsOf, remittanceKey, type Remittance835 } from './835.model';
import { goldenFiles, rewriteInterchange } from '../../../../test/support/x12-golden';

interface Expected835 {
  diagnosticCodes: string[];
  transactions: Remittance835[];
}

function readAll(text: string): {
  interchanges: Interchange[];
  remittances: Remittance835[];
  diagnostics: Diagnostic[];
} {
  const read = readX12(text);
  const diagnostics = [...read.diagnostics];
  const remittances: Remittance835[] = [];
  for (const interchange of read.value) {
    for (const group of interchange.groups) {
      for (const tx of group.transactions) {
        const location = {
          interchangeControlNumber: interchange.controlNumber,
          groupControlNumber: group.controlNumber,
        };
        const result = read835(tx, interchange.delimiters, location);
        remittances.push(result.value);
        diagnostics.push(...result.diagnostics);
        for (const rule of rules835) {
          diagnostics.push(
            ...rule({
              segments: tx.segments,
              delimiters: interchange.delimiters,
              location: { ...location, transactionControlNumber: tx.controlNumber },
              loopOf: () => undefined,
            }),
          );
        }
      }
    }
  }
  return { interchanges: read.value, remittances, diagnostics };
}

const golden = goldenFiles('835');
const VALID = ['denied', 'paid', 'partially-paid', 'plb-multiple-claims', 'reversal-and-correction'];

describe('835 golden files', () => {
  it('has the valid and malformed samples the suite relies on', () => {
    expect(golden.map((file) => file.name)).toEqual(
      expect.arrayContaining([
        ...VALID,
        'unbalanced-claim',
        'unbalanced-service-line',
        'unbalanced-bpr',
        'truncated',
        'bad-amount',
      ]),
    );
    for (const file of golden) expect(file.expected).toBeDefined();
  });

  it.each(golden.map((file) => [file.name, file] as const))(
    '%s reads as its expected JSON',
    (_name, file) => {
      const expected = file.expected as Expected835;
      const { remittances, diagnostics } = readAll(file.text);
      expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual(expected.diagnosticCodes);
      expect(JSON.parse(JSON.stringify(remittances))).toEqual(expected.transactions);
    },
  );

  it.each(VALID)('%s round-trips byte for byte', (name) => {
    const file = golden.find((candidate) => candidate.name === name)!;
    const { interchanges, remittances } = readAll(file.text);
    expect(interchanges).toHaveLength(1);
    expect(rewriteInterchange(interchanges[0], remittances.map(build835Body))).toBe(file.text);
  });

  it('diagnostics never carry element values', () => {
    for (const file of golden) {
      for (const diagnostic of readAll(file.text).diagnostics) {
        for (const secret of ['TESTPATIENT', 'MBR0', 'PCN0', 'PAYERCLM', '90.005', '95', '200']) {
          expect(diagnostic.message).not.toContain(secret);
        }
      }
    }
  });
});

// Amounts checked by hand against the files, independent of the JSON above.
describe('835 golden amounts, checked by hand', () => {
  const read = (name: string) => readAll(golden.find((file) => file.name === name)!.text).remittances[0];

  it('partially-paid: deductible, coinsurance and copay on two lines', () => {
    const remittance = read('partially-paid');
    expect(remittance.financialInformation.paymentCents).toBe(25525);
    const [claim] = claimsOf(remittance);
    expect(claim.chargeCents).toBe(45050);
    expect(claim.patientResponsibilityCents).toBe(10500); // 50 deductible + 30 coinsurance + 25 copay
    const [first, second] = claim.serviceLines;
    expect(first.procedure).toEqual({ qualifier: 'HC', code: '99214', modifiers: ['25'] });
    expect(first.adjustments).toEqual([
      { group: 'CO', reason: '45', cents: 5000 },
      { group: 'PR', reason: '1', cents: 5000 },
      { group: 'PR', reason: '2', cents: 3000 },
    ]);
    expect(second.lineControlNumber).toBe('LINE0003');
    expect(second.adjustments.map((adjustment) => adjustment.cents)).toEqual([4025, 2500]);
    expect(first.remarks).toEqual([{ qualifier: 'HE', code: 'N130' }]);
    expect(claim.outpatientAdjudication?.remarkCodes).toEqual(['MA01']);
    expect(claim.insured?.id).toBe('MBR000003');
    expect(remittance.payee).toMatchObject({ npi: '1234567893', taxId: '999999999' });
  });

  it('reversal-and-correction: negative reversal and its correction net to BPR02', () => {
    const remittance = read('reversal-and-correction');
    const [reversal, correction] = claimsOf(remittance);
    expect(reversal.statusCode).toBe('22');
    expect(reversal.chargeCents).toBe(-20000);
    expect(reversal.paymentCents).toBe(-15000);
    expect(reversal.adjustments.map((adjustment) => adjustment.cents)).toEqual([-3000, -2000]);
    expect(correction.paymentCents).toBe(16000);
    expect(remittance.financialInformation.paymentCents).toBe(1000);
  });

  it('plb-multiple-claims: three claims in two LX groups, PLB WO and L6', () => {
    const remittance = read('plb-multiple-claims');
    expect(remittance.claimGroups.map((group) => group.headerNumber)).toEqual(['1', '2']);
    expect(claimsOf(remittance).map((claim) => claim.paymentCents)).toEqual([10000, 3000, 24000]);
    expect(remittance.providerAdjustments).toEqual([
      {
        providerId: '1234567893',
        fiscalPeriodDate: '20261231',
        adjustments: [
          { reasonCode: 'WO', reference: 'PAYERCLM0001', cents: 2500 },
          { reasonCode: 'L6', cents: -150 },
        ],
      },
    ]);
    // 100 + 30 + 240 - (25 - 1.50) = 346.5
    expect(remittance.financialInformation.paymentCents).toBe(34650);
    expect(claimsOf(remittance)[1].crossoverCarrier?.lastName).toBe('TEST SECONDARY PLAN');
  });

  it('denied: zero payment, CO-50 and two line remarks', () => {
    const [claim] = claimsOf(read('denied'));
    expect(claim.statusCode).toBe('4');
    expect(claim.paymentCents).toBe(0);
    expect(claim.serviceLines[0].adjustments).toEqual([{ group: 'CO', reason: '50', cents: 30000 }]);
    expect(claim.serviceLines[0].remarks.map((remark) => remark.code)).toEqual(['N381', 'M15']);
  });

  it('bad-amount: the invalid CLP04 reads as null cents, never a rounded amount', () => {
    const [claim] = claimsOf(read('bad-amount'));
    expect(claim.paymentCents).toBeNull();
  });
});

describe('remittanceKey', () => {
  it('is the same for the same payment re-enveloped, and differs between payments', () => {
    const texts = Object.fromEntries(golden.map((file) => [file.name, file.text]));
    const paid = readAll(texts['paid']).remittances[0];
    const reenveloped = readAll(
      texts['paid']
        .replace(/000000101/g, '000000999')
        .replace(/\*101\*X/, '*999*X')
        .replace(/GE\*1\*101/, 'GE*1*999'),
    ).remittances[0];
    expect(remittanceKey(reenveloped)).toBe(remittanceKey(paid));
    expect(remittanceKey(paid)).toBe('1999999999|EFT0000101|20260105|10000');
    expect(remittanceKey(readAll(texts['denied']).remittances[0])).not.toBe(remittanceKey(paid));
  });
});
