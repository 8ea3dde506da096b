/**
 * The 271 a payer sends back for one 270 request, as a typed model (build271Body then writes it).
 * For the payer simulator and the tests: the request's trace is echoed as TRN*2 in the patient's
 * level (X279A1 2000C/2000D TRN), and the answer is either benefits or an AAA rejection in the
 * patient's name loop.
 */
import type { EligibilityRequest270, Person270 } from '../270-005010x279a1/270.model';
import type { EntityName } from '../277ca-005010x214/segment-values';
import { describeAaaFollowUpAction, describeAaaRejectReason } from '../../codes/aaa-reject-reasons';
import type { Benefit, EligibilityResponse271, Member271 } from './271.model';

export type EligibilityAnswer271 =
  | { kind: 'benefits'; benefits: Benefit[] }
  /** AAA03 reject reason (e.g. 72 invalid member id, 75 subscriber not found) and AAA04 follow-up action. */
  | { kind: 'rejected'; rejectReasonCode: string; followUpActionCode: string };

export interface ResponseHeader271 {
  /** BHT04/BHT05 of the response (the engine has no clock). */
  date: string;
  time: string;
}

function personName(entityCode: string, person: Person270, memberId?: string): EntityName {
  return {
    entityIdentifierCode: entityCode,
    entityTypeQualifier: '1',
    lastOrOrganizationName: person.lastName,
    firstName: person.firstName,
    middleName: person.middleName,
    suffix: person.suffix,
    identificationCodeQualifier: memberId === undefined ? undefined : 'MI',
    identifier: memberId,
  };
}

function emptyMember(hierarchicalId: string, name: EntityName, person: Person270): Member271 {
  return {
    hierarchicalId,
    traces: [],
    name,
    references: [],
    address: person.address,
    rejections: [],
    birthDate: person.birthDate,
    gender: person.gender,
    dates: [],
    benefits: [],
  };
}

export function respondTo270(
  request: EligibilityRequest270,
  answer: EligibilityAnswer271,
  header: ResponseHeader271,
): EligibilityResponse271 {
  const subscriber = emptyMember(
    '3',
    personName('IL', request.subscriber, request.subscriber.memberId),
    request.subscriber,
  );
  if (request.subscriber.groupNumber !== undefined)
    subscriber.references.push({ qualifier: '6P', value: request.subscriber.groupNumber });
  const dependent = request.dependent;
  const patient = dependent ? emptyMember('4', personName('03', dependent), dependent) : subscriber;
  if (dependent) {
    subscriber.dependents = [patient];
    if (dependent.relationshipCode !== undefined) {
      patient.relationship = { subscriberIndicator: 'N', relationshipCode: dependent.relationshipCode };
    }
  } else subscriber.dependents = [];
  // The 270's TRN*1 comes back as TRN*2 (referenced transaction trace) in the patient's level.
  patient.traces.push({ ...request.trace, traceTypeCode: '2' });
  const loopId = dependent ? '2100D' : '2100C';
  if (answer.kind === 'benefits') patient.benefits.push(...answer.benefits);
  else {
    patient.rejections.push({
      loopId,
      validRequest: true,
      rejectReasonCode: answer.rejectReasonCode,
      rejectReasonDescription: describeAaaRejectReason(answer.rejectReasonCode),
      followUpActionCode: answer.followUpActionCode,
      followUpActionDescription: describeAaaFollowUpAction(answer.followUpActionCode),
    });
  }
  const provider = request.provider;
  const person = !provider.organizationName;
  return {
    controlNumber: '',
    header: {
      hierarchicalStructureCode: '0022',
      purposeCode: '11',
      referenceId: request.referenceId,
      date: header.date,
      time: header.time,
    },
    informationSources: [
      {
        hierarchicalId: '1',
        name: {
          entityIdentifierCode: 'PR',
          entityTypeQualifier: '2',
          lastOrOrganizationName: request.payer.name,
          identificationCodeQualifier: request.payer.idQualifier ?? 'PI',
          identifier: request.payer.id,
        },
        contacts: [],
        rejections: [],
        receivers: [
          {
            hierarchicalId: '2',
            name: {
              entityIdentifierCode: provider.entityCode ?? '1P',
              entityTypeQualifier: person ? '1' : '2',
              lastOrOrganizationName: person ? provider.lastName : provider.organizationName,
              firstName: person ? provider.firstName : undefined,
              middleName: person ? provider.middleName : undefined,
              suffix: person ? provider.suffix : undefined,
              identificationCodeQualifier: provider.idQualifier ?? 'XX',
              identifier: provider.npi,
            },
            references: [],
            rejections: [],
            subscribers: [subscriber],
          },
        ],
      },
    ],
  };
}

/** A benefit with only the fields given; the lists start empty. */
export function benefit271(
  fields: Omit<Partial<Benefit>, 'serviceTypes'> & { eligibilityCode: string; serviceTypeCodes?: string[] },
): Benefit {
  const { serviceTypeCodes, ...rest } = fields;
  return {
    deliveries: [],
    references: [],
    dates: [],
    rejections: [],
    messages: [],
    additionalInformation: [],
    relatedEntities: [],
    ...rest,
    serviceTypes: (serviceTypeCodes ?? []).map((code) => ({ code })),
  };
}
