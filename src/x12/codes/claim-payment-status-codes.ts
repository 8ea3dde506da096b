/**
 * Claim status codes carried in CLP02 of the 835 (005010X221A1 allows exactly these). Not to be confused
 * with the 277 claim status codes in claim-status-codes.ts.
 */
export const CLP02_CLAIM_STATUS_CODES: Readonly<Record<string, string>> = {
  '1': 'Processed as primary',
  '2': 'Processed as secondary',
  '3': 'Processed as tertiary',
  '4': 'Denied',
  '19': 'Processed as primary and forwarded to additional payers',
  '20': 'Processed as secondary and forwarded to additional payers',
  '21': 'Processed as tertiary and forwarded to additional payers',
  '22': 'Reversal of a previous payment',
  '23': 'Not our claim, forwarded to an additional payer',
  '25': 'Predetermination pricing only, no payment',
};

/** Description of a CLP02 claim status code, or undefined for a code the guide does not allow. */
export function describeClaimPaymentStatus(code: string): string | undefined {
  return Object.hasOwn(CLP02_CLAIM_STATUS_CODES, code) ? CLP02_CLAIM_STATUS_CODES[code] : undefined;
}
