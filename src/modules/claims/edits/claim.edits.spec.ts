import {
  amounts,
  dates,
  diagnosisCodes,
  duplicateClaim,
  frequencyCode,
  knownPayer,
  lineCount,
  lineItemControlNumbers,
  npiCheckDigits,
  patientControlNumber,
  placeOfService,
  procedureCodes,
  requiredFields,
  runEdits,
} from './claim.edits';
import type { ClaimFacts, EditContext, Field, LineFacts } from './edit.types';
import { claimFingerprint } from './fingerprint';

const f = (value: string | undefined, path: string): Field => ({ value, path });

function line(index: number, overrides: Partial<LineFacts> = {}): LineFacts {
  const base = `claimInformation.serviceLines[${index}]`;
  return {
    path: base,
    procedureCode: f('99213', `${base}.professionalService.procedureCode`),
    revenueCode: f(undefined, `${base}.institutionalService.serviceLineRevenueCode`),
    modifiers: [f('25', `${base}.professionalService.procedureModifiers[0]`)],
    charge: f('50.25', `${base}.professionalService.lineItemChargeAmount`),
    units: f('1', `${base}.professionalService.serviceUnitCount`),
    serviceDateFrom: f('20240105', `${base}.serviceDate`),
    serviceDateTo: f(undefined, `${base}.serviceDateEnd`),
    lineItemControlNumber: f(`LINE${index}`, `${base}.providerControlNumber`),
    placeOfService: f(undefined, `${base}.professionalService.placeOfServiceCode`),
    ...overrides,
  };
}

function facts(overrides: Partial<ClaimFacts> = {}): ClaimFacts {
  return {
    kind: 'professional',
    payerId: f('SANDBOX1', 'receiver.payerId'),
    payerName: f('SANDBOX PAYER', 'receiver.organizationName'),
    billingNpi: f('1234567893', 'billing.npi'),
    billingName: f('CLINIC', 'billing.organizationName'),
    billingTaxId: f('123456789', 'billing.employerId'),
    otherNpis: [f('1234567893', 'rendering.npi')],
    memberId: f('MEMBER1', 'subscriber.memberId'),
    subscriberLastName: f('DOE', 'subscriber.lastName'),
    subscriberBirthDate: f('19800101', 'subscriber.dateOfBirth'),
    patientBirthDate: f('19800101', 'subscriber.dateOfBirth'),
    patientControlNumber: f('PCN1', 'claimInformation.patientControlNumber'),
    totalCharge: f('100.50', 'claimInformation.claimChargeAmount'),
    frequencyCode: f('1', 'claimInformation.claimFrequencyCode'),
    payerClaimControlNumber: f(undefined, 'claimInformation.claimSupplementalInformation.claimControlNumber'),
    facilityCode: f('11', 'claimInformation.placeOfServiceCode'),
    serviceDateFrom: f(undefined, 'claimInformation.serviceDate'),
    serviceDateTo: f(undefined, 'claimInformation.serviceDateEnd'),
    diagnoses: [f('E119', 'claimInformation.healthCareCodeInformation[0].diagnosisCode')],
    otherDiagnosisCodes: [],
    lines: [line(0), line(1)],
    ...overrides,
  };
}

const context = (overrides: Partial<EditContext> = {}): EditContext => ({
  today: '20240201',
  knownPayerIds: new Set(['SANDBOX1']),
  openPatientControlNumbers: new Set(),
  existingFingerprints: new Set(),
  ...overrides,
});

const codes = (failures: { code: string; path: string }[]) =>
  failures.map((item) => `${item.code}@${item.path}`);

describe('claim edits', () => {
  it('a valid claim passes every edit', () => {
    expect(runEdits(facts(), context())).toEqual([]);
  });

  it('REQUIRED_FIELD names each missing field by path', () => {
    const failures = requiredFields(
      facts({
        memberId: f(undefined, 'subscriber.memberId'),
        lines: [line(0, { charge: f('', 'x.charge') })],
      }),
      context(),
    );
    expect(codes(failures)).toEqual(['REQUIRED_FIELD@subscriber.memberId', 'REQUIRED_FIELD@x.charge']);
    expect(codes(requiredFields(facts({ diagnoses: [] }), context()))).toEqual([
      'REQUIRED_FIELD@claimInformation.healthCareCodeInformation',
    ]);
    expect(requiredFields(facts(), context())).toEqual([]);
  });

  it('NPI_CHECK_DIGIT on billing and other NPIs', () => {
    expect(npiCheckDigits(facts(), context())).toEqual([]);
    const failures = npiCheckDigits(
      facts({ billingNpi: f('1234567890', 'billing.npi'), otherNpis: [f('12345', 'rendering.npi')] }),
      context(),
    );
    expect(codes(failures)).toEqual(['NPI_CHECK_DIGIT@billing.npi', 'NPI_CHECK_DIGIT@rendering.npi']);
    expect(failures[0].message).not.toContain('1234567890');
  });

  it('DIAGNOSIS_CODE_SHAPE and DIAGNOSIS_DUPLICATE', () => {
    expect(diagnosisCodes(facts(), context())).toEqual([]);
    const failures = diagnosisCodes(
      facts({ diagnoses: [f('123', 'd[0]'), f('E11.9', 'd[1]'), f('E119', 'd[2]')] }),
      context(),
    );
    expect(codes(failures)).toEqual(['DIAGNOSIS_CODE_SHAPE@d[0]', 'DIAGNOSIS_DUPLICATE@d[2]']);
    // An admitting diagnosis may repeat the principal one; its shape is still checked.
    const institutional = facts({
      kind: 'institutional',
      otherDiagnosisCodes: [f('E119', 'a'), f('1', 'r')],
    });
    expect(codes(diagnosisCodes(institutional, context()))).toEqual(['DIAGNOSIS_CODE_SHAPE@r']);
  });

  it('PROCEDURE_CODE_SHAPE, MODIFIER_SHAPE, TOO_MANY_MODIFIERS, REVENUE_CODE_SHAPE', () => {
    expect(procedureCodes(facts(), context())).toEqual([]);
    const bad = line(0, {
      procedureCode: f('9921', 'p'),
      modifiers: ['25', 'x', 'LT', 'RT', '59'].map((value, index) => f(value, `m[${index}]`)),
      revenueCode: f('45', 'r'),
    });
    expect(codes(procedureCodes(facts({ lines: [bad] }), context()))).toEqual([
      'PROCEDURE_CODE_SHAPE@p',
      'REVENUE_CODE_SHAPE@r',
      `TOO_MANY_MODIFIERS@${bad.path}`,
      'MODIFIER_SHAPE@m[1]',
    ]);
  });

  it('PLACE_OF_SERVICE (837P) and FACILITY_TYPE_CODE (837I)', () => {
    expect(placeOfService(facts(), context())).toEqual([]);
    expect(codes(placeOfService(facts({ facilityCode: f('30', 'pos') }), context()))).toEqual([
      'PLACE_OF_SERVICE@pos',
    ]);
    expect(
      codes(placeOfService(facts({ lines: [line(0, { placeOfService: f('00', 'lpos') })] }), context())),
    ).toEqual(['PLACE_OF_SERVICE@lpos']);
    expect(placeOfService(facts({ kind: 'institutional', facilityCode: f('13', 'tob') }), context())).toEqual(
      [],
    );
    expect(
      codes(placeOfService(facts({ kind: 'institutional', facilityCode: f('90', 'tob') }), context())),
    ).toEqual(['FACILITY_TYPE_CODE@tob']);
  });

  it('FREQUENCY_CODE and PAYER_CLAIM_CONTROL_NUMBER_REQUIRED', () => {
    expect(frequencyCode(facts(), context())).toEqual([]);
    expect(codes(frequencyCode(facts({ frequencyCode: f('5', 'freq') }), context()))).toEqual([
      'FREQUENCY_CODE@freq',
    ]);
    expect(codes(frequencyCode(facts({ frequencyCode: f('7', 'freq') }), context()))).toEqual([
      'PAYER_CLAIM_CONTROL_NUMBER_REQUIRED@claimInformation.claimSupplementalInformation.claimControlNumber',
    ]);
    expect(
      frequencyCode(
        facts({ frequencyCode: f('8', 'freq'), payerClaimControlNumber: f('ORIG1', 'orig') }),
        context(),
      ),
    ).toEqual([]);
  });

  it('dates: DATE_INVALID, SERVICE_DATE_IN_FUTURE, SERVICE_DATE_RANGE, BIRTH_AFTER_SERVICE', () => {
    expect(dates(facts(), context())).toEqual([]);
    expect(
      codes(dates(facts({ lines: [line(0, { serviceDateFrom: f('20240231', 'sd') })] }), context())),
    ).toEqual(['DATE_INVALID@sd']);
    expect(
      codes(dates(facts({ lines: [line(0, { serviceDateFrom: f('2024-02-02', 'sd') })] }), context())),
    ).toEqual(['SERVICE_DATE_IN_FUTURE@sd']);
    // Today itself is not in the future.
    expect(dates(facts({ lines: [line(0, { serviceDateFrom: f('20240201', 'sd') })] }), context())).toEqual(
      [],
    );
    expect(
      codes(
        dates(
          facts({
            lines: [line(0, { serviceDateFrom: f('20240110', 'a'), serviceDateTo: f('20240109', 'b') })],
          }),
          context(),
        ),
      ),
    ).toEqual(['SERVICE_DATE_RANGE@b']);
    expect(
      codes(dates(facts({ patientBirthDate: f('20240106', 'dependent.dateOfBirth') }), context())),
    ).toEqual(['BIRTH_AFTER_SERVICE@dependent.dateOfBirth']);
  });

  it('amounts: AMOUNT_INVALID, UNITS_INVALID, CLAIM_TOTAL_MISMATCH in integer cents', () => {
    expect(amounts(facts(), context())).toEqual([]);
    // 0.1 + 0.2 style float drift cannot happen: 0.10 + 0.20 = 0.30 exactly.
    const cents = facts({
      totalCharge: f('0.3', 't'),
      lines: [line(0, { charge: f('0.10', 'c0') }), line(1, { charge: f('0.20', 'c1') })],
    });
    expect(amounts(cents, context())).toEqual([]);
    expect(codes(amounts(facts({ totalCharge: f('100.51', 't') }), context()))).toEqual([
      'CLAIM_TOTAL_MISMATCH@t',
    ]);
    expect(codes(amounts(facts({ totalCharge: f('1e2', 't') }), context()))).toEqual(['AMOUNT_INVALID@t']);
    expect(codes(amounts(facts({ totalCharge: f('-1', 't') }), context()))).toEqual(['AMOUNT_INVALID@t']);
    expect(codes(amounts(facts({ lines: [line(0, { units: f('0', 'u') }), line(1)] }), context()))).toEqual([
      'UNITS_INVALID@u',
    ]);
  });

  it('NO_SERVICE_LINES and TOO_MANY_LINES (50 professional, 999 institutional)', () => {
    expect(codes(lineCount(facts({ lines: [] }), context()))).toEqual([
      'NO_SERVICE_LINES@claimInformation.serviceLines',
    ]);
    const fifty = Array.from({ length: 50 }, (_, index) => line(index));
    expect(lineCount(facts({ lines: fifty }), context())).toEqual([]);
    expect(codes(lineCount(facts({ lines: [...fifty, line(50)] }), context()))).toEqual([
      'TOO_MANY_LINES@claimInformation.serviceLines',
    ]);
    expect(lineCount(facts({ kind: 'institutional', lines: [...fifty, line(50)] }), context())).toEqual([]);
  });

  it('PATIENT_CONTROL_NUMBER_TOO_LONG and PATIENT_CONTROL_NUMBER_NOT_UNIQUE', () => {
    expect(patientControlNumber(facts(), context())).toEqual([]);
    expect(
      codes(patientControlNumber(facts({ patientControlNumber: f('X'.repeat(21), 'pcn') }), context())),
    ).toEqual(['PATIENT_CONTROL_NUMBER_TOO_LONG@pcn']);
    expect(
      patientControlNumber(facts({ patientControlNumber: f('X'.repeat(20), 'pcn') }), context()),
    ).toEqual([]);
    expect(
      codes(patientControlNumber(facts(), context({ openPatientControlNumbers: new Set(['PCN1']) }))),
    ).toEqual(['PATIENT_CONTROL_NUMBER_NOT_UNIQUE@claimInformation.patientControlNumber']);
  });

  it('LINE_ITEM_CONTROL_NUMBER_DUPLICATE', () => {
    expect(lineItemControlNumbers(facts(), context())).toEqual([]);
    const twin = line(1, { lineItemControlNumber: f('LINE0', 'lic1') });
    expect(codes(lineItemControlNumbers(facts({ lines: [line(0), twin] }), context()))).toEqual([
      'LINE_ITEM_CONTROL_NUMBER_DUPLICATE@lic1',
    ]);
  });

  it('UNKNOWN_PAYER', () => {
    expect(knownPayer(facts(), context())).toEqual([]);
    expect(codes(knownPayer(facts({ payerId: f('NOPE', 'receiver.payerId') }), context()))).toEqual([
      'UNKNOWN_PAYER@receiver.payerId',
    ]);
  });

  it('DUPLICATE_CLAIM by content fingerprint, not for replacements', () => {
    const claim = facts();
    expect(duplicateClaim(claim, context())).toEqual([]);
    const seen = context({ existingFingerprints: new Set([claimFingerprint(claim)]) });
    expect(codes(duplicateClaim(claim, seen))).toEqual(['DUPLICATE_CLAIM@claimInformation']);
    // Same content written differently (dashed dates, trailing zeros) is the same claim.
    const respelled = facts({
      totalCharge: f('100.5', 'claimInformation.claimChargeAmount'),
      lines: [line(0, { serviceDateFrom: f('2024-01-05', 's') }), line(1, { charge: f('50.250', 'c') })],
    });
    expect(claimFingerprint(respelled)).toBe(claimFingerprint(claim));
    expect(claimFingerprint(facts({ memberId: f('OTHER', 'm') }))).not.toBe(claimFingerprint(claim));
    expect(
      duplicateClaim(facts({ frequencyCode: f('7', 'x'), payerClaimControlNumber: f('P', 'y') }), seen),
    ).toEqual([]);
  });
});
