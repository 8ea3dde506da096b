/**
 * Reads a 270 eligibility inquiry (005010X279A1) into one EligibilityRequest270 per patient: each
 * subscriber without dependent levels, and each dependent (2000D) of a subscriber. Used by the payer
 * simulator and for uploaded files. Never throws on bad input: problems are diagnostics.
 */
import type { TransactionSet } from '../../envelope/types';
import type { Delimiters, DiagnosticLocation, Result, Segment } from '../../syntax/types';
import { DiagnosticCollector, segmentName } from '../277ca-005010x214/diagnostics';
import { splitHierarchicalLevels, type HierarchicalLevel } from '../277ca-005010x214/hierarchy';
import {
  addCity,
  optional,
  readAddressLines,
  required,
  type Address,
} from '../277ca-005010x214/segment-values';
import { DIAGNOSTICS_270 as CODES } from './270.codes';
import type {
  Dependent270,
  EligibilityInquiry270,
  EligibilityRequest270,
  Payer270,
  Provider270,
  Subscriber270,
} from './270.model';

interface PatientLoop {
  trace?: EligibilityRequest270['trace'];
  serviceTypeCodes: string[];
  dateOfService?: EligibilityRequest270['dateOfService'];
}

interface SubscriberLevel extends PatientLoop {
  level: HierarchicalLevel;
  payer: Payer270;
  provider: Provider270;
  subscriber: Subscriber270;
  dependents: (PatientLoop & { dependent: Dependent270 })[];
}

export function read270(
  tx: TransactionSet,
  _delimiters: Delimiters,
  location: DiagnosticLocation = {},
): Result<EligibilityInquiry270> {
  const out = DiagnosticCollector.forTransaction(tx, location);
  if (tx.id !== '270')
    out.error(CODES.wrongTransaction, 'Transaction set is not a 270.', { segment: tx.segments[0] });
  if (!tx.complete)
    out.warning(CODES.truncated, 'Transaction set ends before its SE; the inquiry may be incomplete.');
  const { header, levels } = splitHierarchicalLevels(tx.segments);
  const bht = header.find((segment) => segment.id === 'BHT');
  if (!bht) out.error(CODES.missingBht, 'BHT (beginning of hierarchical transaction) is missing.', {}, 2);

  const payers = new Map<string, Payer270>();
  const providers = new Map<string, Provider270>();
  const subscribers = new Map<string, SubscriberLevel>();
  const ordered: SubscriberLevel[] = [];
  let lastPayer: Payer270 | undefined;
  let lastProvider: Provider270 | undefined;
  let lastSubscriber: SubscriberLevel | undefined;

  const parent = <T>(
    level: HierarchicalLevel,
    map: ReadonlyMap<string, T>,
    fallback: T | undefined,
  ): T | undefined => {
    const named = map.get(level.parentId);
    if (named) return named;
    out.error(
      CODES.hlParent,
      'HL02 does not name an earlier level of the expected parent type.',
      { segment: level.hl, element: 'HL02' },
      4,
    );
    return fallback;
  };

  for (const level of levels) {
    switch (level.levelCode) {
      case '20':
        lastPayer = readPayer(level, out);
        payers.set(level.id, lastPayer);
        break;
      case '21': {
        parent(level, payers, lastPayer);
        lastProvider = readProvider(level, out);
        providers.set(level.id, lastProvider);
        break;
      }
      case '22': {
        const provider = parent(level, providers, lastProvider);
        const payer = lastPayer;
        if (!provider || !payer) break;
        lastSubscriber = { level, payer, provider, ...readSubscriber(level, out), dependents: [] };
        subscribers.set(level.id, lastSubscriber);
        ordered.push(lastSubscriber);
        break;
      }
      case '23': {
        const subscriber = parent(level, subscribers, lastSubscriber);
        if (subscriber) subscriber.dependents.push(readDependent(level, out));
        break;
      }
      default:
        out.error(CODES.hlLevel, 'HL03 is not a 270 level (20, 21, 22 or 23); level skipped.', {
          segment: level.hl,
          element: 'HL03',
        });
    }
  }

  const requests: EligibilityRequest270[] = [];
  for (const entry of ordered) {
    const base = {
      referenceId: bht ? required(bht, 3) : '',
      date: bht ? required(bht, 4) : '',
      time: bht ? required(bht, 5) : '',
      purposeCode: bht && required(bht, 2) === '01' ? ('01' as const) : undefined,
      payer: entry.payer,
      provider: entry.provider,
      subscriber: entry.subscriber,
    };
    const patients = entry.dependents.length === 0 ? [{ ...entry, dependent: undefined }] : entry.dependents;
    for (const patient of patients) {
      requests.push({
        ...base,
        dependent: patient.dependent,
        trace: patient.trace ?? { referenceId: '', originatingCompanyId: '' },
        serviceTypeCodes: patient.serviceTypeCodes,
        dateOfService: patient.dateOfService,
      });
    }
  }
  return { value: { controlNumber: tx.controlNumber, requests }, diagnostics: out.diagnostics };
}

function readPayer(level: HierarchicalLevel, out: DiagnosticCollector): Payer270 {
  const nm1 = level.body.find((segment) => segment.id === 'NM1');
  if (!nm1)
    out.error(CODES.missingName, 'Loop 2100A (NM1) is missing.', { segment: level.hl, loopId: '2100A' }, 2);
  for (const segment of level.body) if (segment !== nm1) unexpected(segment, '2100A', out);
  const qualifier = nm1 ? optional(nm1, 8) : undefined;
  return {
    name: nm1 ? required(nm1, 3) : '',
    idQualifier: qualifier === 'PI' ? undefined : (qualifier as Payer270['idQualifier']),
    id: nm1 ? required(nm1, 9) : '',
  };
}

function readProvider(level: HierarchicalLevel, out: DiagnosticCollector): Provider270 {
  const provider: Provider270 = { npi: '' };
  let named = false;
  for (const segment of level.body) {
    if (segment.id === 'NM1' && !named) {
      named = true;
      const entity = required(segment, 1);
      if (entity !== '1P') provider.entityCode = entity as Provider270['entityCode'];
      if (required(segment, 2) === '1') {
        provider.lastName = optional(segment, 3);
        provider.firstName = optional(segment, 4);
        provider.middleName = optional(segment, 5);
        provider.suffix = optional(segment, 7);
      } else {
        provider.organizationName = optional(segment, 3);
      }
      const qualifier = optional(segment, 8);
      if (qualifier !== undefined && qualifier !== 'XX')
        provider.idQualifier = qualifier as Provider270['idQualifier'];
      provider.npi = required(segment, 9);
    } else if (segment.id === 'PRV' && required(segment, 2) === 'PXC') {
      provider.taxonomyCode = required(segment, 3);
    } else unexpected(segment, '2100B', out);
  }
  if (!named)
    out.error(CODES.missingName, 'Loop 2100B (NM1) is missing.', { segment: level.hl, loopId: '2100B' }, 2);
  return provider;
}

/** Reads TRN, DMG, INS, DTP*291 and EQ of a subscriber or dependent level; other segments are reported. */
function readPatientSegments(
  level: HierarchicalLevel,
  loopId: string,
  out: DiagnosticCollector,
  onPerson: (segment: Segment) => boolean,
): PatientLoop & { named: boolean } {
  const loop: PatientLoop & { named: boolean } = { serviceTypeCodes: [], named: false };
  for (const segment of level.body) {
    if (segment.id === 'TRN' && !loop.trace) {
      loop.trace = {
        referenceId: required(segment, 2),
        originatingCompanyId: required(segment, 3),
        supplementalId: optional(segment, 4),
      };
    } else if (segment.id === 'DTP' && required(segment, 1) === '291') {
      const period = required(segment, 3);
      const dash = period.indexOf('-');
      loop.dateOfService =
        required(segment, 2) === 'RD8' && dash > 0
          ? { start: period.slice(0, dash), end: period.slice(dash + 1) }
          : { start: period };
    } else if (segment.id === 'EQ') {
      if (required(segment, 1) !== '') loop.serviceTypeCodes.push(required(segment, 1));
      if (segment.elements.slice(1).some((element) => element !== '')) {
        out.warning(
          CODES.unexpectedSegment,
          'EQ02 and later elements are not carried into the typed request.',
          { segment, loopId },
        );
      }
    } else if (segment.id === 'NM1' && !loop.named) {
      loop.named = onPerson(segment);
    } else if (segment.id === 'NM1' || !onPerson(segment)) {
      unexpected(segment, loopId, out);
    }
  }
  return loop;
}

function readSubscriber(
  level: HierarchicalLevel,
  out: DiagnosticCollector,
): PatientLoop & { subscriber: Subscriber270 } {
  const subscriber: Subscriber270 = { memberId: '', lastName: '' };
  const loop = readPatientSegments(level, '2100C', out, (segment) => {
    if (segment.id === 'NM1') {
      Object.assign(subscriber, personName(segment));
      subscriber.memberId = required(segment, 9);
    } else if (segment.id === 'REF' && required(segment, 1) === '6P')
      subscriber.groupNumber = required(segment, 2);
    else if (segment.id === 'DMG') Object.assign(subscriber, personDemographics(segment));
    else if (segment.id === 'N3')
      subscriber.address = { ...readAddressLines(segment), ...cityOf(subscriber.address) };
    else if (segment.id === 'N4') subscriber.address = addCity(subscriber.address, segment);
    else return false;
    return true;
  });
  if (!loop.named)
    out.error(CODES.missingName, 'Loop 2100C (NM1) is missing.', { segment: level.hl, loopId: '2100C' }, 2);
  return {
    subscriber,
    trace: loop.trace,
    serviceTypeCodes: loop.serviceTypeCodes,
    dateOfService: loop.dateOfService,
  };
}

function readDependent(
  level: HierarchicalLevel,
  out: DiagnosticCollector,
): PatientLoop & { dependent: Dependent270 } {
  const dependent: Dependent270 = { lastName: '' };
  const loop = readPatientSegments(level, '2100D', out, (segment) => {
    if (segment.id === 'NM1') Object.assign(dependent, personName(segment));
    else if (segment.id === 'DMG') Object.assign(dependent, personDemographics(segment));
    else if (segment.id === 'N3')
      dependent.address = { ...readAddressLines(segment), ...cityOf(dependent.address) };
    else if (segment.id === 'N4') dependent.address = addCity(dependent.address, segment);
    else if (segment.id === 'INS') dependent.relationshipCode = required(segment, 2);
    else return false;
    return true;
  });
  if (!loop.named)
    out.error(CODES.missingName, 'Loop 2100D (NM1) is missing.', { segment: level.hl, loopId: '2100D' }, 2);
  return {
    dependent,
    trace: loop.trace,
    serviceTypeCodes: loop.serviceTypeCodes,
    dateOfService: loop.dateOfService,
  };
}

function personName(nm1: Segment): {
  lastName: string;
  firstName?: string;
  middleName?: string;
  suffix?: string;
} {
  return {
    lastName: required(nm1, 3),
    firstName: optional(nm1, 4),
    middleName: optional(nm1, 5),
    suffix: optional(nm1, 7),
  };
}

function personDemographics(dmg: Segment): { birthDate?: string; gender?: 'M' | 'F' | 'U' } {
  const gender = optional(dmg, 3);
  return {
    birthDate: optional(dmg, 2),
    gender: gender === 'M' || gender === 'F' || gender === 'U' ? gender : undefined,
  };
}

function unexpected(segment: Segment, loopId: string, out: DiagnosticCollector): void {
  out.warning(
    CODES.unexpectedSegment,
    `${segmentName(segment)} is not carried into the typed request in loop ${loopId}; ignored.`,
    {
      segment,
      loopId,
    },
  );
}

/** Keep N4 parts when N3 comes after N4 (out of order but readable). */
function cityOf(address: Address | undefined): Partial<Address> {
  if (!address) return {};
  const { line1: _line1, line2: _line2, ...rest } = address;
  return rest;
}
