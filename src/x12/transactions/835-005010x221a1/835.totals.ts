/**
 * Posting arithmetic over a Remittance835, in integer cents: what each claim's adjustments add up to by
 * group (CO contractual write-off, PR patient responsibility, OA other, PI payer initiated), and the
 * remittance's totals. An amount that could not be read (cents null) makes the total null: never a guess.
 */
import type { Adjustment835, Cents835, Claim835, Remittance835 } from './835.model';
import { claimsOf } from './835.model';

/** Cents by CAS group code, or null when one of the group's amounts is unreadable. */
export type CentsByGroup = Record<string, number | null>;

function add(total: number | null, cents: Cents835): number | null {
  return total === null || cents === null ? null : total + cents;
}

/** Sum of CAS amounts per group code (CO, PR, OA, PI ...). */
export function adjustmentTotalsByGroup(adjustments: readonly Adjustment835[]): CentsByGroup {
  const totals: CentsByGroup = {};
  for (const adjustment of adjustments) {
    totals[adjustment.group] = add(totals[adjustment.group] ?? 0, adjustment.cents);
  }
  return totals;
}

/** Every CAS of a claim: claim level first, then each service line's. */
export function allAdjustments(claim: Claim835): Adjustment835[] {
  return [...claim.adjustments, ...claim.serviceLines.flatMap((line) => line.adjustments)];
}

export interface ClaimTotals835 {
  chargeCents: number | null; // CLP03
  paymentCents: number | null; // CLP04
  /** CLP05 as sent (null when absent or unreadable). */
  patientResponsibilityCents: number | null;
  /** Claim and line CAS per group. */
  adjustmentsByGroup: CentsByGroup;
  /** Sum of all claim and line CAS amounts. */
  adjustmentCents: number | null;
}

export function claimTotals(claim: Claim835): ClaimTotals835 {
  const adjustments = allAdjustments(claim);
  return {
    chargeCents: claim.chargeCents,
    paymentCents: claim.paymentCents,
    patientResponsibilityCents: claim.patientResponsibilityCents ?? null,
    adjustmentsByGroup: adjustmentTotalsByGroup(adjustments),
    adjustmentCents: adjustments.reduce<number | null>(
      (total, adjustment) => add(total, adjustment.cents),
      0,
    ),
  };
}

export interface RemittanceTotals835 {
  claimCount: number;
  /** Sum of CLP04. */
  claimPaymentCents: number | null;
  /** Sum of the PLB amounts (positive reduces the payment). */
  providerAdjustmentCents: number | null;
  /** claimPaymentCents - providerAdjustmentCents: what BPR02 must be. */
  expectedPaymentCents: number | null;
  /** BPR02. */
  paymentCents: number | null;
}

export function remittanceTotals(remittance: Remittance835): RemittanceTotals835 {
  const claims = claimsOf(remittance);
  const claimPaymentCents = claims.reduce<number | null>((total, claim) => add(total, claim.paymentCents), 0);
  const providerAdjustmentCents = remittance.providerAdjustments
    .flatMap((plb) => plb.adjustments)
    .reduce<number | null>((total, adjustment) => add(total, adjustment.cents), 0);
  return {
    claimCount: claims.length,
    claimPaymentCents,
    providerAdjustmentCents,
    expectedPaymentCents:
      claimPaymentCents === null || providerAdjustmentCents === null
        ? null
        : claimPaymentCents - providerAdjustmentCents,
    paymentCents: remittance.financialInformation.paymentCents,
  };
}
