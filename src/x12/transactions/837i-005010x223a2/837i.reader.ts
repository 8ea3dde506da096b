/**
 * 837I (005010X223A2) reader: the inverse of build837IBody. Billing offices upload raw 837 files; each
 * claim becomes the same InstitutionalClaim the JSON API takes.
 */
import type { TransactionSet } from '../../envelope/types';
import { components } from '../../syntax/elements';
import type { Delimiters, Result, Segment } from '../../syntax/types';
import type {
  Claim837ReadResult,
  ClaimParties,
  ClaimSupplementalInformation,
  InstitutionalClaim,
  InstitutionalServiceLine,
  OtherDiagnosis,
} from '../837-claim.model';
import {
  clm05,
  element,
  read837,
  readClaimReference,
  readDatePeriod,
  readProviderName,
  setIf,
  type ReadReporter,
} from '../837-claim.reading';

export type Institutional837ReadResult = Claim837ReadResult<InstitutionalClaim>;

function readServiceLine(sv2: Segment, delimiters: Delimiters): InstitutionalServiceLine {
  const line: InstitutionalServiceLine = {
    institutionalService: {
      serviceLineRevenueCode: element(sv2, 1),
      lineItemChargeAmount: element(sv2, 3),
      measurementUnit: element(sv2, 4),
      serviceUnitCount: element(sv2, 5),
    },
  };
  const [procedureIdentifier = '', procedureCode = '', ...modifiers] = components(
    element(sv2, 2),
    delimiters,
  );
  const service = line.institutionalService;
  setIf(service, 'procedureIdentifier', procedureIdentifier);
  setIf(service, 'procedureCode', procedureCode);
  if (modifiers.length > 0) service.procedureModifiers = modifiers;
  return line;
}

/** Reads the HI segments of 2300 into principal, admitting, reason-for-visit and other diagnoses. */
function readDiagnoses(
  hi: Segment,
  info: InstitutionalClaim['claimInformation'],
  delimiters: Delimiters,
): boolean {
  const composites = hi.elements.map((composite) => components(composite, delimiters));
  const qualifier = composites[0]?.[0] ?? '';
  switch (qualifier) {
    case 'ABK':
    case 'BK': {
      const [qualifierCode = '', principalDiagnosisCode = ''] = composites[0];
      info.principalDiagnosis = { qualifierCode, principalDiagnosisCode };
      setIf(info.principalDiagnosis, 'presentOnAdmissionIndicator', composites[0][8]);
      return true;
    }
    case 'ABJ':
    case 'BJ':
      info.admittingDiagnosis = { qualifierCode: qualifier, admittingDiagnosisCode: composites[0][1] ?? '' };
      return true;
    case 'APR':
    case 'PR':
      info.patientReasonForVisits = composites.map(
        ([qualifierCode = '', patientReasonForVisitCode = '']) => ({
          qualifierCode,
          patientReasonForVisitCode,
        }),
      );
      return true;
    case 'ABF':
    case 'BF': {
      const group = composites.map(([qualifierCode = '', otherDiagnosis = '', , , , , , , poa]) => {
        const diagnosis: OtherDiagnosis = { qualifierCode, otherDiagnosis };
        setIf(diagnosis, 'presentOnAdmissionIndicator', poa);
        return diagnosis;
      });
      (info.otherDiagnosisInformationList ??= []).push(group);
      return true;
    }
    default:
      return false;
  }
}

function readInstitutionalClaim(
  segments: readonly Segment[],
  parties: ClaimParties,
  claimFilingCode: string,
  delimiters: Delimiters,
  reporter: ReadReporter,
): InstitutionalClaim {
  const clm = segments[0];
  const [placeOfServiceCode, , claimFrequencyCode] = clm05(clm, delimiters);
  const claim: InstitutionalClaim = {
    ...parties,
    claimInformation: {
      claimFilingCode,
      patientControlNumber: element(clm, 1),
      claimChargeAmount: element(clm, 2),
      placeOfServiceCode,
      claimFrequencyCode,
      planParticipationCode: element(clm, 7),
      benefitsAssignmentCertificationIndicator: element(clm, 8),
      releaseInformationCode: element(clm, 9),
      claimDateInformation: { statementBeginDate: '', statementEndDate: '' },
      claimCodeInformation: { admissionTypeCode: '', patientStatusCode: '' },
      principalDiagnosis: { qualifierCode: '', principalDiagnosisCode: '' },
      serviceLines: [],
    },
  };
  const info = claim.claimInformation;
  const dates = info.claimDateInformation;
  const supplemental: ClaimSupplementalInformation = {};
  let line: InstitutionalServiceLine | undefined;
  // Once a 2310/2320/2330 loop starts, REF and DTP belong to that loop, not to 2300 (e.g. 2330B REF*F8)
  let inSubLoop = false;
  // 2320/2330 (other subscriber and payers) follow the 2310 providers: their NM1s are not the claim's providers
  let inOtherSubscriber = false;
  let loopId = '2300';
  for (let index = 1; index < segments.length; index++) {
    const segment = segments[index];
    const qualifier = element(segment, 1);
    let placed = true;
    if (segment.id === 'NM1' || segment.id === 'SBR') inSubLoop = true;
    if (segment.id === 'SBR') inOtherSubscriber = true;
    switch (segment.id) {
      case 'DTP':
        if (line && qualifier === '472') {
          const [start, end] = readDatePeriod(segment);
          line.serviceDate = start;
          if (end) line.serviceDateEnd = end;
        } else if (!line && !inSubLoop && qualifier === '434') {
          const [start, end] = readDatePeriod(segment);
          dates.statementBeginDate = start;
          dates.statementEndDate = end ?? start;
        } else if (!line && !inSubLoop && qualifier === '435')
          dates.admissionDateAndHour = element(segment, 3);
        else if (!line && !inSubLoop && qualifier === '096') dates.dischargeHour = element(segment, 3);
        else placed = false;
        break;
      case 'CL1': {
        info.claimCodeInformation = { admissionTypeCode: qualifier, patientStatusCode: element(segment, 3) };
        setIf(info.claimCodeInformation, 'admissionSourceCode', element(segment, 2));
        break;
      }
      case 'REF':
        if (line) {
          if (qualifier === '6R') line.lineItemControlNumber = element(segment, 2);
          else placed = false;
        } else placed = !inSubLoop && readClaimReference(segment, supplemental);
        break;
      case 'HI':
        placed = !line && readDiagnoses(segment, info, delimiters);
        break;
      case 'NM1': {
        const providers = { '71': 'attending', '82': 'rendering', DN: 'referring' } as const;
        const role = !line && !inOtherSubscriber ? providers[qualifier as keyof typeof providers] : undefined;
        if (role) {
          const type = {
            attending: 'AttendingProvider',
            rendering: 'RenderingProvider',
            referring: 'ReferringProvider',
          };
          claim[role] = readProviderName(segment, type[role]);
          loopId = { attending: '2310A', rendering: '2310D', referring: '2310F' }[role];
        } else placed = false;
        break;
      }
      case 'PRV':
        if (!line && loopId === '2310A' && claim.attending && qualifier === 'AT') {
          claim.attending.taxonomyCode = element(segment, 3);
        } else placed = false;
        break;
      case 'LX':
        line = undefined;
        loopId = '2400';
        break;
      case 'SV2':
        line = readServiceLine(segment, delimiters);
        info.serviceLines.push(line);
        break;
      case 'LIN':
        if (line) {
          line.drugIdentification = {
            serviceIdQualifier: element(segment, 2),
            nationalDrugCode: element(segment, 3),
            measurementUnitCode: '',
            nationalDrugUnitCount: '',
          };
        } else placed = false;
        break;
      case 'CTP':
        if (line?.drugIdentification) {
          line.drugIdentification.nationalDrugUnitCount = element(segment, 4);
          line.drugIdentification.measurementUnitCode = components(element(segment, 5), delimiters)[0] ?? '';
        } else placed = false;
        break;
      default:
        placed = false;
    }
    if (!placed) reporter.report('X12-837-SEGMENT-IGNORED', segment, loopId);
  }
  if (Object.keys(supplemental).length > 0) info.claimSupplementalInformation = supplemental;
  return claim;
}

/** The submitter, receiver, BHT values and every institutional claim of one 837I transaction set. */
export function read837I(tx: TransactionSet, delimiters: Delimiters): Result<Institutional837ReadResult> {
  return read837(tx, delimiters, readInstitutionalClaim);
}
