/**
 * Reads a 271 eligibility response (005010X279A1) into the typed EligibilityResponse271: per
 * subscriber and dependent, the names and ids, the echoed trace, AAA rejections at every level and
 * the EB benefits with their messages, dates and related entities. Never throws on bad input.
 */
import { describeAaaFollowUpAction, describeAaaRejectReason } from '../../codes/aaa-reject-reasons';
import {
  describeCoverageLevel,
  describeEligibilityBenefit,
  describeServiceType,
  describeTimePeriod,
} from '../../codes/eligibility-codes';
import type { TransactionSet } from '../../envelope/types';
import { components, elementReference, repetitions } from '../../syntax/elements';
import type { Delimiters, DiagnosticLocation, Result, Segment } from '../../syntax/types';
import type { BeginningOfHierarchicalTransaction } from '../277ca-005010x214/277ca.model';
import { DiagnosticCollector, segmentName } from '../277ca-005010x214/diagnostics';
import { splitHierarchicalLevels, type HierarchicalLevel } from '../277ca-005010x214/hierarchy';
import {
  addCity,
  isDecimalString,
  optional,
  readAddressLines,
  readDatePeriod,
  readEntityName,
  readReference,
  readTrace,
  required,
  type EntityName,
} from '../277ca-005010x214/segment-values';
import { DIAGNOSTICS_271 as CODES } from './271.codes';
import type {
  Benefit,
  BenefitRelatedEntity,
  EligibilityResponse271,
  InformationReceiver271,
  InformationSource271,
  Member271,
  RequestValidation,
} from './271.model';

type Level =
  | { kind: 'source'; value: InformationSource271 }
  | { kind: 'receiver'; value: InformationReceiver271 }
  | { kind: 'subscriber'; value: Member271 }
  | { kind: 'dependent'; value: Member271 };

const PARENT_KIND = { receiver: 'source', subscriber: 'receiver', dependent: 'subscriber' } as const;

export function read271(
  tx: TransactionSet,
  delimiters: Delimiters,
  location: DiagnosticLocation = {},
): Result<EligibilityResponse271> {
  const out = DiagnosticCollector.forTransaction(tx, location);
  if (tx.id !== '271')
    out.error(CODES.wrongTransaction, 'Transaction set is not a 271.', { segment: tx.segments[0] });
  if (!tx.complete)
    out.warning(CODES.truncated, 'Transaction set ends before its SE; the response may be incomplete.');
  const { header, levels } = splitHierarchicalLevels(tx.segments);
  const bht = header.find((segment) => segment.id === 'BHT');
  if (!bht) out.error(CODES.missingBht, 'BHT (beginning of hierarchical transaction) is missing.', {}, 2);
  const model: EligibilityResponse271 = {
    controlNumber: tx.controlNumber,
    header: readBht(bht),
    informationSources: [],
  };

  const byId = new Map<string, Level>();
  const latest: { [K in Level['kind']]?: Level } = {};
  for (const level of levels) {
    const built = readLevel(level, delimiters, out);
    if (!built) continue;
    if (built.kind === 'source') model.informationSources.push(built.value);
    else {
      const parent = findParent(level, PARENT_KIND[built.kind], byId, latest, out);
      if (!parent) continue;
      attach(parent, built);
    }
    if (level.id !== '') byId.set(level.id, built);
    latest[built.kind] = built;
  }
  return { value: model, diagnostics: out.diagnostics };
}

function readBht(bht: Segment | undefined): BeginningOfHierarchicalTransaction {
  if (!bht) return { hierarchicalStructureCode: '', purposeCode: '', referenceId: '', date: '', time: '' };
  return {
    hierarchicalStructureCode: required(bht, 1),
    purposeCode: required(bht, 2),
    referenceId: required(bht, 3),
    date: required(bht, 4),
    time: required(bht, 5),
    transactionTypeCode: optional(bht, 6),
  };
}

function findParent(
  level: HierarchicalLevel,
  kind: Level['kind'],
  byId: ReadonlyMap<string, Level>,
  latest: { [K in Level['kind']]?: Level },
  out: DiagnosticCollector,
): Level | undefined {
  const named = byId.get(level.parentId);
  if (named && named.kind === kind) return named;
  const fallback = latest[kind];
  out.error(
    CODES.hlParent,
    fallback
      ? 'HL02 does not name an earlier level of the expected parent type; attached to the nearest preceding one.'
      : 'HL02 does not name an earlier level of the expected parent type, and there is none to attach to; level skipped.',
    { segment: level.hl, element: 'HL02' },
    4,
  );
  return fallback;
}

function attach(parent: Level, child: Level): void {
  if (parent.kind === 'source' && child.kind === 'receiver') parent.value.receivers.push(child.value);
  else if (parent.kind === 'receiver' && child.kind === 'subscriber')
    parent.value.subscribers.push(child.value);
  else if (parent.kind === 'subscriber' && child.kind === 'dependent')
    (parent.value.dependents ??= []).push(child.value);
}

function readLevel(
  level: HierarchicalLevel,
  delimiters: Delimiters,
  out: DiagnosticCollector,
): Level | undefined {
  switch (level.levelCode) {
    case '20':
      return { kind: 'source', value: readSource(level, out) };
    case '21':
      return { kind: 'receiver', value: readReceiver(level, out) };
    case '22':
      return {
        kind: 'subscriber',
        value: { ...readMember(level, '2100C', '2110C', delimiters, out), dependents: [] },
      };
    case '23':
      return { kind: 'dependent', value: readMember(level, '2100D', '2110D', delimiters, out) };
    default:
      out.error(CODES.hlLevel, 'HL03 is not a 271 level (20, 21, 22 or 23); level skipped.', {
        segment: level.hl,
        element: 'HL03',
      });
      return undefined;
  }
}

function missingName(): EntityName {
  return { entityIdentifierCode: '', entityTypeQualifier: '' };
}

function readSource(level: HierarchicalLevel, out: DiagnosticCollector): InformationSource271 {
  const source: InformationSource271 = {
    hierarchicalId: level.id,
    name: missingName(),
    contacts: [],
    rejections: [],
    receivers: [],
  };
  let named = false;
  for (const segment of level.body) {
    if (segment.id === 'NM1' && !named) {
      source.name = readEntityName(segment);
      named = true;
    } else if (segment.id === 'AAA') source.rejections.push(readAaa(segment, named ? '2100A' : '2000A'));
    else if (segment.id === 'PER' && named) source.contacts.push([...segment.elements]);
    else unexpected(segment, named ? '2100A' : '2000A', out);
  }
  if (!named)
    out.error(CODES.missingName, 'Loop 2100A (NM1) is missing.', { segment: level.hl, loopId: '2100A' }, 2);
  return source;
}

function readReceiver(level: HierarchicalLevel, out: DiagnosticCollector): InformationReceiver271 {
  const receiver: InformationReceiver271 = {
    hierarchicalId: level.id,
    name: missingName(),
    references: [],
    address: undefined,
    rejections: [],
    providerInformation: undefined,
    subscribers: [],
  };
  let named = false;
  for (const segment of level.body) {
    if (segment.id === 'NM1' && !named) {
      receiver.name = readEntityName(segment);
      named = true;
    } else if (segment.id === 'REF') receiver.references.push(readReference(segment));
    else if (segment.id === 'N3')
      receiver.address = { ...readAddressLines(segment), ...cityOf(receiver.address) };
    else if (segment.id === 'N4') receiver.address = addCity(receiver.address, segment);
    else if (segment.id === 'AAA') receiver.rejections.push(readAaa(segment, '2100B'));
    else if (segment.id === 'PRV') receiver.providerInformation = [...segment.elements];
    else unexpected(segment, '2100B', out);
  }
  if (!named)
    out.error(CODES.missingName, 'Loop 2100B (NM1) is missing.', { segment: level.hl, loopId: '2100B' }, 2);
  return receiver;
}

/** Keep N4 parts when N3 comes after N4 (out of order but readable). */
function cityOf(address: Member271['address']): Partial<NonNullable<Member271['address']>> {
  if (!address) return {};
  const { line1: _line1, line2: _line2, ...rest } = address;
  return rest;
}

type MemberContext = 'member' | 'benefit' | 'related';

function readMember(
  level: HierarchicalLevel,
  nameLoop: string,
  benefitLoop: string,
  delimiters: Delimiters,
  out: DiagnosticCollector,
): Member271 {
  const member: Member271 = {
    hierarchicalId: level.id,
    traces: [],
    name: missingName(),
    references: [],
    address: undefined,
    rejections: [],
    providerInformation: undefined,
    birthDate: undefined,
    gender: undefined,
    relationship: undefined,
    healthCareDiagnosis: undefined,
    militaryPersonnel: undefined,
    dates: [],
    benefits: [],
  };
  let named = false;
  let context: MemberContext = 'member';
  let benefit: Benefit | undefined;
  let related: BenefitRelatedEntity | undefined;
  let lsSegment: Segment | undefined;
  for (const segment of level.body) {
    if (segment.id === 'EB') {
      if (context === 'related') unbalanced(lsSegment ?? segment, benefitLoop, out);
      benefit = readEb(segment, delimiters, benefitLoop, out);
      member.benefits.push(benefit);
      context = 'benefit';
      related = undefined;
    } else if (context === 'related') {
      related = readRelatedSegment(segment, related, benefit, benefitLoop, out);
      if (segment.id === 'LE') context = 'benefit';
    } else if (context === 'benefit' && benefit) {
      if (segment.id === 'LS') {
        context = 'related';
        lsSegment = segment;
      } else readBenefitSegment(benefit, segment, benefitLoop, out);
    } else if (segment.id === 'TRN') member.traces.push(readTrace(segment));
    else if (segment.id === 'NM1' && !named) {
      member.name = readEntityName(segment);
      named = true;
    } else readMemberSegment(member, segment, nameLoop, out);
  }
  if (context === 'related') unbalanced(lsSegment ?? level.hl, benefitLoop, out);
  if (!named)
    out.error(
      CODES.missingName,
      `Loop ${nameLoop} (NM1) is missing.`,
      { segment: level.hl, loopId: nameLoop },
      2,
    );
  return member;
}

function readMemberSegment(
  member: Member271,
  segment: Segment,
  loopId: string,
  out: DiagnosticCollector,
): void {
  switch (segment.id) {
    case 'REF':
      member.references.push(readReference(segment));
      break;
    case 'N3':
      member.address = { ...readAddressLines(segment), ...cityOf(member.address) };
      break;
    case 'N4':
      member.address = addCity(member.address, segment);
      break;
    case 'AAA':
      member.rejections.push(readAaa(segment, loopId));
      break;
    case 'PRV':
      member.providerInformation = [...segment.elements];
      break;
    case 'DMG':
      member.birthDate = optional(segment, 2);
      member.gender = optional(segment, 3);
      break;
    case 'INS':
      member.relationship = {
        subscriberIndicator: required(segment, 1),
        relationshipCode: required(segment, 2),
        maintenanceTypeCode: optional(segment, 3),
        maintenanceReasonCode: optional(segment, 4),
        birthSequenceNumber: optional(segment, 17),
      };
      break;
    case 'HI':
      member.healthCareDiagnosis = [...segment.elements];
      break;
    case 'DTP':
      member.dates.push(readDatePeriod(segment));
      break;
    case 'MPI':
      member.militaryPersonnel = [...segment.elements];
      break;
    default:
      unexpected(segment, loopId, out);
  }
}

function readEb(eb: Segment, delimiters: Delimiters, loopId: string, out: DiagnosticCollector): Benefit {
  const code = required(eb, 1);
  const coverage = optional(eb, 2);
  const period = optional(eb, 6);
  for (const position of [7, 8, 10]) checkDecimal(eb, position, loopId, out);
  const procedure = optional(eb, 13);
  const pointers = optional(eb, 14);
  return {
    eligibilityCode: code,
    eligibilityDescription: describeEligibilityBenefit(code),
    coverageLevelCode: coverage,
    coverageLevelDescription: coverage === undefined ? undefined : describeCoverageLevel(coverage),
    serviceTypes: repetitions(required(eb, 3), delimiters).map((serviceType) => ({
      code: serviceType,
      description: describeServiceType(serviceType),
    })),
    insuranceTypeCode: optional(eb, 4),
    planCoverageDescription: optional(eb, 5),
    timePeriodQualifier: period,
    timePeriodDescription: period === undefined ? undefined : describeTimePeriod(period),
    amount: optional(eb, 7),
    percent: optional(eb, 8),
    quantityQualifier: optional(eb, 9),
    quantity: optional(eb, 10),
    authorizationRequired: optional(eb, 11),
    inPlanNetwork: optional(eb, 12),
    procedure: procedure === undefined ? undefined : components(procedure, delimiters),
    diagnosisPointers: pointers === undefined ? undefined : components(pointers, delimiters),
    deliveries: [],
    references: [],
    dates: [],
    rejections: [],
    messages: [],
    additionalInformation: [],
    relatedEntities: [],
  };
}

function readBenefitSegment(
  benefit: Benefit,
  segment: Segment,
  loopId: string,
  out: DiagnosticCollector,
): void {
  switch (segment.id) {
    case 'HSD':
      benefit.deliveries.push([...segment.elements]);
      break;
    case 'REF':
      benefit.references.push(readReference(segment));
      break;
    case 'DTP':
      benefit.dates.push(readDatePeriod(segment));
      break;
    case 'AAA':
      benefit.rejections.push(readAaa(segment, loopId));
      break;
    case 'MSG':
      benefit.messages.push(required(segment, 1));
      break;
    case 'III':
      benefit.additionalInformation.push([...segment.elements]);
      break;
    case 'LE':
      unbalanced(segment, loopId, out);
      break;
    default:
      unexpected(segment, loopId, out);
  }
}

/** Segments between LS*2120 and LE*2120: NM1 starts a 2120 entity; N3, N4, PER, PRV belong to it. */
function readRelatedSegment(
  segment: Segment,
  related: BenefitRelatedEntity | undefined,
  benefit: Benefit | undefined,
  benefitLoop: string,
  out: DiagnosticCollector,
): BenefitRelatedEntity | undefined {
  const loopId = benefitLoop.replace('2110', '2120');
  if (segment.id === 'LE') return undefined;
  if (segment.id === 'NM1') {
    const entity: BenefitRelatedEntity = {
      name: readEntityName(segment),
      address: undefined,
      contacts: [],
      providerInformation: undefined,
    };
    benefit?.relatedEntities.push(entity);
    return entity;
  }
  if (!related) {
    unexpected(segment, loopId, out);
    return related;
  }
  if (segment.id === 'N3') related.address = { ...readAddressLines(segment), ...cityOf(related.address) };
  else if (segment.id === 'N4') related.address = addCity(related.address, segment);
  else if (segment.id === 'PER') related.contacts.push([...segment.elements]);
  else if (segment.id === 'PRV') related.providerInformation = [...segment.elements];
  else unexpected(segment, loopId, out);
  return related;
}

function readAaa(aaa: Segment, loopId: string): RequestValidation {
  const reason = required(aaa, 3);
  const action = required(aaa, 4);
  return {
    loopId,
    validRequest: required(aaa, 1) === 'Y',
    rejectReasonCode: reason,
    rejectReasonDescription: describeAaaRejectReason(reason),
    followUpActionCode: action,
    followUpActionDescription: describeAaaFollowUpAction(action),
  };
}

function checkDecimal(segment: Segment, position: number, loopId: string, out: DiagnosticCollector): void {
  const value = required(segment, position);
  if (value !== '' && !isDecimalString(value)) {
    const element = elementReference(segment.id, position);
    out.error(CODES.invalidAmount, `${element} is not a decimal number.`, { segment, loopId, element }, 1);
  }
}

function unbalanced(segment: Segment, loopId: string, out: DiagnosticCollector): void {
  out.error(
    CODES.unbalancedLsLe,
    'LS*2120 and LE*2120 do not pair up around the benefit related entity.',
    { segment, loopId },
    2,
  );
}

function unexpected(segment: Segment, loopId: string, out: DiagnosticCollector): void {
  out.warning(
    CODES.unexpectedSegment,
    `${segmentName(segment)} is not expected here in loop ${loopId}; ignored.`,
    { segment, loopId },
  );
}
