/**
 * The edit vocabulary. Edits are pure functions over `ClaimFacts` (the fields edits look at, each with
 * its JSON path), so one rule set serves the JSON API and the raw 837 path: both produce the same claim
 * model, and `claimFacts()` is the one place that reads it.
 */

/** One value of the claim and where it sits (a JSON path into the submitted claim). */
export interface Field {
  /** Trimmed text; undefined when absent or empty. */
  value: string | undefined;
  path: string;
}

export interface LineFacts {
  path: string;
  procedureCode: Field;
  /** Institutional lines only. */
  revenueCode: Field;
  modifiers: Field[];
  charge: Field;
  units: Field;
  serviceDateFrom: Field;
  serviceDateTo: Field;
  lineItemControlNumber: Field;
  /** Line-level place of service (837P SV105), optional. */
  placeOfService: Field;
}

export interface ClaimFacts {
  kind: 'professional' | 'institutional';
  payerId: Field;
  payerName: Field;
  billingNpi: Field;
  billingName: Field;
  billingTaxId: Field;
  /** Every other NPI the claim names (rendering, referring, service facility, attending...). */
  otherNpis: Field[];
  memberId: Field;
  subscriberLastName: Field;
  subscriberBirthDate: Field;
  /** The patient's birth date: the dependent's when the patient is not the subscriber. */
  patientBirthDate: Field;
  patientControlNumber: Field;
  totalCharge: Field;
  frequencyCode: Field;
  payerClaimControlNumber: Field;
  /** CLM05-1: place of service (837P) or facility type code (837I). */
  facilityCode: Field;
  /** Claim-level service dates (837I statement period; 837P when given at claim level). */
  serviceDateFrom: Field;
  serviceDateTo: Field;
  /** Principal and other diagnoses (HI ABK/ABF, BK/BF): shape-checked and unique. */
  diagnoses: Field[];
  /** Admitting diagnosis and reasons for visit (837I): shape-checked only (they may repeat the principal). */
  otherDiagnosisCodes: Field[];
  lines: LineFacts[];
}

/** An edit failure: a stable code, the JSON path of the offending field, and a message without values. */
export interface EditFailure {
  code: EditCode;
  path: string;
  message: string;
}

/** What edits need from outside the claim: today's date (from the Clock) and database lookups. */
export interface EditContext {
  /** Today as CCYYMMDD, from the injected Clock. */
  today: string;
  /** Payer ids known to the organisation (payers table, shared sandbox payers included). */
  knownPayerIds: ReadonlySet<string>;
  /** Patient control numbers of the organisation's open claims. */
  openPatientControlNumbers: ReadonlySet<string>;
  /** Fingerprints of claims the organisation already submitted (open or settled). */
  existingFingerprints: ReadonlySet<string>;
}

export const EDIT_CODES = {
  REQUIRED_FIELD: 'A required field is missing or empty.',
  NPI_CHECK_DIGIT: 'The NPI is not 10 digits with a valid check digit (Luhn over 80840 + NPI).',
  DIAGNOSIS_CODE_SHAPE: 'The diagnosis code is not shaped like an ICD-10-CM code.',
  DIAGNOSIS_DUPLICATE: 'The same diagnosis code appears twice on the claim.',
  PROCEDURE_CODE_SHAPE: 'The procedure code is not shaped like a CPT or HCPCS code.',
  MODIFIER_SHAPE: 'A procedure modifier is not two letters or digits.',
  TOO_MANY_MODIFIERS: 'A service line carries more than four modifiers.',
  REVENUE_CODE_SHAPE: 'The revenue code is not four digits.',
  PLACE_OF_SERVICE: 'The place of service is not a CMS place of service code.',
  FACILITY_TYPE_CODE: 'The facility type code (type of bill) is not valid.',
  FREQUENCY_CODE: 'The claim frequency code is not 1 (original), 7 (replacement) or 8 (void).',
  DATE_INVALID: 'The date is not a calendar date (CCYYMMDD or CCYY-MM-DD).',
  SERVICE_DATE_IN_FUTURE: 'The service date is after today.',
  SERVICE_DATE_RANGE: 'The service period ends before it starts.',
  BIRTH_AFTER_SERVICE: 'The birth date is after the service date.',
  AMOUNT_INVALID: 'The amount is not a non-negative decimal with at most 10 digits and two decimals.',
  UNITS_INVALID: 'The unit count is not a positive number.',
  CLAIM_TOTAL_MISMATCH: 'The claim total does not equal the sum of the line charges.',
  TOO_MANY_LINES: 'A professional claim has at most 50 service lines.',
  NO_SERVICE_LINES: 'The claim has no service lines.',
  PATIENT_CONTROL_NUMBER_TOO_LONG: 'The patient control number is longer than 20 characters.',
  PATIENT_CONTROL_NUMBER_NOT_UNIQUE:
    "The patient control number is already used by one of the organisation's open claims.",
  LINE_ITEM_CONTROL_NUMBER_DUPLICATE:
    'The line item control number is used by another line of the same claim.',
  PAYER_CLAIM_CONTROL_NUMBER_REQUIRED:
    "Frequency 7 (replacement) or 8 (void) needs the payer's original claim number.",
  UNKNOWN_PAYER: 'The payer id is not a payer known to the gateway.',
  DUPLICATE_CLAIM:
    'A claim with the same provider, member, dates, procedures and charges was already submitted.',
  X12_REQUIRED_ELEMENT:
    'The claim lacks an element the 837 implementation guide requires (checked by building it).',
} as const;

export type EditCode = keyof typeof EDIT_CODES;

export function failure(code: EditCode, path: string): EditFailure {
  return { code, path, message: EDIT_CODES[code] };
}
