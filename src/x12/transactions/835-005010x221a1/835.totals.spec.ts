import { readX12 } from '../../read';
import { claimsOf } from './835.model';
import { read835 } from './835.reader';
import { claimTotals, remittanceTotals } from './835.totals';
import { goldenFiles } from '../../../../test/support/x12-golden';

const golden = Object.fromEntries(goldenFiles('835').map((file) => [file.name, file.text]));

function remittance(name: string) {
  const read = readX12(golden[name]);
  const interchange = read.value[0];
  return read835(interchange.groups[0].transactions[0], interchange.delimiters).value;
}

describe('835 totals (integer cents)', () => {
  it('partially-paid: CAS by group across both lines', () => {
    const [claim] = claimsOf(remittance('partially-paid'));
    expect(claimTotals(claim)).toEqual({
      chargeCents: 45050,
      paymentCents: 25525,
      patientResponsibilityCents: 10500,
      adjustmentsByGroup: { CO: 9025, PR: 10500 }, // CO 50 + 40.25; PR 50 + 30 + 25
      adjustmentCents: 19525,
    });
  });

  it('plb-multiple-claims: claim payments minus PLB equals BPR02', () => {
    expect(remittanceTotals(remittance('plb-multiple-claims'))).toEqual({
      claimCount: 3,
      claimPaymentCents: 37000,
      providerAdjustmentCents: 2350,
      expectedPaymentCents: 34650,
      paymentCents: 34650,
    });
  });

  it('reversal-and-correction nets to the correction minus the reversal', () => {
    expect(remittanceTotals(remittance('reversal-and-correction'))).toMatchObject({
      claimPaymentCents: 1000,
      paymentCents: 1000,
    });
  });

  it('bad-amount: an unreadable amount makes the total null, never a guess', () => {
    expect(remittanceTotals(remittance('bad-amount'))).toMatchObject({
      claimPaymentCents: null,
      expectedPaymentCents: null,
    });
  });
});
