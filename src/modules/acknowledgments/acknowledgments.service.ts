// Acknowledgments back onto claims. One inbound file at a time, inside the transaction InboundFilesService
// opened for it: match every acknowledgment in the file against the outbound ledger (TA1 -> ISA13, 999
// AK1/AK2 -> GS06/ST02, 277CA 2200D TRN02 -> CLM01), then apply all of it or nothing. An acknowledgment that
// matches nothing quarantines the file; it is never applied to a guess. Applying is idempotent: a claim
// moves only from the statuses an acknowledgment can answer, and a transmission only forward, so the same
// acknowledgment applied again (or re-sent under a new ISA13) changes nothing and adds no event.
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { GATEWAY_LOGGER, type GatewayLogger } from '../../common/logging/logger';
import {
  acknowledgedClaims,
  levelRejections,
  parseCents,
  read277CA,
  read999,
  readTa1Segment,
  type Diagnostic,
  type Interchange,
  type TransactionSetResponse999,
} from '../../x12';
import type { ClaimStatus, ClaimStatusSource } from '../claims/claim-status';
import { ClaimStatusService } from '../claims/claim-status.service';
import {
  type InboundFileHandlerResult,
  ProcessLaterError,
} from '../inbound-files/inbound-file-handler.registry';
import type { InboundFileEntity } from '../inbound-files/inbound-file.entity';
import {
  formatGs06,
  formatIsa13,
  formatSt02,
} from '../transmissions/control-numbers/control-number.repository';
import { DeliveryService } from '../transmissions/delivery/delivery.service';
import { TransmissionsRepository } from '../transmissions/transmissions.repository';
import { ack999Detail, claim277CAOutcome, isAccepted999, ta1Detail } from './acknowledgment-details';
import { AcknowledgmentPlan, nextTransmissionState, type FileOutcome } from './acknowledgment-plan';
import {
  AcknowledgmentsRepository,
  type InterchangePair,
  type SetClaim,
  type TransmissionRow,
} from './acknowledgments.repository';

/** Claim statuses a TA1 or 999 answers: sent (or still queued when delivery was in doubt). */
const AWAITING_ENVELOPE_ACK: readonly ClaimStatus[] = ['queued', 'sent'];
/** Claim statuses a 277CA answers. */
const AWAITING_277CA: readonly ClaimStatus[] = ['queued', 'sent', 'accepted_999'];

/** 277CA statuses as comparable text (the codes only; JSONB does not keep key order). */
function statusKey(statuses: unknown): string {
  if (!Array.isArray(statuses)) return '';
  return statuses
    .map((status: Record<string, unknown>) =>
      [status.loop, status.categoryCode, status.statusCode, status.entityCode, status.actionCode].join(':'),
    )
    .join('|');
}

/**
 * The transmission an acknowledgment answers is still being uploaded (or not yet): the file arrived between
 * the payer's pickup and our commit. Thrown to roll back; processing is retried later.
 */
/**
 * The acknowledged transmission is still built or uploading (its delivery not yet recorded, e.g. after a
 * crash, until another worker takes over its lease). Waiting is all it needs: the file stays stored and is
 * tried again every inbound tick, without using up its automatic attempts, until the transmission is
 * delivered (applied) or dead-lettered (quarantined).
 */
export class AcknowledgmentTooEarlyError extends ProcessLaterError {
  constructor(state: string) {
    super(
      'ack_transmission_not_delivered',
      `The acknowledged transmission is ${state}; processing is retried once it is delivered.`,
    );
  }
}

/** The ISA pair we wrote, from the acknowledgment's envelope (its sender is our receiver). */
function ourPair(interchange: Interchange): InterchangePair {
  return {
    senderQualifier: interchange.receiverQualifier.trim(),
    senderId: interchange.receiverId.trim(),
    receiverQualifier: interchange.senderQualifier.trim(),
    receiverId: interchange.senderId.trim(),
  };
}

/** A control number as the ledger stores it; undefined for anything that is not 1..9 digits. */
function controlNumber(value: string | undefined): number | undefined {
  const trimmed = (value ?? '').trim();
  return /^\d{1,9}$/.test(trimmed) ? Number(trimmed) : undefined;
}

function firstError(diagnostics: readonly Diagnostic[]): Diagnostic | undefined {
  return diagnostics.find((diagnostic) => diagnostic.severity === 'error');
}

function diagnosticPlace(diagnostic: Diagnostic): string {
  const location = diagnostic.location;
  const parts = [`code ${diagnostic.code}`];
  if (location.segmentId !== undefined) parts.push(`segment ${location.segmentId}`);
  if (location.segmentPositionInTransaction !== undefined)
    parts.push(`position ${location.segmentPositionInTransaction}`);
  if (location.element !== undefined) parts.push(`element ${location.element}`);
  if (location.transactionControlNumber !== undefined)
    parts.push(`ST02 ${location.transactionControlNumber}`);
  return parts.join(', ');
}

function sentAs(claim: SetClaim): Record<string, unknown> {
  return {
    transmissionId: claim.transmissionId,
    isa13: formatIsa13(claim.isa13),
    gs06: formatGs06(claim.gs06),
    st02: formatSt02(claim.st02),
  };
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function fileOutcomeOf999(ak901: string): FileOutcome {
  if (ak901 === 'A' || ak901 === 'E') return 'accepted';
  if (ak901 === 'P') return 'partially_accepted';
  return 'rejected';
}

@Injectable()
export class AcknowledgmentsService {
  private readonly log: GatewayLogger;

  constructor(
    private readonly repository: AcknowledgmentsRepository,
    private readonly transmissions: TransmissionsRepository,
    private readonly delivery: DeliveryService,
    private readonly claimStatus: ClaimStatusService,
    @Inject(GATEWAY_LOGGER) logger: GatewayLogger,
  ) {
    this.log = logger.child({ module: 'acknowledgments' });
  }

  /** Applies a TA1 file (and any TA1 carried in a 999 or 277CA interchange). */
  async applyTa1File(
    manager: EntityManager,
    file: InboundFileEntity,
    interchanges: readonly Interchange[],
  ): Promise<InboundFileHandlerResult> {
    const plan = new AcknowledgmentPlan('ta1');
    await this.planTa1s(manager, file, interchanges, plan);
    return this.finish(manager, file, plan);
  }

  async apply999File(
    manager: EntityManager,
    file: InboundFileEntity,
    interchanges: readonly Interchange[],
  ): Promise<InboundFileHandlerResult> {
    const plan = new AcknowledgmentPlan('999');
    await this.planTa1s(manager, file, interchanges, plan);
    for (const interchange of interchanges) {
      for (const group of interchange.groups) {
        for (const transaction of group.transactions) {
          const read = read999(transaction, interchange.delimiters, {
            interchangeControlNumber: interchange.controlNumber,
            groupControlNumber: group.controlNumber,
          });
          const error = firstError(read.diagnostics);
          if (error) return this.unreadable(file, 'ACK_999_UNREADABLE', error);
          await this.plan999(manager, file, interchange, transaction.controlNumber, read.value, plan);
        }
      }
    }
    return this.finish(manager, file, plan);
  }

  async apply277CAFile(
    manager: EntityManager,
    file: InboundFileEntity,
    interchanges: readonly Interchange[],
  ): Promise<InboundFileHandlerResult> {
    const plan = new AcknowledgmentPlan('277ca');
    await this.planTa1s(manager, file, interchanges, plan);
    for (const interchange of interchanges) {
      for (const group of interchange.groups) {
        for (const transaction of group.transactions) {
          const read = read277CA(transaction, interchange.delimiters, {
            interchangeControlNumber: interchange.controlNumber,
            groupControlNumber: group.controlNumber,
          });
          const error = firstError(read.diagnostics);
          if (error) return this.unreadable(file, 'ACK_277CA_UNREADABLE', error);
          const where = `277CA ISA13 ${interchange.controlNumber} ST02 ${transaction.controlNumber}`;
          await this.plan277CA(manager, file, where, transaction.controlNumber, read.value, plan);
        }
      }
    }
    return this.finish(manager, file, plan);
  }

  // --- TA1 ---

  private async planTa1s(
    manager: EntityManager,
    file: InboundFileEntity,
    interchanges: readonly Interchange[],
    plan: AcknowledgmentPlan,
  ): Promise<void> {
    for (const interchange of interchanges) {
      for (const segment of interchange.ta1) {
        const read = readTa1Segment(segment, interchange);
        const isa13 = controlNumber(read.value.controlNumber);
        const where = `TA1 in ISA13 ${interchange.controlNumber}: TA101 ${isa13 ?? 'invalid'}`;
        if (firstError(read.diagnostics) || isa13 === undefined) {
          plan.unmatchedAck('ACK_TA1_INVALID', where);
          continue;
        }
        const [matched] = await this.repository.lockInterchanges(
          manager,
          file.partnerId,
          ourPair(interchange),
          [isa13],
        );
        if (!matched) {
          plan.unmatchedAck('ACK_UNMATCHED_ISA13', where);
          continue;
        }
        plan.matchedAck([matched.orgId]);
        if (!this.acknowledgeable(plan, matched.transmissionId, matched.state)) continue;
        const ta1 = read.value;
        // Already applied (same file again, or the TA1 re-sent): nothing more to record.
        if (matched.ta1Status === ta1.acknowledgmentCode && matched.ta1NoteCode === ta1.noteCode) continue;
        plan.ta1Results.push({
          interchangeId: matched.interchangeId,
          status: ta1.acknowledgmentCode,
          noteCode: ta1.noteCode,
        });
        const detail = { ...ta1Detail(ta1), inboundFileId: file.id, fileName: matched.fileName };
        const claims = await this.repository.lockClaimsOfInterchange(manager, matched.interchangeId);
        const current = claims.filter(
          (claim) =>
            claim.currentTransmissionId === claim.transmissionId &&
            AWAITING_ENVELOPE_ACK.includes(claim.status),
        );
        const transmission = { id: matched.transmissionId, fileName: matched.fileName, state: matched.state };
        const transmissionDetails = {
          source: 'ta1',
          inboundFileId: file.id,
          isa13: formatIsa13(matched.isa13),
          acknowledgmentCode: ta1.acknowledgmentCode,
          noteCode: ta1.noteCode,
        };
        if (ta1.acknowledgmentCode === 'R') {
          for (const claim of current) {
            plan.changeClaim({
              orgId: claim.orgId,
              claimId: claim.claimId,
              status: 'rejected_ta1',
              details: { ...sentAs(claim), ...detail },
              unlinkFrom: claim.transmissionId,
              source: 'ta1',
            });
          }
          const state = plan.stateOf(matched.transmissionId, matched.state);
          plan.moveTransmission(
            transmission,
            nextTransmissionState(state, 'rejected', matched.interchangeCount === 1),
            transmissionDetails,
          );
        } else {
          // A or E: the envelope arrived; the claims keep their status, the timeline notes the TA1. A note,
          // so a 999 or 277CA in the same file still answers these claims.
          for (const claim of current) {
            plan.changeClaim({
              orgId: claim.orgId,
              claimId: claim.claimId,
              status: 'sent',
              details: { ...sentAs(claim), ...detail },
              source: 'ta1',
              note: true,
            });
          }
          if (plan.stateOf(matched.transmissionId, matched.state) === 'in_doubt')
            plan.moveTransmission(transmission, 'delivered', transmissionDetails);
        }
      }
    }
  }

  // --- 999 ---

  private async plan999(
    manager: EntityManager,
    file: InboundFileEntity,
    interchange: Interchange,
    ack999ControlNumber: string,
    ack: {
      functionalGroup: { groupControlNumber: string };
      transactionSetResponses: TransactionSetResponse999[];
      groupResponse: { acknowledgmentCode: string };
    },
    plan: AcknowledgmentPlan,
  ): Promise<void> {
    const pair = ourPair(interchange);
    const gs06 = controlNumber(ack.functionalGroup.groupControlNumber);
    const where = `999 ISA13 ${interchange.controlNumber} ST02 ${ack999ControlNumber}: AK102 ${gs06 ?? 'invalid'}`;
    if (gs06 === undefined) {
      plan.unmatchedAck('ACK_UNMATCHED_GS06', where);
      return;
    }
    const transmissionIds = await this.repository.transmissionsOfGroup(manager, file.partnerId, pair, gs06);
    if (transmissionIds.length === 0) {
      plan.unmatchedAck('ACK_UNMATCHED_GS06', where);
      return;
    }
    const transmissions = new Map(
      (await this.repository.lockTransmissions(manager, transmissionIds)).map((row) => [row.id, row]),
    );
    const claims = await this.repository.lockClaimsOfGroup(manager, file.partnerId, pair, gs06);
    const bySet = new Map<number, SetClaim[]>();
    for (const claim of claims) pushTo(bySet, claim.st02, claim);

    const ak901 = ack.groupResponse.acknowledgmentCode;
    const answered = new Set<number>();
    const answers: { claims: SetClaim[]; response: TransactionSetResponse999 }[] = [];
    for (const response of ack.transactionSetResponses) {
      const st02 = controlNumber(response.controlNumber);
      const setClaims = st02 === undefined ? undefined : bySet.get(st02);
      if (st02 === undefined || !setClaims) {
        plan.unmatchedAck('ACK_UNMATCHED_ST02', `${where} AK202 ${st02 ?? 'invalid'}`);
        continue;
      }
      answered.add(st02);
      plan.matchedAck(setClaims.map((claim) => claim.orgId));
      answers.push({ claims: setClaims, response });
    }
    // A 999 may list only the sets with errors: the others take the group's answer when AK9 gives one
    // for all (A, E accepted; R rejected). After P nothing is said about them, so they stay as they are.
    if (ak901 !== 'P') {
      for (const [st02, setClaims] of bySet) {
        if (answered.has(st02)) continue;
        answers.push({
          claims: setClaims,
          response: {
            transactionSetId: '837',
            controlNumber: String(st02),
            segmentErrors: [],
            acknowledgmentCode: isAccepted999(ak901) ? ak901 : 'R',
            syntaxErrorCodes: [],
          },
        });
      }
    }
    for (const transmission of transmissions.values()) {
      if (!this.acknowledgeable(plan, transmission.id, transmission.state)) return;
    }
    for (const { claims: setClaims, response } of answers) {
      const accepted = isAccepted999(response.acknowledgmentCode);
      for (const claim of setClaims) {
        if (claim.currentTransmissionId !== claim.transmissionId) continue; // resent since: a stale answer
        if (!AWAITING_ENVELOPE_ACK.includes(claim.status)) continue; // already answered
        plan.changeClaim({
          orgId: claim.orgId,
          claimId: claim.claimId,
          status: accepted ? 'accepted_999' : 'rejected_999',
          details: {
            ...sentAs(claim),
            fileName: transmissions.get(claim.transmissionId)?.fileName,
            inboundFileId: file.id,
            ack999ControlNumber,
            ...ack999Detail(response, claim.patientControlNumber),
          },
          unlinkFrom: accepted ? undefined : claim.transmissionId,
        });
      }
    }
    for (const transmission of transmissions.values()) {
      const state = plan.stateOf(transmission.id, transmission.state);
      plan.moveTransmission(
        transmission,
        nextTransmissionState(state, fileOutcomeOf999(ak901), transmission.groupCount === 1),
        {
          source: '999',
          inboundFileId: file.id,
          gs06: formatGs06(gs06),
          ak901,
          setsAccepted: answers.filter((answer) => isAccepted999(answer.response.acknowledgmentCode)).length,
          setsRejected: answers.filter((answer) => !isAccepted999(answer.response.acknowledgmentCode)).length,
        },
      );
    }
  }

  // --- 277CA ---

  private async plan277CA(
    manager: EntityManager,
    file: InboundFileEntity,
    where: string,
    ack277caControlNumber: string,
    ack: Parameters<typeof acknowledgedClaims>[0],
    plan: AcknowledgmentPlan,
  ): Promise<void> {
    const claimsInFile = acknowledgedClaims(ack);
    // A batch rejected at 2200B without claim levels names no claim: nothing to match it to.
    for (const rejection of levelRejections(ack)) {
      if (rejection.loopId !== '2200B') continue;
      const receiverHasClaims = claimsInFile.some(
        (entry) => entry.receiver.hierarchicalId === rejection.hierarchicalId,
      );
      if (!receiverHasClaims)
        plan.unmatchedAck(
          'ACK_277CA_BATCH_REJECTED',
          `${where}: 2200B HL ${rejection.hierarchicalId} rejected`,
        );
    }
    const numbers = claimsInFile
      .map((entry) => entry.claim.patientControlNumber ?? entry.claim.trace?.referenceId)
      .filter((value): value is string => value !== undefined && value !== '');
    const candidates = await this.repository.lockCandidates277CA(manager, file.partnerId, file.orgId, [
      ...new Set(numbers),
    ]);
    const byNumber = new Map<string, typeof candidates>();
    for (const candidate of candidates) pushTo(byNumber, candidate.patientControlNumber, candidate);
    const transmissionIds = new Set<string>();
    const changes: Parameters<AcknowledgmentPlan['changeClaim']>[0][] = [];
    const pending: Parameters<AcknowledgmentPlan['changeClaim']>[0][] = [];
    for (const entry of claimsInFile) {
      const place = `${where}: 2000D HL ${entry.claim.hierarchicalId}`;
      const number = entry.claim.patientControlNumber ?? entry.claim.trace?.referenceId;
      const found = number === undefined ? [] : (byNumber.get(number) ?? []);
      if (found.length === 0) {
        plan.unmatchedAck('ACK_UNMATCHED_CLM01', place);
        continue;
      }
      let open = found.filter(
        (candidate) =>
          candidate.currentTransmissionId === candidate.transmissionId &&
          AWAITING_277CA.includes(candidate.status),
      );
      if (open.length > 1) open = narrow(open, entry);
      if (open.length > 1) {
        plan.unmatchedAck('ACK_AMBIGUOUS_CLM01', `${place}: ${open.length} open claims match`);
        continue;
      }
      const claim = open[0];
      // The organisation whose claim it is; when every claim with this number was answered already, those.
      plan.matchedAck(claim ? [claim.orgId] : found.map((candidate) => candidate.orgId));
      if (!claim) continue; // every claim with this number was already answered: nothing to do
      const { outcome, statuses } = claim277CAOutcome(entry);
      // Any answer about the claim, pending included, shows the payer read the file that carried it.
      transmissionIds.add(claim.transmissionId);
      const payerClaimNumber = entry.claim.payerClaimControlNumber?.trim();
      if (payerClaimNumber)
        plan.payerClaimNumbers.push({
          claimId: claim.claimId,
          orgId: claim.orgId,
          payerClaimNumber: payerClaimNumber.slice(0, 50),
        });
      if (outcome === 'undecided') {
        // Neither accepted nor rejected (pending, for instance): the claim keeps its status and its timeline
        // notes what the payer said (when it said anything: a claim level without STC notes nothing).
        if (statuses.length === 0) continue;
        pending.push({
          orgId: claim.orgId,
          claimId: claim.claimId,
          // A queued claim's file was in doubt; this answer proves it arrived, so the claim was sent.
          status: claim.status === 'queued' ? 'sent' : claim.status,
          details: {
            ...sentAs(claim),
            inboundFileId: file.id,
            ack277caControlNumber,
            statuses,
            pending: true,
          },
          note: true,
        });
        continue;
      }
      changes.push({
        orgId: claim.orgId,
        claimId: claim.claimId,
        status: outcome === 'accepted' ? 'accepted_277ca' : 'rejected_277ca',
        details: { ...sentAs(claim), inboundFileId: file.id, ack277caControlNumber, statuses },
        unlinkFrom: outcome === 'rejected' ? claim.transmissionId : undefined,
      });
    }
    const locked = await this.repository.lockTransmissions(manager, [...transmissionIds], false);
    for (const transmission of locked) {
      if (!this.acknowledgeable(plan, transmission.id, transmission.state)) return;
    }
    const fileNames = new Map(locked.map((row: TransmissionRow) => [row.id, row.fileName]));
    // The same pending answer again about the same send (payers repeat them until they decide) is noted once.
    const lastNotes = await this.repository.latestPending277CANotes(manager, pending);
    const repeated = (change: (typeof pending)[number]) => {
      const last = lastNotes.get(change.claimId);
      return (
        last !== undefined &&
        last.transmissionId === change.details.transmissionId &&
        statusKey(last.statuses) === statusKey(change.details.statuses)
      );
    };
    for (const change of [...pending.filter((note) => !repeated(note)), ...changes]) {
      plan.changeClaim({
        ...change,
        details: { ...change.details, fileName: fileNames.get(String(change.details.transmissionId)) },
      });
    }
    // The payer answered claims it could only have read from this file: an in-doubt delivery arrived, and
    // must never be resent (it stays delivered; only TA1 and 999 speak for the file as a whole).
    for (const transmission of locked) {
      if (plan.stateOf(transmission.id, transmission.state) === 'in_doubt')
        plan.moveTransmission(transmission, 'delivered', {
          source: '277ca',
          inboundFileId: file.id,
          ack277caControlNumber,
        });
    }
  }

  // --- shared ---

  /**
   * Whether a matched transmission can take an acknowledgment. Still uploading (or built): throws so the
   * file is processed again later. Dead letter: the file is quarantined for an admin.
   */
  private acknowledgeable(plan: AcknowledgmentPlan, transmissionId: string, state: string): boolean {
    if (state === 'built' || state === 'uploading') throw new AcknowledgmentTooEarlyError(state);
    if (state === 'dead_letter') {
      plan.blocked ??= {
        code: 'ACK_TRANSMISSION_DEAD_LETTER',
        detail: `transmission ${transmissionId} is in dead letter; resolve it, then reprocess`,
      };
      return false;
    }
    return true;
  }

  private unreadable(
    file: InboundFileEntity,
    code: string,
    diagnostic: Diagnostic,
  ): InboundFileHandlerResult {
    this.log.warn({ fileId: file.id, code, diagnostic: diagnostic.code }, 'acknowledgment unreadable');
    return { outcome: 'quarantined', code, detail: diagnosticPlace(diagnostic).slice(0, 500) };
  }

  private async finish(
    manager: EntityManager,
    file: InboundFileEntity,
    plan: AcknowledgmentPlan,
  ): Promise<InboundFileHandlerResult> {
    const matchedOrgIds = [...plan.orgIds];
    const quarantine = plan.quarantine();
    if (quarantine) {
      this.log.info(
        { fileId: file.id, code: quarantine.code, matched: plan.matched, total: plan.total },
        'acknowledgment quarantined',
      );
      return { outcome: 'quarantined', ...quarantine, matchedOrgIds };
    }
    if (plan.total === 0) {
      return {
        outcome: 'quarantined',
        code: 'ACK_EMPTY',
        detail: 'no acknowledgment in the file',
        matchedOrgIds,
      };
    }
    await this.execute(manager, plan);
    this.log.info(
      {
        fileId: file.id,
        source: plan.source,
        acknowledgments: plan.total,
        claimsChanged: plan.claimChanges.length,
        transitions: plan.transitions.length,
      },
      'acknowledgment applied',
    );
    return { outcome: 'applied', matchedOrgIds };
  }

  private async execute(manager: EntityManager, plan: AcknowledgmentPlan): Promise<void> {
    // A file that answers a transmission in doubt proves it arrived: its queued claims were sent.
    for (const [transmissionId, fileName] of plan.provenDelivered)
      await this.delivery.markClaimsSent(manager, transmissionId, fileName, plan.source);
    for (const result of plan.ta1Results)
      await this.repository.setTa1Result(manager, result.interchangeId, result.status, result.noteCode);
    // Claims with the same status, source and details are recorded together (one UPDATE, one INSERT).
    // Notes first: a claim with a TA1 note and a 999 or 277CA answer in one file ends on the answer.
    const groups = new Map<
      string,
      {
        orgId: string;
        status: ClaimStatus;
        source: ClaimStatusSource;
        details: Record<string, unknown>;
        ids: string[];
      }
    >();
    const ordered = [
      ...plan.claimChanges.filter((change) => change.note),
      ...plan.claimChanges.filter((change) => !change.note),
    ];
    for (const change of ordered) {
      const source = change.source ?? plan.source;
      const key = JSON.stringify([change.orgId, change.status, source, change.details]);
      const group = groups.get(key) ?? {
        orgId: change.orgId,
        status: change.status,
        source,
        details: change.details,
        ids: [],
      };
      group.ids.push(change.claimId);
      groups.set(key, group);
    }
    for (const group of groups.values()) {
      await this.claimStatus.record(manager, {
        orgId: group.orgId,
        claimIds: group.ids,
        status: group.status,
        source: group.source,
        details: group.details,
      });
    }
    const unlink = new Map<string, string[]>();
    for (const change of plan.claimChanges) {
      if (change.unlinkFrom === undefined) continue;
      pushTo(unlink, change.unlinkFrom, change.claimId);
    }
    for (const [transmissionId, claimIds] of unlink)
      await this.repository.unlinkFromTransmission(manager, transmissionId, claimIds);
    await this.repository.setPayerClaimNumbers(manager, plan.payerClaimNumbers);
    for (const move of plan.transitions)
      await this.transmissions.transition(manager, move.transmissionId, move.from, move.to, move.details);
  }
}

/**
 * Several open claims share a CLM01 (a shared partner serves every organisation): keep those whose billing
 * provider NPI (2100C NM109) and total charge (2200D STC04) agree with the 277CA.
 */
function narrow<T extends { billingNpi: string; totalCharge: string }>(
  candidates: T[],
  entry: ReturnType<typeof acknowledgedClaims>[number],
): T[] {
  const npi =
    entry.billingProvider.name.identificationCodeQualifier === 'XX'
      ? entry.billingProvider.name.identifier?.trim()
      : undefined;
  const charge = entry.claim.statusInformation.find((info) => info.chargeAmount !== undefined)?.chargeAmount;
  const chargeCents = charge === undefined ? undefined : parseCents(charge);
  return candidates.filter(
    (candidate) =>
      (npi === undefined || candidate.billingNpi === npi) &&
      (chargeCents === undefined || parseCents(candidate.totalCharge) === chargeCents),
  );
}
