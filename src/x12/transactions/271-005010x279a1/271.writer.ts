/**
 * Builds the body (segments between ST and SE) of a 271 from the typed model, for the payer simulator
 * and the tests. Segment order follows the guide's tables. Descriptions are derived data and are not
 * written.
 *
 * EB03 is a repeated element: a benefit with several service types is one EB whose EB03 repetitions
 * (joined with ISA11) carry them, as the reader reads them.
 */
import type { SegmentInput } from '../../envelope/types';
import type { BeginningOfHierarchicalTransaction } from '../277ca-005010x214/277ca.model';
import {
  segmentInput,
  writeAddress,
  writeDatePeriod,
  writeEntityName,
  writeReference,
  writeTrace,
} from '../277ca-005010x214/segment-values';
import type {
  Benefit,
  BenefitRelatedEntity,
  EligibilityResponse271,
  InformationReceiver271,
  InformationSource271,
  Member271,
  RequestValidation,
} from './271.model';

export function build271Body(model: EligibilityResponse271): SegmentInput[] {
  const body: SegmentInput[] = [bht(model.header)];
  for (const source of model.informationSources) writeSource(body, source);
  return body;
}

function bht(header: BeginningOfHierarchicalTransaction): SegmentInput {
  return segmentInput('BHT', [
    header.hierarchicalStructureCode,
    header.purposeCode,
    header.referenceId,
    header.date,
    header.time,
    header.transactionTypeCode,
  ]);
}

function hl(id: string, parentId: string, level: string, hasChildren: boolean): SegmentInput {
  return segmentInput('HL', [id, parentId, level, hasChildren ? '1' : '0']);
}

function aaa(validation: RequestValidation): SegmentInput {
  return segmentInput('AAA', [
    validation.validRequest ? 'Y' : 'N',
    '',
    validation.rejectReasonCode,
    validation.followUpActionCode,
  ]);
}

function raw(id: string, elements: readonly string[] | undefined): SegmentInput[] {
  return elements === undefined ? [] : [segmentInput(id, elements)];
}

function writeSource(body: SegmentInput[], source: InformationSource271): void {
  body.push(hl(source.hierarchicalId, '', '20', source.receivers.length > 0));
  // AAA in 2000A comes before the 2100A NM1; AAA in 2100A after NM1 and PER.
  body.push(...source.rejections.filter((r) => r.loopId === '2000A').map(aaa));
  body.push(writeEntityName(source.name));
  body.push(...source.contacts.map((contact) => segmentInput('PER', contact)));
  body.push(...source.rejections.filter((r) => r.loopId !== '2000A').map(aaa));
  for (const receiver of source.receivers) writeReceiver(body, receiver, source.hierarchicalId);
}

function writeReceiver(body: SegmentInput[], receiver: InformationReceiver271, parentId: string): void {
  body.push(hl(receiver.hierarchicalId, parentId, '21', receiver.subscribers.length > 0));
  body.push(writeEntityName(receiver.name));
  body.push(...receiver.references.map(writeReference));
  if (receiver.address) body.push(...writeAddress(receiver.address));
  body.push(...receiver.rejections.map(aaa));
  body.push(...raw('PRV', receiver.providerInformation));
  for (const subscriber of receiver.subscribers) writeMember(body, subscriber, receiver.hierarchicalId, '22');
}

function writeMember(body: SegmentInput[], member: Member271, parentId: string, level: '22' | '23'): void {
  const dependents = member.dependents ?? [];
  body.push(hl(member.hierarchicalId, parentId, level, dependents.length > 0));
  body.push(...member.traces.map(writeTrace));
  body.push(writeEntityName(member.name));
  body.push(...member.references.map(writeReference));
  if (member.address) body.push(...writeAddress(member.address));
  body.push(...member.rejections.map(aaa));
  body.push(...raw('PRV', member.providerInformation));
  if (member.birthDate !== undefined || member.gender !== undefined) {
    body.push(segmentInput('DMG', ['D8', member.birthDate, member.gender]));
  }
  const relationship = member.relationship;
  if (relationship) {
    const ins: (string | undefined)[] = [
      relationship.subscriberIndicator,
      relationship.relationshipCode,
      relationship.maintenanceTypeCode,
      relationship.maintenanceReasonCode,
    ];
    if (relationship.birthSequenceNumber !== undefined) {
      while (ins.length < 16) ins.push(undefined);
      ins.push(relationship.birthSequenceNumber);
    }
    body.push(segmentInput('INS', ins));
  }
  body.push(...raw('HI', member.healthCareDiagnosis));
  body.push(...member.dates.map(writeDatePeriod));
  body.push(...raw('MPI', member.militaryPersonnel));
  for (const benefit of member.benefits) writeBenefit(body, benefit);
  for (const dependent of dependents) writeMember(body, dependent, member.hierarchicalId, '23');
}

function writeBenefit(body: SegmentInput[], benefit: Benefit): void {
  const serviceTypes = benefit.serviceTypes.map((type) => type.code);
  const eb = segmentInput('EB', [
    benefit.eligibilityCode,
    benefit.coverageLevelCode,
    serviceTypes[0],
    benefit.insuranceTypeCode,
    benefit.planCoverageDescription,
    benefit.timePeriodQualifier,
    benefit.amount,
    benefit.percent,
    benefit.quantityQualifier,
    benefit.quantity,
    benefit.authorizationRequired,
    benefit.inPlanNetwork,
    benefit.procedure,
    benefit.diagnosisPointers,
  ]);
  body.push(
    serviceTypes.length > 1
      ? {
          id: 'EB',
          elements: eb.elements.map((element, i) => (i === 2 ? { repetitions: serviceTypes } : element)),
        }
      : eb,
  );
  body.push(...benefit.deliveries.map((delivery) => segmentInput('HSD', delivery)));
  body.push(...benefit.references.map(writeReference));
  body.push(...benefit.dates.map(writeDatePeriod));
  body.push(...benefit.rejections.map(aaa));
  body.push(...benefit.messages.map((message) => segmentInput('MSG', [message])));
  body.push(...benefit.additionalInformation.map((information) => segmentInput('III', information)));
  if (benefit.relatedEntities.length > 0) {
    body.push(segmentInput('LS', ['2120']));
    for (const entity of benefit.relatedEntities) writeRelatedEntity(body, entity);
    body.push(segmentInput('LE', ['2120']));
  }
}

function writeRelatedEntity(body: SegmentInput[], entity: BenefitRelatedEntity): void {
  body.push(writeEntityName(entity.name));
  if (entity.address) body.push(...writeAddress(entity.address));
  body.push(...entity.contacts.map((contact) => segmentInput('PER', contact)));
  body.push(...raw('PRV', entity.providerInformation));
}
