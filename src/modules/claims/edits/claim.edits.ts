/**
 * The claim edits: pure functions over ClaimFacts and an EditContext. Each returns its failures (codes and
 * JSON paths; messages never carry values). `runEdits` runs them all in a fixed order.
 */
import { parseCents } from '../../../x12/money';
import {
  isFacilityTypeCode,
  isIcd10CmShape,
  isModifierShape,
  isPlaceOfServiceCode,
  isProcedureCodeShape,
  isRevenueCodeShape,
  isValidNpi,
  normalizeDate,
} from './code-shapes';
import { ClaimFacts, EditContext, EditFailure, Field, failure } from './edit.types';
import { claimFingerprint } from './fingerprint';

export type ClaimEdit = (facts: ClaimFacts, context: EditContext) => EditFailure[];

export const MAX_PROFESSIONAL_LINES = 50;
export const MAX_INSTITUTIONAL_LINES = 999;
export const MAX_PATIENT_CONTROL_NUMBER_LENGTH = 20;

function present(field: Field): field is Field & { value: string } {
  return field.value !== undefined && field.value !== '';
}

export const requiredFields: ClaimEdit = (facts) => {
  const required: Field[] = [
    facts.payerId,
    facts.payerName,
    facts.billingNpi,
    facts.billingName,
    facts.billingTaxId,
    facts.memberId,
    facts.subscriberLastName,
    facts.patientControlNumber,
    facts.totalCharge,
    facts.facilityCode,
  ];
  if (facts.kind === 'institutional') required.push(facts.serviceDateFrom);
  if (facts.diagnoses.length === 0) required.push({ value: undefined, path: diagnosisListPath(facts) });
  const failures = required
    .filter((field) => !present(field))
    .map((field) => failure('REQUIRED_FIELD', field.path));
  for (const line of facts.lines) {
    const lineRequired = [line.charge, line.units];
    if (facts.kind === 'professional') lineRequired.push(line.procedureCode);
    else lineRequired.push(line.revenueCode);
    // A professional line needs its own service date unless the claim gives one.
    if (facts.kind === 'professional' && !present(facts.serviceDateFrom))
      lineRequired.push(line.serviceDateFrom);
    for (const field of lineRequired)
      if (!present(field)) failures.push(failure('REQUIRED_FIELD', field.path));
  }
  return failures;
};

function diagnosisListPath(facts: ClaimFacts): string {
  return facts.kind === 'professional'
    ? 'claimInformation.healthCareCodeInformation'
    : 'claimInformation.principalDiagnosis';
}

export const npiCheckDigits: ClaimEdit = (facts) =>
  [facts.billingNpi, ...facts.otherNpis]
    .filter((field) => present(field) && !isValidNpi(field.value!))
    .map((field) => failure('NPI_CHECK_DIGIT', field.path));

export const diagnosisCodes: ClaimEdit = (facts) => {
  const failures: EditFailure[] = [];
  const seen = new Set<string>();
  for (const diagnosis of facts.diagnoses) {
    if (!present(diagnosis)) {
      failures.push(failure('REQUIRED_FIELD', diagnosis.path));
      continue;
    }
    if (!isIcd10CmShape(diagnosis.value)) failures.push(failure('DIAGNOSIS_CODE_SHAPE', diagnosis.path));
    const normalised = diagnosis.value.replace('.', '');
    if (seen.has(normalised)) failures.push(failure('DIAGNOSIS_DUPLICATE', diagnosis.path));
    seen.add(normalised);
  }
  for (const code of facts.otherDiagnosisCodes)
    if (present(code) && !isIcd10CmShape(code.value))
      failures.push(failure('DIAGNOSIS_CODE_SHAPE', code.path));
  return failures;
};

export const procedureCodes: ClaimEdit = (facts) => {
  const failures: EditFailure[] = [];
  for (const line of facts.lines) {
    if (present(line.procedureCode) && !isProcedureCodeShape(line.procedureCode.value))
      failures.push(failure('PROCEDURE_CODE_SHAPE', line.procedureCode.path));
    if (present(line.revenueCode) && !isRevenueCodeShape(line.revenueCode.value))
      failures.push(failure('REVENUE_CODE_SHAPE', line.revenueCode.path));
    // SV101-3..6 / SV202-3..6: four modifier slots.
    if (line.modifiers.length > 4) failures.push(failure('TOO_MANY_MODIFIERS', line.path));
    for (const modifier of line.modifiers)
      if (!present(modifier) || !isModifierShape(modifier.value))
        failures.push(failure('MODIFIER_SHAPE', modifier.path));
  }
  return failures;
};

export const placeOfService: ClaimEdit = (facts) => {
  const failures: EditFailure[] = [];
  if (present(facts.facilityCode)) {
    const valid =
      facts.kind === 'professional'
        ? isPlaceOfServiceCode(facts.facilityCode.value)
        : isFacilityTypeCode(facts.facilityCode.value);
    if (!valid)
      failures.push(
        failure(
          facts.kind === 'professional' ? 'PLACE_OF_SERVICE' : 'FACILITY_TYPE_CODE',
          facts.facilityCode.path,
        ),
      );
  }
  for (const line of facts.lines)
    if (present(line.placeOfService) && !isPlaceOfServiceCode(line.placeOfService.value))
      failures.push(failure('PLACE_OF_SERVICE', line.placeOfService.path));
  return failures;
};

export const frequencyCode: ClaimEdit = (facts) => {
  const code = facts.frequencyCode.value ?? '1';
  if (!['1', '7', '8'].includes(code)) return [failure('FREQUENCY_CODE', facts.frequencyCode.path)];
  // 2300 REF*F8 (payer claim control number) is required exactly when CLM05-3 is 7 or 8.
  if ((code === '7' || code === '8') && !present(facts.payerClaimControlNumber))
    return [failure('PAYER_CLAIM_CONTROL_NUMBER_REQUIRED', facts.payerClaimControlNumber.path)];
  return [];
};

/** Every service period of the claim (claim level and each line), as normalised CCYYMMDD pairs. */
function servicePeriods(facts: ClaimFacts): { from: Field; to: Field }[] {
  return [
    { from: facts.serviceDateFrom, to: facts.serviceDateTo },
    ...facts.lines.map((line) => ({ from: line.serviceDateFrom, to: line.serviceDateTo })),
  ];
}

export const dates: ClaimEdit = (facts, context) => {
  const failures: EditFailure[] = [];
  const check = (field: Field): string | undefined => {
    if (!present(field)) return undefined;
    const normalised = normalizeDate(field.value);
    if (normalised === undefined) failures.push(failure('DATE_INVALID', field.path));
    return normalised;
  };
  const birthDates = [facts.subscriberBirthDate, facts.patientBirthDate]
    .filter((field, index, all) => index === 0 || field.path !== all[0].path)
    .map((field) => ({ field, date: check(field) }));
  const patientBirth = birthDates[birthDates.length - 1];
  let earliestService: string | undefined;
  for (const period of servicePeriods(facts)) {
    const from = check(period.from);
    const to = check(period.to);
    if (from && to && to < from) failures.push(failure('SERVICE_DATE_RANGE', period.to.path));
    for (const [field, date] of [
      [period.from, from],
      [period.to, to],
    ] as const) {
      if (date && date > context.today) failures.push(failure('SERVICE_DATE_IN_FUTURE', field.path));
    }
    if (from && (earliestService === undefined || from < earliestService)) earliestService = from;
  }
  if (patientBirth?.date && earliestService && patientBirth.date > earliestService)
    failures.push(failure('BIRTH_AFTER_SERVICE', patientBirth.field.path));
  return failures;
};

export const amounts: ClaimEdit = (facts) => {
  const failures: EditFailure[] = [];
  const cents = (field: Field): number | undefined => {
    if (!present(field)) return undefined;
    // numeric(12,2) and the 837 builders: at most 10 whole digits.
    const value = /^\d{1,10}(?:\.\d{1,2})?$/.test(field.value) ? parseCents(field.value) : undefined;
    if (value === undefined || value < 0) {
      failures.push(failure('AMOUNT_INVALID', field.path));
      return undefined;
    }
    return value;
  };
  const total = cents(facts.totalCharge);
  let sum = 0;
  let allLinesKnown = true;
  for (const line of facts.lines) {
    const charge = cents(line.charge);
    if (charge === undefined) allLinesKnown = false;
    else sum += charge;
    if (
      present(line.units) &&
      !(/^\d{1,10}(?:\.\d{1,3})?$/.test(line.units.value) && Number(line.units.value) > 0)
    )
      failures.push(failure('UNITS_INVALID', line.units.path));
  }
  // CLM02 must equal the sum of SV102 (837P) or SV203 (837I), compared in integer cents.
  if (total !== undefined && allLinesKnown && facts.lines.length > 0 && total !== sum)
    failures.push(failure('CLAIM_TOTAL_MISMATCH', facts.totalCharge.path));
  return failures;
};

export const lineCount: ClaimEdit = (facts) => {
  if (facts.lines.length === 0) return [failure('NO_SERVICE_LINES', 'claimInformation.serviceLines')];
  const max = facts.kind === 'professional' ? MAX_PROFESSIONAL_LINES : MAX_INSTITUTIONAL_LINES;
  return facts.lines.length > max ? [failure('TOO_MANY_LINES', 'claimInformation.serviceLines')] : [];
};

export const patientControlNumber: ClaimEdit = (facts, context) => {
  const field = facts.patientControlNumber;
  if (!present(field)) return [];
  // CLM01 is at most 20 characters in the 5010 guides (and is what 277CA and 835 echo back).
  if (field.value.length > MAX_PATIENT_CONTROL_NUMBER_LENGTH)
    return [failure('PATIENT_CONTROL_NUMBER_TOO_LONG', field.path)];
  if (context.openPatientControlNumbers.has(field.value))
    return [failure('PATIENT_CONTROL_NUMBER_NOT_UNIQUE', field.path)];
  return [];
};

export const lineItemControlNumbers: ClaimEdit = (facts) => {
  const seen = new Set<string>();
  const failures: EditFailure[] = [];
  for (const line of facts.lines) {
    const field = line.lineItemControlNumber;
    if (!present(field)) continue;
    // 2400 REF*6R must be unique within the claim: 277CA and 835 match lines by it.
    if (seen.has(field.value)) failures.push(failure('LINE_ITEM_CONTROL_NUMBER_DUPLICATE', field.path));
    seen.add(field.value);
  }
  return failures;
};

export const knownPayer: ClaimEdit = (facts, context) =>
  present(facts.payerId) && !context.knownPayerIds.has(facts.payerId.value)
    ? [failure('UNKNOWN_PAYER', facts.payerId.path)]
    : [];

export const duplicateClaim: ClaimEdit = (facts, context) => {
  // A replacement or void legitimately repeats the original's content.
  const frequency = facts.frequencyCode.value ?? '1';
  if (frequency !== '1') return [];
  return context.existingFingerprints.has(claimFingerprint(facts))
    ? [failure('DUPLICATE_CLAIM', 'claimInformation')]
    : [];
};

/** The rule set, in reporting order. */
export const CLAIM_EDITS: readonly ClaimEdit[] = [
  requiredFields,
  npiCheckDigits,
  diagnosisCodes,
  procedureCodes,
  placeOfService,
  frequencyCode,
  dates,
  amounts,
  lineCount,
  patientControlNumber,
  lineItemControlNumbers,
  knownPayer,
  duplicateClaim,
];

export function runEdits(facts: ClaimFacts, context: EditContext): EditFailure[] {
  const failures: EditFailure[] = [];
  for (const edit of CLAIM_EDITS) failures.push(...edit(facts, context));
  return failures;
}
