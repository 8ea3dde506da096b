/**
 * Builds the body (segments between ST and SE) of a 270 eligibility inquiry for one patient. HL ids
 * are 1 payer, 2 provider, 3 subscriber and 4 dependent. The trace (TRN), the dates and the service
 * type inquiries go in the patient's own loop: 2000C/2100C/2110C for the subscriber, 2000D/2100D/2110D
 * for a dependent (X279A1: the dependent loop only when the patient is not the subscriber).
 */
import type { SegmentInput } from '../../envelope/types';
import { X12Error } from '../../syntax/types';
import { segmentInput, writeAddress } from '../277ca-005010x214/segment-values';
import type { Dependent270, EligibilityRequest270, Person270, Provider270 } from './270.model';

export function build270Body(request: EligibilityRequest270): SegmentInput[] {
  checkRequest(request);
  const dependent = request.dependent;
  const body: SegmentInput[] = [
    segmentInput('BHT', [
      '0022',
      request.purposeCode ?? '13',
      request.referenceId,
      request.date,
      request.time,
    ]),
    segmentInput('HL', ['1', '', '20', '1']),
    segmentInput('NM1', [
      'PR',
      '2',
      request.payer.name,
      '',
      '',
      '',
      '',
      request.payer.idQualifier ?? 'PI',
      request.payer.id,
    ]),
    segmentInput('HL', ['2', '1', '21', '1']),
    ...providerSegments(request.provider),
    segmentInput('HL', ['3', '2', '22', dependent ? '1' : '0']),
  ];
  const subscriber = request.subscriber;
  if (!dependent) body.push(traceSegment(request));
  body.push(nameSegment('IL', subscriber, 'MI', subscriber.memberId));
  if (subscriber.groupNumber !== undefined) body.push(segmentInput('REF', ['6P', subscriber.groupNumber]));
  if (subscriber.address) body.push(...writeAddress(subscriber.address));
  body.push(...demographics(subscriber));
  if (!dependent) {
    body.push(...patientInquiry(request));
    return body;
  }
  body.push(segmentInput('HL', ['4', '3', '23', '0']), traceSegment(request), nameSegment('03', dependent));
  if (dependent.address) body.push(...writeAddress(dependent.address));
  body.push(...demographics(dependent), ...relationship(dependent), ...patientInquiry(request));
  return body;
}

function checkRequest(request: EligibilityRequest270): void {
  const required: [string, string | undefined][] = [
    ['BHT03', request.referenceId],
    ['BHT04', request.date],
    ['BHT05', request.time],
    ['2100A NM109', request.payer.id],
    ['2100B NM109', request.provider.npi],
    ['2100C NM109', request.subscriber.memberId],
    ['TRN02', request.trace.referenceId],
    ['TRN03', request.trace.originatingCompanyId],
  ];
  for (const [element, value] of required) {
    if (!value)
      throw new X12Error('X12-INVALID-ARGUMENT', `${element} is required to build a 270.`, { element });
  }
  if (!request.provider.organizationName && !request.provider.lastName) {
    throw new X12Error('X12-INVALID-ARGUMENT', '2100B NM103 (provider name) is required to build a 270.', {
      element: 'NM103',
    });
  }
  if (request.serviceTypeCodes.length === 0) {
    throw new X12Error(
      'X12-INVALID-ARGUMENT',
      'At least one EQ01 service type code is required to build a 270.',
      { element: 'EQ01' },
    );
  }
}

function providerSegments(provider: Provider270): SegmentInput[] {
  const person = !provider.organizationName;
  const out = [
    segmentInput('NM1', [
      provider.entityCode ?? '1P',
      person ? '1' : '2',
      person ? provider.lastName : provider.organizationName,
      person ? provider.firstName : undefined,
      person ? provider.middleName : undefined,
      undefined,
      person ? provider.suffix : undefined,
      provider.idQualifier ?? 'XX',
      provider.npi,
    ]),
  ];
  if (provider.taxonomyCode !== undefined)
    out.push(segmentInput('PRV', ['PE', 'PXC', provider.taxonomyCode]));
  return out;
}

function traceSegment(request: EligibilityRequest270): SegmentInput {
  const trace = request.trace;
  return segmentInput('TRN', ['1', trace.referenceId, trace.originatingCompanyId, trace.supplementalId]);
}

function nameSegment(entityCode: string, person: Person270, idQualifier?: string, id?: string): SegmentInput {
  return segmentInput('NM1', [
    entityCode,
    '1',
    person.lastName,
    person.firstName,
    person.middleName,
    undefined,
    person.suffix,
    idQualifier,
    id,
  ]);
}

/** DMG needs DMG02 (birth date) whenever it is sent; a gender alone cannot be written. */
function demographics(person: Person270): SegmentInput[] {
  if (person.birthDate === undefined) {
    if (person.gender !== undefined) {
      throw new X12Error('X12-INVALID-ARGUMENT', 'DMG03 (gender) needs DMG02 (birth date) in a 270.', {
        element: 'DMG02',
      });
    }
    return [];
  }
  return [segmentInput('DMG', ['D8', person.birthDate, person.gender])];
}

function relationship(dependent: Dependent270): SegmentInput[] {
  return dependent.relationshipCode === undefined
    ? []
    : [segmentInput('INS', ['N', dependent.relationshipCode])];
}

/** DTP*291 (in 2100C/D) then one EQ (2110C/D) per service type code. */
function patientInquiry(request: EligibilityRequest270): SegmentInput[] {
  const out: SegmentInput[] = [];
  const date = request.dateOfService;
  if (date) {
    out.push(
      date.end === undefined
        ? segmentInput('DTP', ['291', 'D8', date.start])
        : segmentInput('DTP', ['291', 'RD8', `${date.start}-${date.end}`]),
    );
  }
  for (const code of request.serviceTypeCodes) out.push(segmentInput('EQ', [code]));
  return out;
}
