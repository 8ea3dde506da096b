/**
 * Remittance Advice Remark Codes (RARC: MOA03-07, MIA05/20-23 and LQ02 with LQ01 = HE in the 835): the
 * ones most often seen. Short descriptions in our own words; the authoritative list is maintained by
 * CMS and changes several times a year, so an unknown code is normal and simply has no description here.
 */
export const RARC_CODES: Readonly<Record<string, string>> = {
  M1: 'X-ray not taken within the past 12 months or near enough to the start of treatment',
  M2: 'Not paid separately when the patient is an inpatient',
  M15: 'Separately billed services or tests were bundled: they are considered components of the same procedure',
  M20: 'Missing, incomplete or invalid HCPCS code',
  M25: 'Information furnished does not substantiate the need for this level of service',
  M27: 'The patient has been relieved of liability under the limitation of liability provision',
  M51: 'Missing, incomplete or invalid procedure code',
  M54: 'Missing, incomplete or invalid total charges',
  M62: 'Missing, incomplete or invalid treatment authorization code',
  M76: 'Missing, incomplete or invalid diagnosis or condition',
  M77: 'Missing, incomplete or invalid place of service',
  M79: 'Missing, incomplete or invalid charge',
  M80: 'Not covered when performed during the same session or date as a previously processed service',
  M86: 'Service denied because payment already made for the same or a similar procedure in the set time frame',
  M119: 'Missing, incomplete or invalid National Drug Code',
  M127: 'Missing patient medical record for this service',
  MA01: 'If you disagree with the payment amount you may appeal; instructions follow the payer’s notice',
  MA04: 'Secondary payment cannot be considered without the identity of, or payment information from, the primary payer',
  MA07: 'The claim information has also been forwarded to Medicaid for review',
  MA18: 'The claim information is also being forwarded to the patient’s supplemental insurer',
  MA63: 'Missing, incomplete or invalid principal diagnosis',
  MA66: 'Missing, incomplete or invalid principal procedure code',
  MA92: 'Missing plan information for other insurance',
  MA120: 'Missing, incomplete or invalid CLIA certification number',
  MA125: 'Per legislation governing this program, the payment constitutes payment in full',
  MA130:
    'The claim contains incomplete or invalid information and no appeal rights are given: correct and resubmit it as a new claim',
  N1: 'You may appeal this decision in writing within the required time limits',
  N4: 'Missing, incomplete or invalid prior insurance carrier remittance advice',
  N10: 'Adjustment based on the findings of a review organization or professional consult',
  N19: 'Procedure code incidental to the primary procedure',
  N20: 'Service not payable with other service rendered on the same date',
  N30: 'Patient ineligible for this service',
  N56: 'Procedure code billed is not correct or valid for the services billed or the date of service',
  N95: 'This provider type or specialty may not bill this service',
  N115: 'This decision was based on a local coverage determination',
  N122: 'Add-on code cannot be billed by itself',
  N130: 'Consult the plan’s benefit documents or guidelines for information about restrictions for this service',
  N180: 'This item or service does not meet the criteria for the category under which it was billed',
  N211: 'You may not appeal this decision',
  N216: 'The patient is not enrolled in this portion of the benefit package',
  N257: 'Missing, incomplete or invalid billing provider or supplier primary identifier',
  N264: 'Missing, incomplete or invalid ordering provider name',
  N265: 'Missing, incomplete or invalid ordering provider primary identifier',
  N286: 'Missing, incomplete or invalid referring provider primary identifier',
  N290: 'Missing, incomplete or invalid rendering provider primary identifier',
  N362: 'The number of days or units of service exceeds the acceptable maximum',
  N381: 'Consult the contract or agreement for restrictions, billing or payment information for this service',
  N386: 'This decision was based on a national coverage determination',
  N425: 'Statutorily excluded service',
  N432: 'Adjustment based on a recovery audit',
  N479: 'Missing explanation of benefits (coordination of benefits or Medicare secondary payer)',
  N517: 'Resubmit a new claim with the requested information',
  N522: 'Duplicate of a claim processed, or to be processed, as a crossover claim',
  N525: 'These services are not covered when performed within a global period of another service',
  N657: 'This should be billed with the appropriate code for these services',
};

/** Description of a RARC, or undefined for a code not in this list. */
export function describeRarc(code: string): string | undefined {
  return Object.hasOwn(RARC_CODES, code) ? RARC_CODES[code] : undefined;
}
