/**
 * Claim adjustment group codes (CAS01 in the 835, also used in 837 COB loops). The group says who is
 * responsible for the adjusted amount; the reason code (CARC, see carc.ts) says why.
 */
export const CAS_GROUP_CODES: Readonly<Record<string, string>> = {
  CO: 'Contractual obligation: the provider writes this amount off and may not bill the patient for it',
  CR: 'Correction or reversal of a prior claim adjustment',
  OA: 'Other adjustment: neither contractual nor the patient’s responsibility',
  PI: 'Payer-initiated reduction the payer believes the provider is responsible for, outside the contract',
  PR: 'Patient responsibility: the patient (or another payer) owes this amount',
};

/** Description of a CAS01 group code, or undefined when the code is not one of the five. */
export function describeCasGroup(code: string): string | undefined {
  return Object.hasOwn(CAS_GROUP_CODES, code) ? CAS_GROUP_CODES[code] : undefined;
}
