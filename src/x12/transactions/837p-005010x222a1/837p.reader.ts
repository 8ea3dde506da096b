/**
 * 837P (005010X222A1) reader: the inverse of build837PBody. Billing offices upload raw 837 files; each
 * claim becomes the same ProfessionalClaim the JSON API takes.
 */
import type { TransactionSet } from '../../envelope/types';
import { components } from '../../syntax/elements';
import type { Delimiters, Result, Segment } from '../../syntax/types';
import type {
  Claim837ReadResult,
  ClaimParties,
  ClaimSupplementalInformation,
  ProfessionalClaim,
  ProfessionalClaimDateInformation,
  ProfessionalServiceLine,
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
import { PROFESSIONAL_CLAIM_DATES } from './837p.builder';

export type Professional837ReadResult = Claim837ReadResult<ProfessionalClaim>;

function readServiceLine(sv1: Segment, delimiters: Delimiters): ProfessionalServiceLine {
  const [procedureIdentifier = '', procedureCode = '', ...modifiers] = components(
    element(sv1, 1),
    delimiters,
  );
  const line: ProfessionalServiceLine = {
    serviceDate: '',
    professionalService: {
      procedureIdentifier,
      procedureCode,
      lineItemChargeAmount: element(sv1, 2),
      measurementUnit: element(sv1, 3),
      serviceUnitCount: element(sv1, 4),
      compositeDiagnosisCodePointers: { diagnosisCodePointers: components(element(sv1, 7), delimiters) },
    },
  };
  const service = line.professionalService;
  if (modifiers.length > 0) service.procedureModifiers = modifiers;
  setIf(service, 'placeOfServiceCode', element(sv1, 5));
  setIf(service, 'emergencyIndicator', element(sv1, 9));
  return line;
}

function readProfessionalClaim(
  segments: readonly Segment[],
  parties: ClaimParties,
  claimFilingCode: string,
  delimiters: Delimiters,
  reporter: ReadReporter,
): ProfessionalClaim {
  const clm = segments[0];
  const [placeOfServiceCode, , claimFrequencyCode] = clm05(clm, delimiters);
  const claim: ProfessionalClaim = {
    ...parties,
    claimInformation: {
      claimFilingCode,
      patientControlNumber: element(clm, 1),
      claimChargeAmount: element(clm, 2),
      placeOfServiceCode,
      claimFrequencyCode,
      signatureIndicator: element(clm, 6),
      planParticipationCode: element(clm, 7),
      benefitsAssignmentCertificationIndicator: element(clm, 8),
      releaseInformationCode: element(clm, 9),
      healthCareCodeInformation: [],
      serviceLines: [],
    },
  };
  const info = claim.claimInformation;
  const relatedCauses = components(element(clm, 11), delimiters);
  const causes = relatedCauses.slice(0, 3).filter((cause) => cause !== '');
  if (causes.length > 0) info.relatedCausesCode = causes;
  setIf(info, 'autoAccidentStateCode', relatedCauses[3]);

  const dates: ProfessionalClaimDateInformation = {};
  const supplemental: ClaimSupplementalInformation = {};
  let line: ProfessionalServiceLine | undefined;
  let provider: 'referring' | 'rendering' | undefined;
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
        } else {
          const field = PROFESSIONAL_CLAIM_DATES.find(([code]) => code === qualifier)?.[1];
          if (!line && !inSubLoop && field) dates[field] = element(segment, 3);
          else placed = false;
        }
        break;
      case 'REF':
        if (line) {
          if (qualifier === '6R') line.providerControlNumber = element(segment, 2);
          else placed = false;
        } else placed = !inSubLoop && readClaimReference(segment, supplemental);
        break;
      case 'HI':
        for (const composite of segment.elements) {
          const [diagnosisTypeCode = '', diagnosisCode = ''] = components(composite, delimiters);
          info.healthCareCodeInformation.push({ diagnosisTypeCode, diagnosisCode });
        }
        break;
      case 'NM1':
        if (!line && !inOtherSubscriber && qualifier === 'DN') {
          claim.referring = readProviderName(segment, 'ReferringProvider');
          provider = 'referring';
          loopId = '2310A';
        } else if (!line && !inOtherSubscriber && qualifier === '82') {
          claim.rendering = readProviderName(segment, 'RenderingProvider');
          provider = 'rendering';
          loopId = '2310B';
        } else placed = false;
        break;
      case 'PRV':
        if (!line && provider === 'rendering' && claim.rendering && qualifier === 'PE') {
          claim.rendering.taxonomyCode = element(segment, 3);
        } else placed = false;
        break;
      case 'LX':
        line = undefined;
        loopId = '2400';
        break;
      case 'SV1':
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
  if (Object.keys(dates).length > 0) info.claimDateInformation = dates;
  if (Object.keys(supplemental).length > 0) info.claimSupplementalInformation = supplemental;
  return claim;
}

/** The submitter, receiver, BHT values and every professional claim of one 837P transaction set. */
export function read837P(tx: TransactionSet, delimiters: Delimiters): Result<Professional837ReadResult> {
  return read837(tx, delimiters, readProfessionalClaim);
}
