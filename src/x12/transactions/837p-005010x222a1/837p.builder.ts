/**
 * 837P (005010X222A1) body builder: the segments between ST and SE for one transaction set of professional
 * claims. The envelope writer adds ST/SE/GS/GE/ISA/IEA and the counts.
 */
import type { SegmentInput } from '../../envelope/types';
import type {
  Claim837BuildOptions,
  ProfessionalClaim,
  ProfessionalClaimBatchInput,
  ProfessionalServiceLine,
} from '../837-claim.model';
import {
  claimReferenceSegments,
  dateSegment,
  drugSegments,
  headerSegments,
  healthCareSegments,
  hierarchySegments,
  invalidClaimInput,
  providerName,
  requireAmount,
  requireText,
  segment,
} from '../837-claim.hierarchy';

export const VERSION_837P = '005010X222A1';

/** 2300 DTP qualifiers in guide order, with the model field each comes from. */
export const PROFESSIONAL_CLAIM_DATES = [
  ['431', 'symptomDate'],
  ['454', 'initialTreatmentDate'],
  ['304', 'lastSeenDate'],
  ['439', 'accidentDate'],
  ['435', 'admissionDate'],
  ['096', 'dischargeDate'],
] as const;

function clmSegment(claim: ProfessionalClaim): SegmentInput {
  const info = claim.claimInformation;
  const causes = info.relatedCausesCode ?? [];
  const relatedCauses =
    causes.length > 0 || info.autoAccidentStateCode
      ? [causes[0] ?? '', causes[1] ?? '', causes[2] ?? '', info.autoAccidentStateCode ?? '']
      : undefined;
  const patientControlNumber = requireText(info.patientControlNumber, 'patientControlNumber', 'CLM01');
  // CLM01 is echoed in 277CA and 835 CLP01: at most 20 characters
  if (patientControlNumber.length > 20)
    throw invalidClaimInput('patientControlNumber is longer than 20.', 'CLM01');
  return segment(
    'CLM',
    patientControlNumber,
    requireAmount(info.claimChargeAmount, 'claimChargeAmount', 'CLM02'),
    '',
    '',
    // CLM05: place of service, B (place of service code qualifier), frequency
    [
      requireText(info.placeOfServiceCode, 'placeOfServiceCode', 'CLM05-1'),
      'B',
      requireText(info.claimFrequencyCode, 'claimFrequencyCode', 'CLM05-3'),
    ],
    requireText(info.signatureIndicator, 'signatureIndicator', 'CLM06'),
    requireText(info.planParticipationCode, 'planParticipationCode', 'CLM07'),
    requireText(
      info.benefitsAssignmentCertificationIndicator,
      'benefitsAssignmentCertificationIndicator',
      'CLM08',
    ),
    requireText(info.releaseInformationCode, 'releaseInformationCode', 'CLM09'),
    '',
    relatedCauses,
  );
}

function serviceLineSegments(line: ProfessionalServiceLine, index: number): SegmentInput[] {
  const service = line.professionalService;
  if (!service) throw invalidClaimInput(`serviceLines[${index}].professionalService is required.`, 'SV101');
  const modifiers = service.procedureModifiers ?? [];
  if (modifiers.length > 4) throw invalidClaimInput('at most four procedure modifiers.', 'SV101-6');
  const pointers = service.compositeDiagnosisCodePointers?.diagnosisCodePointers ?? [];
  if (pointers.length === 0 || pointers.length > 4) {
    throw invalidClaimInput(`serviceLines[${index}] needs one to four diagnosis code pointers.`, 'SV107');
  }
  const out: SegmentInput[] = [
    segment('LX', String(index + 1)),
    segment(
      'SV1',
      [
        requireText(service.procedureIdentifier, 'procedureIdentifier', 'SV101-1'),
        requireText(service.procedureCode, 'procedureCode', 'SV101-2'),
        ...modifiers,
      ],
      requireAmount(service.lineItemChargeAmount, 'lineItemChargeAmount', 'SV102'),
      requireText(service.measurementUnit, 'measurementUnit', 'SV103'),
      requireText(service.serviceUnitCount, 'serviceUnitCount', 'SV104'),
      service.placeOfServiceCode,
      '',
      pointers,
      '',
      service.emergencyIndicator,
    ),
    // 2400 DTP*472 is required in the professional guide
    dateSegment('472', requireText(line.serviceDate, 'serviceDate', 'DTP03'), line.serviceDateEnd),
  ];
  if (line.providerControlNumber) out.push(segment('REF', '6R', line.providerControlNumber));
  if (line.drugIdentification) out.push(...drugSegments(line.drugIdentification));
  return out;
}

/** 2300 loop (with its 2310 providers and 2400 lines) for one professional claim. */
export function professionalClaimSegments(claim: ProfessionalClaim): SegmentInput[] {
  const info = claim.claimInformation;
  const out: SegmentInput[] = [clmSegment(claim)];
  const dates = info.claimDateInformation;
  if (dates) {
    for (const [qualifier, field] of PROFESSIONAL_CLAIM_DATES) {
      const value = dates[field];
      if (value) out.push(dateSegment(qualifier, value));
    }
  }
  out.push(...claimReferenceSegments(info.claimFrequencyCode, info.claimSupplementalInformation));
  const diagnoses = info.healthCareCodeInformation ?? [];
  // 837P HI: one to twelve diagnoses, the principal (ABK) first
  if (diagnoses.length === 0 || diagnoses.length > 12) {
    throw invalidClaimInput('healthCareCodeInformation needs one to twelve diagnoses.', 'HI01');
  }
  out.push(
    ...healthCareSegments(
      diagnoses.map((diagnosis, index) => [
        requireText(
          diagnosis.diagnosisTypeCode,
          `healthCareCodeInformation[${index}].diagnosisTypeCode`,
          'HI01-1',
        ),
        requireText(diagnosis.diagnosisCode, `healthCareCodeInformation[${index}].diagnosisCode`, 'HI01-2'),
      ]),
    ),
  );
  // 2310A referring, then 2310B rendering (with PRV*PE)
  if (claim.referring) out.push(providerName('DN', claim.referring, 'referring'));
  if (claim.rendering) {
    out.push(providerName('82', claim.rendering, 'rendering'));
    if (claim.rendering.taxonomyCode) out.push(segment('PRV', 'PE', 'PXC', claim.rendering.taxonomyCode));
  }
  const lines = info.serviceLines ?? [];
  // 837P 2400 repeats at most 50 times
  if (lines.length === 0 || lines.length > 50) {
    throw invalidClaimInput('a professional claim needs one to fifty service lines.', 'LX01');
  }
  lines.forEach((line, index) => out.push(...serviceLineSegments(line, index)));
  return out;
}

/** The 837P body: BHT, 1000A, 1000B and the HL hierarchy of every claim. Submitter/receiver from the first claim. */
export function build837PBody(
  input: ProfessionalClaimBatchInput,
  options: Claim837BuildOptions,
): SegmentInput[] {
  const first = input.claims[0];
  if (!first) throw invalidClaimInput('at least one claim is required.');
  // One array for the whole body: 20,000 claims make close to a million segments
  return hierarchySegments(
    input.claims,
    professionalClaimSegments,
    headerSegments(options, first.submitter, first.receiver),
  );
}
