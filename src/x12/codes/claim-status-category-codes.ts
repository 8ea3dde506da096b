/**
 * Claim status category codes (X12 external code list 507), carried in STC01-1, STC10-1 and STC11-1
 * of the 277CA. The category says what kind of answer a status is (acknowledged, rejected, pending,
 * finalized...); the claim status code (STC01-2) gives the detail. Descriptions are our own short
 * wording; the code values come from the public code list.
 */
export const CLAIM_STATUS_CATEGORY_CODES: Readonly<Record<string, string>> = {
  A0: 'Acknowledged: forwarded to another entity',
  A1: 'Acknowledged: received, not yet accepted for adjudication',
  A2: 'Acknowledged: accepted into the adjudication system',
  A3: 'Acknowledged: returned as unprocessable (rejected before adjudication)',
  A4: 'Acknowledged: claim not found',
  A5: 'Acknowledged: split on acceptance into adjudication',
  A6: 'Acknowledged: rejected for missing information',
  A7: 'Acknowledged: rejected for invalid information',
  A8: 'Acknowledged: rejected because related fields disagree',
  DR01: 'Data reporting: received',
  DR02: 'Data reporting: accepted into the reporting system',
  DR03: 'Data reporting: returned as unprocessable',
  DR04: 'Data reporting: not found',
  DR05: 'Data reporting: rejected for missing information',
  DR06: 'Data reporting: rejected for invalid information',
  DR07: 'Data reporting: rejected because related fields disagree',
  DR08: 'Data reporting: warning',
  D0: 'Search for the claim was unsuccessful',
  E0: 'No answer possible: the request data is in error',
  E1: 'No answer possible: system unavailable',
  E2: 'Information holder is not responding; try again later',
  E3: 'Correction required: related fields disagree',
  E4: 'Trading partner agreement requirement not met',
  F0: 'Finalized: adjudication cycle complete',
  F1: 'Finalized: paid',
  F2: 'Finalized: denied',
  F3: 'Finalized: revised',
  F3F: 'Finalized: forwarded to another payer',
  F3N: 'Finalized: not forwarded',
  F4: 'Finalized: adjudication complete, no payment will follow',
  P0: 'Pending: general adjudication detail',
  P1: 'Pending: in process',
  P2: 'Pending: under payer review',
  P3: 'Pending: waiting for information requested from the provider',
  P4: 'Pending: waiting for information requested from the patient',
  P5: 'Pending: payer administrative or system hold',
  R0: 'More information requested: general request',
  R1: 'More information requested about an entity',
  R3: 'More information requested about the claim or line',
  R4: 'Documentation requested',
  R5: 'More specific detail requested',
  R6: 'Information requested for regulatory requirements',
  R7: 'Information requested to confirm care fits the plan policy',
  R8: 'Information requested to confirm care fits the plan coverage exceptions',
  R9: 'Information requested to decide medical necessity',
};

/** Short description of a claim status category code, or undefined when the code is not in our list. */
export function describeClaimStatusCategory(code: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(CLAIM_STATUS_CATEGORY_CODES, code)
    ? CLAIM_STATUS_CATEGORY_CODES[code]
    : undefined;
}

/** Categories that mean the claim (or batch) was rejected and must be corrected and resubmitted. */
const REJECTION_CATEGORIES: ReadonlySet<string> = new Set([
  'A3',
  'A6',
  'A7',
  'A8',
  'E0',
  'E3',
  'E4',
  'DR03',
  'DR05',
  'DR06',
  'DR07',
]);

/** True for categories that reject the claim (A3, A6, A7, A8 and the E and DR equivalents). */
export function isRejectionCategory(code: string): boolean {
  return REJECTION_CATEGORIES.has(code);
}

/** True for categories that accept the claim into adjudication (A1 receipt alone is not acceptance). */
export function isAcceptanceCategory(code: string): boolean {
  return code === 'A2' || code === 'A5' || code === 'DR02';
}
