/**
 * Provider-level adjustment reason codes (PLB03-1, PLB05-1, ... in the 835). A positive PLB amount
 * reduces the payment (money the provider owes back); a negative one increases it.
 */
export const PLB_ADJUSTMENT_REASON_CODES: Readonly<Record<string, string>> = {
  '50': 'Late charge',
  '51': 'Interest penalty charge',
  '72': 'Authorized return (refund of a previous overpayment)',
  '90': 'Early payment allowance',
  AH: 'Origination fee',
  AM: 'Applied to borrower’s account',
  AP: 'Acceleration of benefits',
  B2: 'Rebate',
  B3: 'Recovery allowance',
  BD: 'Bad debt adjustment',
  BN: 'Bonus',
  C5: 'Temporary allowance',
  CR: 'Capitation interest',
  CS: 'Adjustment (payer-specific; the reference explains it)',
  CT: 'Capitation payment',
  CV: 'Capital passthru',
  CW: 'Certified registered nurse anesthetist passthru',
  DM: 'Direct medical education passthru',
  E3: 'Withholding',
  FB: 'Forwarding balance (amount carried to or from another remittance)',
  FC: 'Fund allocation',
  GO: 'Graduate medical education passthru',
  HM: 'Hemophilia clotting factor supplement',
  IP: 'Incentive premium payment',
  IR: 'Internal Revenue Service withholding',
  IS: 'Interim settlement',
  J1: 'Nonreimbursable',
  L3: 'Penalty',
  L6: 'Interest owed',
  LE: 'Levy',
  LS: 'Lump sum',
  OA: 'Organ acquisition passthru',
  OB: 'Offset for affiliated providers',
  PI: 'Periodic interim payment',
  PL: 'Payment final',
  RA: 'Retro-activity adjustment',
  RE: 'Return on equity',
  SL: 'Student loan repayment',
  TL: 'Third party liability',
  WO: 'Overpayment recovery (withholding to recover a previous overpayment)',
  WU: 'Unspecified recovery',
};

/** Description of a PLB adjustment reason code, or undefined for an unknown code. */
export function describePlbAdjustmentReason(code: string): string | undefined {
  return Object.hasOwn(PLB_ADJUSTMENT_REASON_CODES, code) ? PLB_ADJUSTMENT_REASON_CODES[code] : undefined;
}
