/**
 * Intake's view of a submitted claim (the Change Healthcare / Stedi JSON claim shape): the facts the edits
 * read, each with its JSON path, and the rows intake stores. Input is untrusted until the edits pass, so
 * everything here reads defensively (a wrong type is an absent value, which REQUIRED_FIELD reports).
 */
import { createHash } from 'node:crypto';
import { newId } from '../../common/ids';
import { formatCents, parseCents } from '../../x12/money';
import type { ClaimKind } from './claim-status';
import { normalizeDate } from './edits/code-shapes';
import type { ClaimFacts, Field, LineFacts } from './edits/edit.types';
import type {
  ClaimRow,
  DiagnosisRow,
  PatientRow,
  ProviderRow,
  ServiceLineRow,
} from './repositories/claim-rows';

/** A claim as submitted (JSON object). Typed loosely on purpose: it has not been edited yet. */
export type SubmittedClaim = Record<string, unknown>;

type Json = Record<string, unknown>;

function object(value: unknown): Json | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}

function array(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Text of a scalar: strings trimmed, finite numbers as written by JSON; anything else is absent. */
function text(value: unknown): string | undefined {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** Reads `a.b.c` from an object; returns the Field with its path. */
function field(root: Json | undefined, path: string, prefix = ''): Field {
  let current: unknown = root;
  for (const key of path.split('.')) current = object(current)?.[key];
  return { value: text(current), path: prefix ? `${prefix}.${path}` : path };
}

/** Professional unless the caller says otherwise or the claim carries institutional-only parts. */
export function claimKindOf(claim: SubmittedClaim): ClaimKind {
  const declared = text(claim.claimType);
  if (declared === 'institutional' || declared === 'professional') return declared;
  const information = object(claim.claimInformation);
  if (information?.principalDiagnosis !== undefined || information?.claimCodeInformation !== undefined)
    return 'institutional';
  return 'professional';
}

export function claimFacts(kind: ClaimKind, claim: SubmittedClaim): ClaimFacts {
  const root = object(claim) ?? {};
  const information = object(root.claimInformation);
  const lines = array(information?.serviceLines);
  const otherNpis: Field[] = [];
  for (const role of ['rendering', 'referring', 'supervising', 'attending', 'operating', 'ordering']) {
    const npi = field(root, `${role}.npi`);
    if (object(root[role]) !== undefined) otherNpis.push(npi);
  }
  if (object(information?.serviceFacilityLocation)?.npi !== undefined)
    otherNpis.push(field(root, 'claimInformation.serviceFacilityLocation.npi'));
  lines.forEach((line, index) => {
    const rendering = object(object(line)?.renderingProvider);
    if (rendering?.npi !== undefined)
      otherNpis.push(field(object(line), 'renderingProvider.npi', `claimInformation.serviceLines[${index}]`));
  });

  const dependent = object(root.dependent);
  const billingName = field(root, 'billing.organizationName').value
    ? field(root, 'billing.organizationName')
    : field(root, 'billing.lastName');

  const facts: ClaimFacts = {
    kind,
    payerId: field(root, 'tradingPartnerServiceId'),
    payerName: field(root, 'receiver.organizationName'),
    billingNpi: field(root, 'billing.npi'),
    billingName,
    billingTaxId: field(root, 'billing.employerId').value
      ? field(root, 'billing.employerId')
      : field(root, 'billing.ssn'),
    otherNpis,
    memberId: field(root, 'subscriber.memberId'),
    subscriberLastName: field(root, 'subscriber.lastName'),
    subscriberBirthDate: field(root, 'subscriber.dateOfBirth'),
    patientBirthDate: dependent
      ? field(root, 'dependent.dateOfBirth')
      : field(root, 'subscriber.dateOfBirth'),
    patientControlNumber: field(root, 'claimInformation.patientControlNumber'),
    totalCharge: field(root, 'claimInformation.claimChargeAmount'),
    frequencyCode: field(root, 'claimInformation.claimFrequencyCode'),
    payerClaimControlNumber: field(root, 'claimInformation.claimSupplementalInformation.claimControlNumber'),
    facilityCode: field(root, 'claimInformation.placeOfServiceCode'),
    serviceDateFrom:
      kind === 'institutional'
        ? field(root, 'claimInformation.claimDateInformation.statementBeginDate')
        : field(root, 'claimInformation.serviceDate'),
    serviceDateTo:
      kind === 'institutional'
        ? field(root, 'claimInformation.claimDateInformation.statementEndDate')
        : field(root, 'claimInformation.serviceDateEnd'),
    diagnoses:
      kind === 'professional' ? professionalDiagnoses(information) : institutionalDiagnoses(information),
    otherDiagnosisCodes: kind === 'professional' ? [] : institutionalOtherCodes(information),
    lines: lines.map((line, index) => lineFacts(kind, object(line), index)),
  };
  return facts;
}

function professionalDiagnoses(information: Json | undefined): Field[] {
  return array(information?.healthCareCodeInformation).map((entry, index) =>
    field(object(entry), 'diagnosisCode', `claimInformation.healthCareCodeInformation[${index}]`),
  );
}

function institutionalDiagnoses(information: Json | undefined): Field[] {
  const diagnoses: Field[] = [];
  if (information?.principalDiagnosis !== undefined)
    diagnoses.push(field(information, 'principalDiagnosis.principalDiagnosisCode', 'claimInformation'));
  array(information?.otherDiagnosisInformationList).forEach((group, groupIndex) => {
    array(group).forEach((entry, index) =>
      diagnoses.push(
        field(
          object(entry),
          'otherDiagnosis',
          `claimInformation.otherDiagnosisInformationList[${groupIndex}][${index}]`,
        ),
      ),
    );
  });
  return diagnoses;
}

function institutionalOtherCodes(information: Json | undefined): Field[] {
  const codes: Field[] = [];
  if (information?.admittingDiagnosis !== undefined)
    codes.push(field(information, 'admittingDiagnosis.admittingDiagnosisCode', 'claimInformation'));
  array(information?.patientReasonForVisits).forEach((entry, index) =>
    codes.push(
      field(object(entry), 'patientReasonForVisitCode', `claimInformation.patientReasonForVisits[${index}]`),
    ),
  );
  return codes;
}

function lineFacts(kind: ClaimKind, line: Json | undefined, index: number): LineFacts {
  const base = `claimInformation.serviceLines[${index}]`;
  const service = kind === 'professional' ? 'professionalService' : 'institutionalService';
  const modifiers = array(object(line?.[service])?.procedureModifiers).map((modifier, position) => ({
    value: text(modifier),
    path: `${base}.${service}.procedureModifiers[${position}]`,
  }));
  return {
    path: base,
    procedureCode: field(line, `${service}.procedureCode`, base),
    revenueCode:
      kind === 'institutional'
        ? field(line, `${service}.serviceLineRevenueCode`, base)
        : { value: undefined, path: `${base}.${service}.serviceLineRevenueCode` },
    modifiers,
    charge: field(line, `${service}.lineItemChargeAmount`, base),
    units: field(line, `${service}.serviceUnitCount`, base),
    serviceDateFrom: field(line, 'serviceDate', base),
    serviceDateTo: field(line, 'serviceDateEnd', base),
    lineItemControlNumber:
      kind === 'professional'
        ? field(line, 'providerControlNumber', base)
        : field(line, 'lineItemControlNumber', base),
    placeOfService: field(line, `${service}.placeOfServiceCode`, base),
  };
}

// ---- rows -------------------------------------------------------------------------------------------

export interface IntakeParties {
  billing: ProviderRow;
  rendering?: ProviderRow;
  subscriber: PatientRow;
  /** The patient when not the subscriber. */
  patient?: PatientRow;
}

export type ClaimRowWithoutParties = Omit<
  ClaimRow,
  'billingProviderId' | 'renderingProviderId' | 'subscriberId' | 'patientId'
>;

export interface IntakeRows {
  claim: ClaimRowWithoutParties;
  lines: ServiceLineRow[];
  diagnoses: DiagnosisRow[];
  parties: IntakeParties;
}

export interface IntakeRowsInput {
  orgId: string;
  batchId: string;
  batchIndex: number;
  kind: ClaimKind;
  claim: SubmittedClaim;
  /** Facts of an edited claim (every required field present and well-formed). */
  facts: ClaimFacts;
  fingerprint: string;
  at: Date;
}

/** CCYYMMDD or CCYY-MM-DD to CCYY-MM-DD (edited input: the date is valid). */
function isoDate(value: string | undefined): string | null {
  const normalised = value ? normalizeDate(value) : undefined;
  return normalised ? `${normalised.slice(0, 4)}-${normalised.slice(4, 6)}-${normalised.slice(6, 8)}` : null;
}

function decimal(value: string | undefined): string {
  return formatCents(parseCents(value ?? '0') ?? 0);
}

function sha256(parts: readonly (string | undefined)[]): string {
  return createHash('sha256')
    .update(parts.map((part) => part ?? '').join('\u001f'))
    .digest('hex');
}

function personName(person: Json | undefined): string {
  const organization = text(person?.organizationName);
  if (organization) return organization;
  return [text(person?.lastName), text(person?.firstName)].filter(Boolean).join(', ');
}

function patientRow(
  orgId: string,
  role: 'subscriber' | 'dependent',
  person: Json,
  payerId: string,
  memberId: string | undefined,
): PatientRow {
  const birthDate = isoDate(text(person.dateOfBirth));
  return {
    id: newId(),
    orgId,
    role,
    identityHash: sha256([
      role,
      payerId,
      memberId,
      text(person.lastName),
      text(person.firstName),
      birthDate ?? '',
    ]),
    memberId: memberId ?? null,
    firstName: text(person.firstName) ?? null,
    lastName: text(person.lastName) ?? '',
    birthDate,
    gender: text(person.gender) ?? null,
    address: object(person.address) ?? null,
  };
}

export function intakeRows(input: IntakeRowsInput): IntakeRows {
  const { orgId, facts, claim } = input;
  const root = object(claim) ?? {};
  const billing = object(root.billing) ?? {};
  const rendering = object(root.rendering);
  const subscriber = object(root.subscriber) ?? {};
  const dependent = object(root.dependent);
  const claimId = newId();

  const lines: ServiceLineRow[] = facts.lines.map((line, index) => {
    const source = object(array(object(root.claimInformation)?.serviceLines)[index]);
    return {
      id: newId(),
      orgId,
      claimId,
      lineNumber: index + 1,
      procedureCode: line.procedureCode.value ?? null,
      revenueCode: line.revenueCode.value ?? null,
      modifiers: line.modifiers.map((modifier) => modifier.value ?? ''),
      chargeAmount: decimal(line.charge.value),
      unitCount: line.units.value ?? '1',
      serviceDateFrom: isoDate(line.serviceDateFrom.value),
      serviceDateTo: isoDate(line.serviceDateTo.value),
      lineItemControlNumber: line.lineItemControlNumber.value ?? null,
      nationalDrugCode: text(object(source?.drugIdentification)?.nationalDrugCode) ?? null,
    };
  });

  const qualifiers = diagnosisQualifiers(input.kind, object(root.claimInformation));
  const diagnoses: DiagnosisRow[] = facts.diagnoses.map((diagnosis, index) => ({
    id: newId(),
    orgId,
    claimId,
    position: index + 1,
    qualifier: qualifiers[index] ?? (index === 0 ? 'ABK' : 'ABF'),
    code: (diagnosis.value ?? '').replace('.', ''),
  }));

  // Claim-level service period: the claim's own dates, else the span of its lines.
  const lineDates = lines
    .flatMap((line) => [line.serviceDateFrom, line.serviceDateTo])
    .filter((date): date is string => date !== null);
  const from =
    isoDate(facts.serviceDateFrom.value) ?? lineDates.reduce((a, b) => (b < a ? b : a), lineDates[0]);
  const to =
    isoDate(facts.serviceDateTo.value) ?? lineDates.reduce((a, b) => (b > a ? b : a), lineDates[0]) ?? from;

  const payerId = facts.payerId.value ?? '';
  return {
    claim: {
      id: claimId,
      orgId,
      batchId: input.batchId,
      batchIndex: input.batchIndex,
      kind: input.kind,
      status: 'queued',
      payerId,
      patientControlNumber: facts.patientControlNumber.value ?? '',
      frequencyCode: facts.frequencyCode.value ?? '1',
      payerClaimControlNumber: facts.payerClaimControlNumber.value ?? null,
      facilityCode: facts.facilityCode.value ?? '',
      serviceDateFrom: from,
      serviceDateTo: to ?? from,
      totalCharge: decimal(facts.totalCharge.value),
      lineCount: lines.length,
      fingerprint: input.fingerprint,
      submitted: claim,
      createdAt: input.at,
    },
    lines,
    diagnoses,
    parties: {
      billing: {
        id: newId(),
        orgId,
        npi: facts.billingNpi.value ?? '',
        name: personName(billing),
        taxId: facts.billingTaxId.value ?? null,
        taxonomyCode: text(billing.taxonomyCode) ?? null,
        address: object(billing.address) ?? null,
      },
      rendering:
        rendering && text(rendering.npi)
          ? {
              id: newId(),
              orgId,
              npi: text(rendering.npi)!,
              name: personName(rendering),
              taxId: null,
              taxonomyCode: text(rendering.taxonomyCode) ?? null,
              address: null,
            }
          : undefined,
      subscriber: patientRow(orgId, 'subscriber', subscriber, payerId, facts.memberId.value),
      patient: dependent
        ? patientRow(orgId, 'dependent', dependent, payerId, facts.memberId.value)
        : undefined,
    },
  };
}

function diagnosisQualifiers(kind: ClaimKind, information: Json | undefined): string[] {
  if (kind === 'professional')
    return array(information?.healthCareCodeInformation).map(
      (entry) => text(object(entry)?.diagnosisTypeCode) ?? '',
    );
  const qualifiers: string[] = [];
  if (information?.principalDiagnosis !== undefined)
    qualifiers.push(text(object(information.principalDiagnosis)?.qualifierCode) ?? 'ABK');
  for (const group of array(information?.otherDiagnosisInformationList))
    for (const entry of array(group)) qualifiers.push(text(object(entry)?.qualifierCode) ?? 'ABF');
  return qualifiers;
}
