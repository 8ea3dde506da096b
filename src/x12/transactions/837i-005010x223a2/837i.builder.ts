/**
 * 837I (005010X223A2) body builder: the segments between ST and SE for one transaction set of institutional
 * claims. The envelope writer adds ST/SE/GS/GE/ISA/IEA and the counts.
 */
import type { SegmentInput } from '../../envelope/types';
import type {
  Claim837BuildOptions,
  InstitutionalClaim,
  InstitutionalClaimBatchInput,
  InstitutionalServiceLine,
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

export const VERSION_837I = '005010X223A2';

/** A diagnosis composite; HI0n-9 carries the present-on-admission indicator. */
function diagnosisComposite(qualifier: string, code: string, presentOnAdmission?: string): string[] {
  return presentOnAdmission
    ? [qualifier, code, '', '', '', '', '', '', presentOnAdmission]
    : [qualifier, code];
}

function clmSegment(claim: InstitutionalClaim): SegmentInput {
  const info = claim.claimInformation;
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
    // CLM05: facility type code, A (uniform billing claim form bill type), frequency
    [
      requireText(info.placeOfServiceCode, 'placeOfServiceCode', 'CLM05-1'),
      'A',
      requireText(info.claimFrequencyCode, 'claimFrequencyCode', 'CLM05-3'),
    ],
    // CLM06 is not used in the institutional guide
    '',
    requireText(info.planParticipationCode, 'planParticipationCode', 'CLM07'),
    requireText(
      info.benefitsAssignmentCertificationIndicator,
      'benefitsAssignmentCertificationIndicator',
      'CLM08',
    ),
    requireText(info.releaseInformationCode, 'releaseInformationCode', 'CLM09'),
  );
}

function dateSegments(claim: InstitutionalClaim): SegmentInput[] {
  const dates = claim.claimInformation.claimDateInformation;
  if (!dates) throw invalidClaimInput('claimDateInformation is required (statement dates).', 'DTP03');
  const out: SegmentInput[] = [];
  // Guide order: 096 discharge hour, 434 statement dates (required), 435 admission date/hour
  if (dates.dischargeHour) out.push(segment('DTP', '096', 'TM', dates.dischargeHour));
  out.push(
    segment(
      'DTP',
      '434',
      'RD8',
      `${requireText(dates.statementBeginDate, 'statementBeginDate', 'DTP03')}-${requireText(dates.statementEndDate, 'statementEndDate', 'DTP03')}`,
    ),
  );
  const admission = dates.admissionDateAndHour;
  if (admission) out.push(segment('DTP', '435', admission.length > 8 ? 'DT' : 'D8', admission));
  return out;
}

function diagnosisSegments(claim: InstitutionalClaim): SegmentInput[] {
  const info = claim.claimInformation;
  const principal = info.principalDiagnosis;
  if (!principal) throw invalidClaimInput('principalDiagnosis is required.', 'HI01');
  const out: SegmentInput[] = [
    segment(
      'HI',
      diagnosisComposite(
        requireText(principal.qualifierCode, 'principalDiagnosis.qualifierCode', 'HI01-1'),
        requireText(principal.principalDiagnosisCode, 'principalDiagnosis.principalDiagnosisCode', 'HI01-2'),
        principal.presentOnAdmissionIndicator,
      ),
    ),
  ];
  if (info.admittingDiagnosis) {
    out.push(
      segment('HI', [info.admittingDiagnosis.qualifierCode, info.admittingDiagnosis.admittingDiagnosisCode]),
    );
  }
  const reasons = info.patientReasonForVisits ?? [];
  if (reasons.length > 3) throw invalidClaimInput('at most three patient reasons for visit.', 'HI04');
  if (reasons.length > 0) {
    out.push({
      id: 'HI',
      elements: reasons.map((reason) => [reason.qualifierCode, reason.patientReasonForVisitCode]),
    });
  }
  for (const group of info.otherDiagnosisInformationList ?? []) {
    if (group.length === 0) continue;
    out.push(
      ...healthCareSegments(
        group.map((diagnosis) =>
          diagnosisComposite(
            diagnosis.qualifierCode,
            diagnosis.otherDiagnosis,
            diagnosis.presentOnAdmissionIndicator,
          ),
        ),
      ),
    );
  }
  return out;
}

function serviceLineSegments(line: InstitutionalServiceLine, index: number): SegmentInput[] {
  const service = line.institutionalService;
  if (!service) throw invalidClaimInput(`serviceLines[${index}].institutionalService is required.`, 'SV201');
  const modifiers = service.procedureModifiers ?? [];
  if (modifiers.length > 4) throw invalidClaimInput('at most four procedure modifiers.', 'SV202-6');
  const procedure = service.procedureCode
    ? [
        requireText(service.procedureIdentifier, 'procedureIdentifier', 'SV202-1'),
        service.procedureCode,
        ...modifiers,
      ]
    : undefined;
  const out: SegmentInput[] = [
    segment('LX', String(index + 1)),
    segment(
      'SV2',
      requireText(service.serviceLineRevenueCode, 'serviceLineRevenueCode', 'SV201'),
      procedure,
      requireAmount(service.lineItemChargeAmount, 'lineItemChargeAmount', 'SV203'),
      requireText(service.measurementUnit, 'measurementUnit', 'SV204'),
      requireText(service.serviceUnitCount, 'serviceUnitCount', 'SV205'),
    ),
  ];
  if (line.serviceDate) out.push(dateSegment('472', line.serviceDate, line.serviceDateEnd));
  if (line.lineItemControlNumber) out.push(segment('REF', '6R', line.lineItemControlNumber));
  if (line.drugIdentification) out.push(...drugSegments(line.drugIdentification));
  return out;
}

/** 2300 loop (with its 2310 providers and 2400 lines) for one institutional claim. */
export function institutionalClaimSegments(claim: InstitutionalClaim): SegmentInput[] {
  const info = claim.claimInformation;
  const out: SegmentInput[] = [clmSegment(claim), ...dateSegments(claim)];
  const codes = info.claimCodeInformation;
  // 2300 CL1 is required in the institutional guide
  if (!codes) throw invalidClaimInput('claimCodeInformation is required.', 'CL101');
  {
    out.push(
      segment(
        'CL1',
        requireText(codes.admissionTypeCode, 'admissionTypeCode', 'CL101'),
        codes.admissionSourceCode,
        requireText(codes.patientStatusCode, 'patientStatusCode', 'CL103'),
      ),
    );
  }
  out.push(...claimReferenceSegments(info.claimFrequencyCode, info.claimSupplementalInformation));
  out.push(...diagnosisSegments(claim));
  // 2310A attending (PRV*AT), 2310D rendering, 2310F referring
  if (claim.attending) {
    out.push(providerName('71', claim.attending, 'attending'));
    if (claim.attending.taxonomyCode) out.push(segment('PRV', 'AT', 'PXC', claim.attending.taxonomyCode));
  }
  if (claim.rendering) out.push(providerName('82', claim.rendering, 'rendering'));
  if (claim.referring) out.push(providerName('DN', claim.referring, 'referring'));
  const lines = info.serviceLines ?? [];
  // 837I 2400 repeats at most 999 times
  if (lines.length === 0 || lines.length > 999) {
    throw invalidClaimInput('an institutional claim needs one to 999 service lines.', 'LX01');
  }
  lines.forEach((line, index) => out.push(...serviceLineSegments(line, index)));
  return out;
}

/** The 837I body: BHT, 1000A, 1000B and the HL hierarchy of every claim. Submitter/receiver from the first claim. */
export function build837IBody(
  input: InstitutionalClaimBatchInput,
  options: Claim837BuildOptions,
): SegmentInput[] {
  const first = input.claims[0];
  if (!first) throw invalidClaimInput('at least one claim is required.');
  // One array for the whole body: 20,000 claims make close to a million segments
  return hierarchySegments(
    input.claims,
    institutionalClaimSegments,
    headerSegments(options, first.submitter, first.receiver),
  );
}
