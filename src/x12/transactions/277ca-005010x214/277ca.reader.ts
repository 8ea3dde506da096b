/**
 * Reads a 277CA (005010X214) transaction set into the typed ClaimAcknowledgment277CA. Tolerant: a
 * level or segment it does not understand becomes a diagnostic, never an exception.
 */
import { describeClaimStatus } from '../../codes/claim-status-codes';
import {
  describeClaimStatusCategory,
  isAcceptanceCategory,
  isRejectionCategory,
} from '../../codes/claim-status-category-codes';
import { describeEntityIdentifier } from '../../codes/entity-identifier-codes';
import type { TransactionSet } from '../../envelope/types';
import { components, elementReference } from '../../syntax/elements';
import type { Delimiters, DiagnosticLocation, Result, Segment } from '../../syntax/types';
import { DIAGNOSTICS_277CA as CODES } from './277ca.codes';
import type {
  AcknowledgmentOutcome,
  AmountValue,
  BeginningOfHierarchicalTransaction,
  BillingProvider277CA,
  Claim277CA,
  ClaimAcknowledgment277CA,
  ClaimStatus,
  InformationReceiver277CA,
  InformationSource277CA,
  QuantityValue,
  ServiceLine277CA,
  StatusInformation,
} from './277ca.model';
import { DiagnosticCollector, segmentName } from './diagnostics';
import { splitHierarchicalLevels, type HierarchicalLevel } from './hierarchy';
import {
  type EntityName,
  isDecimalString,
  optional,
  readDatePeriod,
  readEntityName,
  readReference,
  readTrace,
  required,
} from './segment-values';

type Level =
  | { kind: 'source'; value: InformationSource277CA }
  | { kind: 'receiver'; value: InformationReceiver277CA }
  | { kind: 'provider'; value: BillingProvider277CA }
  | { kind: 'claim'; value: Claim277CA[] };

const PARENT_KIND = { receiver: 'source', provider: 'receiver', claim: 'provider' } as const;

export function read277CA(
  tx: TransactionSet,
  delimiters: Delimiters,
  location: DiagnosticLocation = {},
): Result<ClaimAcknowledgment277CA> {
  const out = DiagnosticCollector.forTransaction(tx, location);
  if (tx.id !== '277')
    out.error(CODES.wrongTransaction, 'Transaction set is not a 277.', { segment: tx.segments[0] });
  if (!tx.complete)
    out.warning(CODES.truncated, 'Transaction set ends before its SE; the acknowledgment may be incomplete.');

  const { header, levels } = splitHierarchicalLevels(tx.segments);
  const bht = header.find((segment) => segment.id === 'BHT');
  if (!bht) out.error(CODES.missingBht, 'BHT (beginning of hierarchical transaction) is missing.', {}, 2);
  const model: ClaimAcknowledgment277CA = {
    controlNumber: tx.controlNumber,
    header: readBht(bht),
    informationSources: [],
  };

  const byId = new Map<string, Level>();
  const latest: { [K in Level['kind']]?: Level } = {};
  for (const level of levels) {
    const built = readLevel(level, delimiters, out);
    if (!built) continue;
    if (built.kind === 'source') {
      model.informationSources.push(built.value);
    } else {
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

/** HL02 must name an earlier level of the expected kind; otherwise report and use the latest such level. */
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
  else if (parent.kind === 'receiver' && child.kind === 'provider') parent.value.providers.push(child.value);
  else if (parent.kind === 'provider' && child.kind === 'claim') parent.value.claims.push(...child.value);
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
      return { kind: 'receiver', value: readReceiver(level, delimiters, out) };
    case '19':
      return { kind: 'provider', value: readProvider(level, delimiters, out) };
    case 'PT':
    case '22':
      return { kind: 'claim', value: readClaims(level, delimiters, out) };
    default:
      out.error(CODES.hlLevel, 'HL03 is not a 277CA level (20, 21, 19 or PT); level skipped.', {
        segment: level.hl,
        element: 'HL03',
      });
      return undefined;
  }
}

function readSource(level: HierarchicalLevel, out: DiagnosticCollector): InformationSource277CA {
  const source: InformationSource277CA = {
    hierarchicalId: level.id,
    name: missingName(),
    contacts: [],
    trace: undefined,
    receiptDate: undefined,
    processDate: undefined,
    receivers: [],
  };
  let named = false;
  for (const segment of level.body) {
    if (segment.id === 'NM1' && !named) {
      source.name = readEntityName(segment);
      named = true;
    } else if (segment.id === 'PER' && named) source.contacts.push([...segment.elements]);
    else if (segment.id === 'TRN') source.trace = readTrace(segment);
    else if (segment.id === 'DTP' && required(segment, 1) === '050')
      source.receiptDate = required(segment, 3);
    else if (segment.id === 'DTP' && required(segment, 1) === '009')
      source.processDate = required(segment, 3);
    else unexpected(segment, '2000A', out);
  }
  if (!named) missingNm1(level, '2100A', out);
  return source;
}

function readReceiver(
  level: HierarchicalLevel,
  delimiters: Delimiters,
  out: DiagnosticCollector,
): InformationReceiver277CA {
  const receiver: InformationReceiver277CA = {
    hierarchicalId: level.id,
    name: missingName(),
    trace: undefined,
    statusInformation: [],
    outcome: 'other',
    quantities: [],
    amounts: [],
    providers: [],
  };
  let named = false;
  for (const segment of level.body) {
    if (segment.id === 'NM1' && !named) {
      receiver.name = readEntityName(segment);
      named = true;
    } else if (segment.id === 'TRN') receiver.trace = readTrace(segment);
    else if (segment.id === 'STC')
      receiver.statusInformation.push(readStc(segment, delimiters, '2200B', out));
    else if (segment.id === 'QTY') receiver.quantities.push(readQuantity(segment, '2200B', out));
    else if (segment.id === 'AMT') receiver.amounts.push(readAmount(segment, '2200B', out));
    else unexpected(segment, '2000B', out);
  }
  if (!named) missingNm1(level, '2100B', out);
  receiver.outcome = acknowledgmentOutcomeOf(receiver.statusInformation);
  return receiver;
}

function readProvider(
  level: HierarchicalLevel,
  delimiters: Delimiters,
  out: DiagnosticCollector,
): BillingProvider277CA {
  const provider: BillingProvider277CA = {
    hierarchicalId: level.id,
    name: missingName(),
    trace: undefined,
    statusInformation: [],
    outcome: 'other',
    references: [],
    quantities: [],
    amounts: [],
    claims: [],
  };
  let named = false;
  for (const segment of level.body) {
    if (segment.id === 'NM1' && !named) {
      provider.name = readEntityName(segment);
      named = true;
    } else if (segment.id === 'TRN') provider.trace = readTrace(segment);
    else if (segment.id === 'STC')
      provider.statusInformation.push(readStc(segment, delimiters, '2200C', out));
    else if (segment.id === 'REF') provider.references.push(readReference(segment));
    else if (segment.id === 'QTY') provider.quantities.push(readQuantity(segment, '2200C', out));
    else if (segment.id === 'AMT') provider.amounts.push(readAmount(segment, '2200C', out));
    else unexpected(segment, '2000C', out);
  }
  if (!named) missingNm1(level, '2100C', out);
  provider.outcome = acknowledgmentOutcomeOf(provider.statusInformation);
  return provider;
}

function newClaim(level: HierarchicalLevel, patient: Claim277CA['patient']): Claim277CA {
  return {
    hierarchicalId: level.id,
    patient,
    patientControlNumber: undefined,
    trace: undefined,
    statusInformation: [],
    outcome: 'other',
    payerClaimControlNumber: undefined,
    clearinghouseTraceNumber: undefined,
    billType: undefined,
    medicalRecordNumber: undefined,
    serviceDate: undefined,
    lines: [],
  };
}

/**
 * One 2000D patient level holds one or more 2200D claims, each opened by its TRN (X214: 2200D repeats
 * within 2000D), so a patient with two claims in the batch gives two Claim277CA with the same HL id.
 */
function readClaims(
  level: HierarchicalLevel,
  delimiters: Delimiters,
  out: DiagnosticCollector,
): Claim277CA[] {
  let patient = missingName();
  let named = false;
  const claims: Claim277CA[] = [];
  let claim: Claim277CA | undefined;
  let line: ServiceLine277CA | undefined;
  let lineSvc: Segment | undefined;
  const closeClaim = (): void => {
    if (line && lineSvc) finishLine(line, lineSvc, out);
    line = undefined;
    lineSvc = undefined;
    if (claim) finishClaim(claim, level, out);
  };
  for (const segment of level.body) {
    if (segment.id === 'NM1' && !named && !claim) {
      patient = readEntityName(segment);
      named = true;
    } else if (segment.id === 'TRN') {
      closeClaim();
      claim = newClaim(level, patient);
      claim.trace = readTrace(segment);
      claim.patientControlNumber = claim.trace.referenceId;
      claims.push(claim);
    } else {
      // Segments before any TRN still belong to a (TRN-less) claim: reported by finishClaim.
      if (!claim) {
        claim = newClaim(level, patient);
        claims.push(claim);
      }
      if (segment.id === 'SVC') {
        if (line && lineSvc) finishLine(line, lineSvc, out);
        line = readSvc(segment, delimiters, out);
        lineSvc = segment;
        claim.lines.push(line);
      } else if (line) readLineSegment(line, segment, delimiters, out);
      else if (segment.id === 'STC') claim.statusInformation.push(readStc(segment, delimiters, '2200D', out));
      else if (segment.id === 'REF') readClaimReference(claim, segment, out);
      else if (segment.id === 'DTP' && required(segment, 1) === '472')
        claim.serviceDate = readDatePeriod(segment);
      else unexpected(segment, '2200D', out);
    }
  }
  closeClaim();
  if (!named) missingNm1(level, '2100D', out);
  if (claims.length === 0) {
    out.error(CODES.missingTrn, 'Patient level (2000D) has no claim (2200D TRN).', {
      segment: level.hl,
      loopId: '2200D',
    });
    claims.push(finishedEmpty(newClaim(level, patient)));
  }
  return claims;
}

function finishedEmpty(claim: Claim277CA): Claim277CA {
  claim.outcome = acknowledgmentOutcomeOf(claim.statusInformation);
  return claim;
}

function finishClaim(claim: Claim277CA, level: HierarchicalLevel, out: DiagnosticCollector): void {
  // 2200D TRN is required: its TRN02 echoes the 837 CLM01, the only key to reconcile the claim.
  if (!claim.trace) {
    out.error(CODES.missingTrn, 'Claim level (2200D) has no TRN: the patient control number is missing.', {
      segment: level.hl,
      loopId: '2200D',
    });
  }
  // 2200D STC is required (at least one per claim).
  if (claim.statusInformation.length === 0) {
    out.error(CODES.missingStc, 'Claim level (2200D) has no STC status.', {
      segment: level.hl,
      loopId: '2200D',
    });
  }
  claim.outcome = acknowledgmentOutcomeOf(claim.statusInformation);
}

function readClaimReference(claim: Claim277CA, segment: Segment, out: DiagnosticCollector): void {
  const reference = readReference(segment);
  switch (reference.qualifier) {
    case '1K':
      claim.payerClaimControlNumber = reference.value;
      break;
    case 'D9':
      claim.clearinghouseTraceNumber = reference.value;
      break;
    case 'BLT':
      claim.billType = reference.value;
      break;
    case 'EA':
      claim.medicalRecordNumber = reference.value;
      break;
    default:
      unexpected(segment, '2200D', out);
  }
}

function readSvc(svc: Segment, delimiters: Delimiters, out: DiagnosticCollector): ServiceLine277CA {
  const procedure = components(required(svc, 1), delimiters);
  const line: ServiceLine277CA = {
    procedureQualifier: procedure[0] ?? '',
    procedureCode: procedure[1] ?? '',
    procedureModifiers: procedure.slice(2, 6).filter((modifier) => modifier !== ''),
    chargeAmount: required(svc, 2),
    paidAmount: optional(svc, 3),
    revenueCode: optional(svc, 4),
    unitCount: optional(svc, 7),
    statusInformation: [],
    outcome: 'other',
    lineItemControlNumber: undefined,
    serviceDate: undefined,
  };
  checkDecimal(svc, 2, '2220D', out, true);
  checkDecimal(svc, 3, '2220D', out);
  checkDecimal(svc, 7, '2220D', out);
  return line;
}

function readLineSegment(
  line: ServiceLine277CA,
  segment: Segment,
  delimiters: Delimiters,
  out: DiagnosticCollector,
): void {
  if (segment.id === 'STC') line.statusInformation.push(readStc(segment, delimiters, '2220D', out));
  else if (segment.id === 'REF' && required(segment, 1) === 'FJ')
    line.lineItemControlNumber = required(segment, 2);
  else if (segment.id === 'DTP' && required(segment, 1) === '472') line.serviceDate = readDatePeriod(segment);
  else unexpected(segment, '2220D', out);
}

function finishLine(line: ServiceLine277CA, svc: Segment, out: DiagnosticCollector): void {
  // 2220D STC is required for every reported service line.
  if (line.statusInformation.length === 0) {
    out.error(CODES.missingStc, 'Service line (2220D) has no STC status.', { segment: svc, loopId: '2220D' });
  }
  line.outcome = acknowledgmentOutcomeOf(line.statusInformation);
}

function readStc(
  stc: Segment,
  delimiters: Delimiters,
  loopId: string,
  out: DiagnosticCollector,
): StatusInformation {
  const statuses: ClaimStatus[] = [];
  for (const position of [1, 10, 11]) {
    const raw = required(stc, position);
    if (raw !== '') statuses.push(readStatusComposite(raw, delimiters));
  }
  checkDecimal(stc, 4, loopId, out);
  return {
    statuses,
    effectiveDate: optional(stc, 2),
    actionCode: optional(stc, 3),
    chargeAmount: optional(stc, 4),
    message: optional(stc, 12),
  };
}

function readStatusComposite(raw: string, delimiters: Delimiters): ClaimStatus {
  const [categoryCode = '', statusCode = '', entityCode = '', codeListQualifier = ''] = components(
    raw,
    delimiters,
  );
  return {
    categoryCode,
    categoryDescription: describeClaimStatusCategory(categoryCode),
    statusCode,
    statusDescription: describeClaimStatus(statusCode),
    entityCode: entityCode || undefined,
    entityDescription: entityCode ? describeEntityIdentifier(entityCode) : undefined,
    codeListQualifier: codeListQualifier || undefined,
  };
}

function readQuantity(qty: Segment, loopId: string, out: DiagnosticCollector): QuantityValue {
  checkDecimal(qty, 2, loopId, out, true);
  return { qualifier: required(qty, 1), quantity: required(qty, 2) };
}

function readAmount(amt: Segment, loopId: string, out: DiagnosticCollector): AmountValue {
  checkDecimal(amt, 2, loopId, out, true);
  return { qualifier: required(amt, 1), amount: required(amt, 2) };
}

function checkDecimal(
  segment: Segment,
  position: number,
  loopId: string,
  out: DiagnosticCollector,
  mandatory = false,
): void {
  const value = required(segment, position);
  if (value === '' && !mandatory) return;
  if (!isDecimalString(value)) {
    const element = elementReference(segment.id, position);
    out.error(CODES.invalidAmount, `${element} is not a decimal number.`, { segment, loopId, element }, 1);
  }
}

/** Rejected when any status category rejects (or STC03 is U); accepted when one accepts; A0/A1 only: received. */
export function acknowledgmentOutcomeOf(
  statusInformation: readonly StatusInformation[],
): AcknowledgmentOutcome {
  const categories = statusInformation.flatMap((info) => info.statuses.map((status) => status.categoryCode));
  if (categories.some(isRejectionCategory) || statusInformation.some((info) => info.actionCode === 'U'))
    return 'rejected';
  if (categories.some(isAcceptanceCategory)) return 'accepted';
  if (categories.some((category) => category === 'A0' || category === 'A1')) return 'received';
  return 'other';
}

function missingName(): EntityName {
  return { entityIdentifierCode: '', entityTypeQualifier: '' };
}

function missingNm1(level: HierarchicalLevel, loopId: string, out: DiagnosticCollector): void {
  out.error(CODES.missingName, `Loop ${loopId} (NM1) is missing.`, { segment: level.hl, loopId }, 2);
}

function unexpected(segment: Segment, loopId: string, out: DiagnosticCollector): void {
  out.warning(
    CODES.unexpectedSegment,
    `${segmentName(segment)} is not expected here in loop ${loopId}; ignored.`,
    {
      segment,
      loopId,
    },
  );
}
