// Delivers built 837 files to their trading partners over SFTP, exactly once, safe across crashes:
//
// 1. claim: one short transaction takes due rows (built, or uploading whose backoff or lease has passed)
//    with FOR UPDATE SKIP LOCKED, sets them 'uploading' with next_attempt_at = now + lease, and commits;
// 2. send: per partner, one SFTP connection; deliverFile uploads to a temporary name, verifies, commits
//    publish_started_at, then renames (or writes a .done marker), and answers 'already-delivered' when an
//    earlier, crashed attempt got there;
// 3. record: one transaction per file moves it to 'delivered' and its claims to 'sent', or applies the retry
//    policy (backoff, dead-letter, or in-doubt when the outcome is unknown); a transaction that fails for a
//    database reason (a lost connection) is tried again on a fresh connection, up to RECORD_ATTEMPTS times.
//
// No transaction is held across network I/O. Recording is a compare-and-set on the state and the lease, so
// a worker whose lease was taken over changes nothing; a crash between send and record leaves the row
// 'uploading' until the lease ends, and the next attempt finds the file at the partner. If the partner has
// collected it meanwhile, publish_started_at tells the next attempt that it may have been published: that
// attempt goes to in-doubt instead of uploading a second copy.
import { Inject, Injectable } from '@nestjs/common';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../../common/clock';
import { DomainError } from '../../../common/errors/domain-error';
import { GATEWAY_LOGGER, type GatewayLogger } from '../../../common/logging/logger';
import type { AppConfig } from '../../../config/config';
import { APP_CONFIG } from '../../../config/config.module';
import type { ClaimStatusSource } from '../../claims/claim-status';
import { ClaimStatusService } from '../../claims/claim-status.service';
import type { TradingPartnerEntity } from '../../trading-partners/trading-partner.entity';
import { TradingPartnersService } from '../../trading-partners/trading-partners.service';
import { formatIsa13, formatSt02 } from '../control-numbers/control-number.repository';
import { RetryPolicy, type FailureKind, type RetryDecision } from '../retry-policy';
import { deliverFile, publishUnconfirmed, type DeliveryResult } from '../sftp/deliver-file';
import { SftpConnection } from '../sftp/sftp-connection';
import { isSftpError } from '../sftp/sftp-errors';
import { isTransientDatabaseError } from './transient-database-error';
import { TransmissionStateConflictError, type TransmissionState } from '../transmission-state';
import { TransmissionsRepository, type ClaimedTransmission } from '../transmissions.repository';

/** What happened to one claimed transmission in a delivery run. */
export type DeliveryRunOutcome =
  | 'delivered'
  | 'already-delivered'
  | 'retry'
  | 'dead-letter'
  | 'in-doubt'
  /** The lease was taken over by another worker (this one ran past it): nothing recorded. */
  | 'lease-lost'
  /** The outcome could not be recorded (database failure): the row stays 'uploading' until its lease ends. */
  | 'unrecorded';

export interface DeliveryRunItem {
  transmissionId: string;
  partnerId: string;
  outcome: DeliveryRunOutcome;
  /** The failure's code (SftpError code or a delivery code), when it failed. */
  code?: string;
}

export interface DeliveryRunSummary {
  claimed: number;
  items: DeliveryRunItem[];
}

/** Default number of files one run claims. */
export const DEFAULT_DELIVERY_BATCH = 20;
/** Partners served at the same time within one run (each on its own connection). */
const PARTNER_CONCURRENCY = 4;
/**
 * Tries at recording an attempt's outcome, and the pauses between them. A lost database connection
 * after a file was published would otherwise leave the row uploading until its lease ends, and if the
 * payer collects the file meanwhile, in doubt for an admin.
 */
export const RECORD_ATTEMPTS = 3;
const RECORD_RETRY_PAUSES_MS = [250, 1000];

/** Failures that happen before any byte is sent, with a stable code. */
class DeliveryPreconditionError extends DomainError {
  constructor(
    code: 'partner_not_found' | 'partner_disabled' | 'transmission_file_missing' | 'delivery_lease_expired',
    readonly retryable: boolean,
  ) {
    super(code, 'unavailable', `Delivery cannot start: ${code}.`);
  }
}

function failureKindOf(error: unknown): FailureKind {
  if (isSftpError(error)) return error;
  if (error instanceof DeliveryPreconditionError) {
    return { code: error.code, retryable: error.retryable, outcomeUnknown: false };
  }
  // A domain error before the upload (an unreadable credential) needs an admin; anything else is unexpected
  // and may be transient.
  if (error instanceof DomainError) return { code: error.code, retryable: false, outcomeUnknown: false };
  return { code: 'internal_error', retryable: true, outcomeUnknown: false };
}

@Injectable()
export class DeliveryService {
  private readonly worker = `${hostname()}/${process.pid}`;
  private readonly retryPolicy: RetryPolicy;
  private readonly logger: GatewayLogger;

  constructor(
    private readonly dataSource: DataSource,
    private readonly transmissions: TransmissionsRepository,
    private readonly claimStatus: ClaimStatusService,
    private readonly partners: TradingPartnersService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(GATEWAY_LOGGER) logger: GatewayLogger,
  ) {
    this.logger = logger.child({ component: 'delivery' });
    this.retryPolicy = new RetryPolicy(
      {
        baseDelayMs: config.delivery.retryBaseSeconds * 1000,
        maxDelayMs: config.delivery.retryMaxSeconds * 1000,
        maxAttempts: config.delivery.maxAttempts,
      },
      { random: Math.random, now: () => this.clock.now() },
    );
  }

  /**
   * Claims up to `limit` due transmissions and delivers them, one connection per partner. Resolves with
   * what happened to each; never rejects for a delivery failure (those are recorded on the row).
   */
  async deliverDue(limit = DEFAULT_DELIVERY_BATCH): Promise<DeliveryRunSummary> {
    const now = this.clock.now();
    const leaseUntil = new Date(now.getTime() + this.config.delivery.leaseSeconds * 1000);
    const claimed = await this.dataSource.transaction((manager) =>
      this.transmissions.claimDue(manager, now, leaseUntil, limit, { worker: this.worker }),
    );
    if (claimed.length === 0) return { claimed: 0, items: [] };

    const items: DeliveryRunItem[] = [];
    const byPartner = new Map<string, ClaimedTransmission[]>();
    for (const row of claimed) {
      // Taken over from a worker that never recorded its last allowed attempt (it crashed, maybe on this very
      // file): dead-letter it for an admin instead of crashing again (in-doubt when that worker had begun
      // publishing). A retry still checks the payer first.
      if (row.previousState === 'uploading' && row.attempts > this.config.delivery.maxAttempts) {
        const error =
          row.publishStartedAt !== null
            ? publishUnconfirmed(row.fileName)
            : new DeliveryPreconditionError('delivery_lease_expired', true);
        items.push(await this.recordFailure(row, error));
        continue;
      }
      const group = byPartner.get(row.partnerId) ?? [];
      group.push(row);
      byPartner.set(row.partnerId, group);
    }
    const groups = [...byPartner.entries()];
    const runners = Array.from({ length: Math.min(PARTNER_CONCURRENCY, groups.length) }, async () => {
      for (let next = groups.shift(); next !== undefined; next = groups.shift()) {
        items.push(...(await this.deliverToPartner(next[0], next[1])));
      }
    });
    await Promise.all(runners);
    return { claimed: claimed.length, items };
  }

  /**
   * Moves a delivered transmission's claims that are still queued to 'sent', one status event per claim
   * naming the interchange and transaction set that carry it (ids and control numbers only, no PHI).
   */
  async markClaimsSent(
    manager: EntityManager,
    transmissionId: string,
    fileName: string,
    source: ClaimStatusSource,
  ): Promise<number> {
    const claims = await this.transmissions.claimsAwaitingSent(manager, transmissionId);
    const sets = new Map<
      string,
      { orgId: string; isa13: number; gs06: number; st02: number; ids: string[] }
    >();
    for (const claim of claims) {
      const key = `${claim.orgId}/${claim.isa13}/${claim.gs06}/${claim.st02}`;
      const set = sets.get(key) ?? { ...claim, ids: [] };
      set.ids.push(claim.claimId);
      sets.set(key, set);
    }
    let changed = 0;
    for (const set of sets.values()) {
      const ids = await this.claimStatus.record(manager, {
        orgId: set.orgId,
        claimIds: set.ids,
        status: 'sent',
        source,
        details: {
          transmissionId,
          isa13: formatIsa13(set.isa13),
          gs06: String(set.gs06),
          st02: formatSt02(set.st02),
          fileName,
        },
      });
      changed += ids.length;
    }
    return changed;
  }

  private async deliverToPartner(partnerId: string, rows: ClaimedTransmission[]): Promise<DeliveryRunItem[]> {
    const items: DeliveryRunItem[] = [];
    let partner: TradingPartnerEntity | null | undefined;
    let connection: SftpConnection | undefined;
    try {
      partner = await this.partners.findById(undefined, partnerId);
      if (!partner) throw new DeliveryPreconditionError('partner_not_found', false);
      if (!partner.enabled) throw new DeliveryPreconditionError('partner_disabled', true);
      const options = this.partners.connectionOptionsFor(partner);
      for (let index = 0; index < rows.length; index += 1) {
        const row = rows[index];
        // Every file, the first included: a group may start long after the claim, behind other partners.
        if (!(await this.renewLease(row))) {
          items.push({ transmissionId: row.id, partnerId: row.partnerId, outcome: 'lease-lost' });
          continue;
        }
        if (connection === undefined || !connection.isOpen) {
          await connection?.close();
          connection = undefined;
          try {
            connection = await SftpConnection.connect(options);
          } catch (error) {
            // The partner is unreachable or refuses us: every remaining file of this run fails the same way.
            for (const rest of rows.slice(index)) items.push(await this.recordFailure(rest, error));
            return items;
          }
        }
        items.push(await this.deliverOne(connection, partner, row));
      }
    } catch (error) {
      // Before the first connection: partner missing, disabled, or its credential unreadable.
      for (const row of rows.slice(items.length)) items.push(await this.recordFailure(row, error));
    } finally {
      await connection?.close();
    }
    return items;
  }

  /** A fresh lease for the next file of a group; false when another worker has taken the row over. */
  private async renewLease(row: ClaimedTransmission): Promise<boolean> {
    const lease = new Date(this.clock.now().getTime() + this.config.delivery.leaseSeconds * 1000);
    if (lease.getTime() <= row.leaseUntil.getTime()) return true;
    const renewed = await this.transmissions.renewLease(row.id, row.leaseUntil, lease);
    if (renewed) row.leaseUntil = lease;
    else this.logger.warn({ transmissionId: row.id }, 'delivery lease lost before upload; skipped');
    return renewed;
  }

  private async deliverOne(
    connection: SftpConnection,
    partner: TradingPartnerEntity,
    row: ClaimedTransmission,
  ): Promise<DeliveryRunItem> {
    let result: DeliveryResult;
    let publishing = false;
    try {
      const file = await this.transmissions.fileOf(row.id);
      if (file === undefined) throw new DeliveryPreconditionError('transmission_file_missing', false);
      result = await deliverFile(connection, {
        bytes: file.bytes,
        sha256: file.sha256,
        remoteDir: partner.outboundDir,
        finalName: row.fileName,
        renameAllowed: partner.renameAllowed,
        verifyHashBelowBytes: partner.verifyHashBelowBytes,
        publishBegun: row.publishStartedAt !== null,
        beforePublish: async () => {
          await this.transmissions.markPublishing(row.id, row.leaseUntil, this.clock.now());
          publishing = true;
        },
      });
    } catch (error) {
      // This attempt's own publish step failed with a known outcome (rename refused, marker not written):
      // the file was not published, so the mark is cleared and a retry may upload again.
      const notPublished = publishing && !failureKindOf(error).outcomeUnknown;
      return this.recordFailure(row, error, notPublished);
    }
    return this.recordDelivered(row, result);
  }

  private async recordDelivered(row: ClaimedTransmission, result: DeliveryResult): Promise<DeliveryRunItem> {
    const item = (outcome: DeliveryRunOutcome): DeliveryRunItem => ({
      transmissionId: row.id,
      partnerId: row.partnerId,
      outcome,
    });
    try {
      const landed = { state: 'delivered' as const, nextAttemptAt: row.leaseUntil };
      const claims = await this.recordWithRetries(row, landed, async (manager) => {
        await this.transmissions.transition(
          manager,
          row.id,
          'uploading',
          'delivered',
          {
            worker: this.worker,
            outcome: result.outcome,
            attempt: row.attempts,
            remotePath: result.remotePath,
            verifiedBy: result.verifiedBy,
            ...(result.markerPath !== undefined ? { markerPath: result.markerPath } : {}),
          },
          {
            patch: {
              deliveredAt: this.clock.now(),
              remotePath: result.remotePath,
              lastErrorCode: null,
              publishStartedAt: null,
            },
            leaseUntil: row.leaseUntil,
          },
        );
        return this.markClaimsSent(manager, row.id, row.fileName, 'sftp');
      });
      this.logger.info(
        { transmissionId: row.id, partnerId: row.partnerId, outcome: result.outcome, claims },
        'transmission delivered',
      );
      return item(result.outcome);
    } catch (error) {
      return this.unrecorded(row, error, item);
    }
  }

  private async recordFailure(
    row: ClaimedTransmission,
    error: unknown,
    clearPublishMark = false,
  ): Promise<DeliveryRunItem> {
    const failure = failureKindOf(error);
    const attempts = row.attempts;
    const decision: RetryDecision = this.retryPolicy.decide(attempts, failure);
    const item = (outcome: DeliveryRunOutcome): DeliveryRunItem => ({
      transmissionId: row.id,
      partnerId: row.partnerId,
      outcome,
      code: failure.code,
    });
    const details = { worker: this.worker, code: failure.code, attempt: attempts };
    const patch = {
      lastErrorCode: failure.code.slice(0, 40),
      ...(clearPublishMark ? { publishStartedAt: null } : {}),
    };
    // What the row holds once this recording has committed (see recordWithRetries).
    const landed =
      decision.action === 'retry'
        ? { state: 'uploading' as const, nextAttemptAt: decision.notBefore }
        : {
            state: decision.action === 'dead-letter' ? ('dead_letter' as const) : ('in_doubt' as const),
            nextAttemptAt: row.leaseUntil,
          };
    try {
      await this.recordWithRetries(row, landed, async (manager) => {
        switch (decision.action) {
          case 'retry':
            await this.transmissions.transition(
              manager,
              row.id,
              'uploading',
              'uploading',
              { ...details, retryAt: decision.notBefore.toISOString() },
              { patch: { ...patch, nextAttemptAt: decision.notBefore }, leaseUntil: row.leaseUntil },
            );
            break;
          case 'dead-letter':
            await this.transmissions.transition(
              manager,
              row.id,
              'uploading',
              'dead_letter',
              { ...details, reason: decision.reason },
              { patch, leaseUntil: row.leaseUntil },
            );
            break;
          case 'in-doubt':
            await this.transmissions.transition(manager, row.id, 'uploading', 'in_doubt', details, {
              patch,
              leaseUntil: row.leaseUntil,
            });
            break;
        }
      });
    } catch (recordError) {
      return this.unrecorded(row, recordError, item);
    }
    const outcome: DeliveryRunOutcome =
      decision.action === 'retry' ? 'retry' : decision.action === 'dead-letter' ? 'dead-letter' : 'in-doubt';
    const log = { transmissionId: row.id, partnerId: row.partnerId, code: failure.code, attempt: attempts };
    if (outcome === 'retry') this.logger.warn(log, 'transmission delivery failed; will retry');
    else this.logger.error(log, `transmission ${outcome === 'in-doubt' ? 'in doubt' : 'dead-lettered'}`);
    return item(outcome);
  }

  /**
   * Runs one recording transaction, again on a fresh connection when it fails for a transient database
   * reason (a lost connection, a serialization failure), RECORD_ATTEMPTS tries in all; a lost race or any
   * other error is not retried. Safe to repeat: every recording is a compare-and-set on the row's state and
   * lease. When a retry loses the compare-and-set because an earlier try did commit (its answer was lost),
   * the row shows exactly what that try wrote (`landed`: state and next_attempt_at): that is the recording
   * done, and undefined is returned.
   */
  private async recordWithRetries<T>(
    row: ClaimedTransmission,
    landed: { state: TransmissionState; nextAttemptAt: Date },
    work: (manager: EntityManager) => Promise<T>,
  ): Promise<T | undefined> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.dataSource.transaction(work);
      } catch (error) {
        if (error instanceof TransmissionStateConflictError && attempt > 1) {
          const now = await this.transmissions.stateAndLeaseOf(row.id);
          if (now?.state === landed.state && now.nextAttemptAt.getTime() === landed.nextAttemptAt.getTime())
            return undefined;
        }
        if (!isTransientDatabaseError(error) || attempt >= RECORD_ATTEMPTS) throw error;
        this.logger.warn(
          { transmissionId: row.id, partnerId: row.partnerId, attempt, err: error },
          'recording the delivery outcome failed; trying again',
        );
        await sleep(RECORD_RETRY_PAUSES_MS[attempt - 1] ?? 1000);
      }
    }
  }

  private unrecorded(
    row: ClaimedTransmission,
    error: unknown,
    item: (outcome: DeliveryRunOutcome) => DeliveryRunItem,
  ): DeliveryRunItem {
    if (error instanceof TransmissionStateConflictError) {
      this.logger.warn(
        { transmissionId: row.id, partnerId: row.partnerId, state: error.actual ?? null },
        'delivery lease lost; outcome left to the current owner',
      );
      return item('lease-lost');
    }
    this.logger.error(
      { transmissionId: row.id, partnerId: row.partnerId, err: error },
      'delivery outcome not recorded; the row is retried when its lease ends',
    );
    return item('unrecorded');
  }
}
