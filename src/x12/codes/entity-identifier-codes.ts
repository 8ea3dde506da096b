/**
 * Entity identifier codes (X12 element 98) as seen in NM101 and STC01-3 of the 277CA, 270 and 271.
 * Only the common ones; descriptions in our own words.
 */
export const ENTITY_IDENTIFIER_CODES: Readonly<Record<string, string>> = {
  '03': 'Dependent',
  '13': 'Contracted service provider',
  '17': 'Consultant office',
  '1E': 'Health maintenance organization (HMO)',
  '1I': 'Preferred provider organization (PPO)',
  '1P': 'Provider',
  '2B': 'Third-party administrator',
  '36': 'Employer',
  '40': 'Receiver',
  '41': 'Submitter',
  '71': 'Attending provider',
  '72': 'Operating provider',
  '73': 'Other physician',
  '77': 'Service facility location',
  '80': 'Hospital',
  '82': 'Rendering provider',
  '85': 'Billing provider',
  '87': 'Pay-to provider',
  AY: 'Clearinghouse',
  DK: 'Ordering provider',
  DN: 'Referring provider',
  DQ: 'Supervising provider',
  FA: 'Facility',
  GB: 'Other insured',
  GP: 'Gateway provider',
  HK: 'Subscriber',
  IL: 'Insured or subscriber',
  LR: 'Legal representative',
  P3: 'Primary care provider',
  P5: 'Plan sponsor',
  PE: 'Payee',
  PR: 'Payer',
  QB: 'Purchased service provider',
  QC: 'Patient',
  TT: 'Transfer to (receiving payer)',
};

/** Short description of an entity identifier code, or undefined when the code is not in our list. */
export function describeEntityIdentifier(code: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(ENTITY_IDENTIFIER_CODES, code)
    ? ENTITY_IDENTIFIER_CODES[code]
    : undefined;
}
