/**
 * Claim intake: run the edits over a batch (JSON or parsed 837), store the claims that pass as `queued` in
 * one transaction (bulk INSERTs), and answer a result per claim. Idempotency-Key replays the stored answer.
 * Logs carry ids, counts and edit codes only: never claim content.
 */
import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { ConflictError, DomainError } from '../../common/errors/domain-error';
import { newId } from '../../common/ids';
import { GATEWAY_LOGGER, GatewayLogger } from '../../common/logging/logger';
import { AuditService, type AuditActor } from '../audit/audit.service';
import { BatchesRepository, type BatchView, type ClaimResult } from '../batches/batches.repository';
import { PayersRepository } from '../payers/payers.repository';
import type { ClaimKind } from './claim-status';
import { runEdits } from './edits/claim.edits';
import type { ClaimFacts, EditContext, EditFailure } from './edits/edit.types';
import { claimFingerprint } from './edits/fingerprint';
import { buildFailures } from './claim-837.mapper';
import { claimFacts, intakeRows, type IntakeParties, type SubmittedClaim } from './claim-intake.mapper';
import type {
  ClaimRow,
  DiagnosisRow,
  PatientRow,
  ProviderRow,
  ServiceLineRow,
  StatusEventRow,
} from './repositories/claim-rows';
import { ClaimStatusEventsRepository } from './repositories/claim-status-events.repository';
import { ClaimsRepository } from './repositories/claims.repository';
import { PartiesRepository } from './repositories/parties.repository';

export const MAX_CLAIMS_PER_BATCH = 5000;

export interface IntakeItem {
  kind: ClaimKind;
  claim: SubmittedClaim;
}

export interface BatchResponse {
  batchId: string;
  claimCount: number;
  acceptedCount: number;
  rejectedCount: number;
  results: ClaimResult[];
}

export interface SubmitOptions {
  source: 'json' | 'x12';
  /** Idempotency-Key header, if any. */
  idempotencyKey?: string;
  /** SHA-256 of what the caller sent (route + body), compared on replay. */
  bodyHash: string;
  /** Who submitted (audit log); absent for internal callers. */
  actor?: AuditActor;
}

const PCN_UNIQUE_INDEX = 'ux_claims_org_open_patient_control_number';

export function requestHash(route: string, body: string): string {
  return createHash('sha256').update(route).update('\u0000').update(body).digest('hex');
}

export class BatchTooLargeError extends DomainError {
  constructor(count: number) {
    super('batch_too_large', 'invalid', `A batch holds at most ${MAX_CLAIMS_PER_BATCH} claims.`, {
      claimCount: count,
      maxClaims: MAX_CLAIMS_PER_BATCH,
    });
  }
}

export class EmptyBatchError extends DomainError {
  constructor() {
    super('batch_empty', 'invalid', 'The batch holds no claims.');
  }
}

class IdempotencyRace extends Error {}

/** Runs tasks one at a time, in call order. */
class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

@Injectable()
export class ClaimIntakeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly claims: ClaimsRepository,
    private readonly parties: PartiesRepository,
    private readonly events: ClaimStatusEventsRepository,
    private readonly payers: PayersRepository,
    private readonly batches: BatchesRepository,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    @Inject(GATEWAY_LOGGER) private readonly logger: GatewayLogger,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.embedded = config.database.mode === 'embedded';
  }

  private readonly embedded: boolean;
  /**
   * The embedded database runs one transaction at a time anyway, and pglite-socket was seen to mix up
   * protocol state between connections when a transaction waits on another's row lock and then rolls back
   * (08P01/26000/34000 errors on other requests). One process owns the embedded database (DATA_DIR lock),
   * so queueing submissions in-process costs nothing there and avoids it.
   */
  private readonly embeddedQueue = new SerialQueue();

  /** The edits only: nothing is stored. */
  async validate(orgId: string, items: readonly IntakeItem[]): Promise<ClaimResult[]> {
    this.checkSize(items.length);
    const facts = items.map((item) => claimFacts(item.kind, item.claim));
    const { results } = await this.edit(orgId, items, facts, this.dataSource.manager);
    this.logger.info({ orgId, claimCount: items.length, ...this.counts(results) }, 'claims validated');
    return results;
  }

  async submit(orgId: string, items: readonly IntakeItem[], options: SubmitOptions): Promise<BatchResponse> {
    this.checkSize(items.length);
    return this.embedded
      ? this.embeddedQueue.run(() => this.submitNow(orgId, items, options))
      : this.submitNow(orgId, items, options);
  }

  private async submitNow(
    orgId: string,
    items: readonly IntakeItem[],
    options: SubmitOptions,
  ): Promise<BatchResponse> {
    const key = options.idempotencyKey;
    if (key !== undefined) {
      const replay = await this.replay(orgId, key, options.bodyHash);
      if (replay) return replay;
    }
    const facts = items.map((item) => claimFacts(item.kind, item.claim));
    // A concurrent batch of the same organisation may take a patient control number between our read and
    // our insert: the partial unique index refuses it, and a second pass reports it as an edit failure.
    for (let attempt = 1; ; attempt++) {
      try {
        const response = await this.dataSource.transaction((manager) =>
          this.store(manager, orgId, items, facts, options),
        );
        this.logger.info(
          {
            orgId,
            batchId: response.batchId,
            source: options.source,
            claimCount: response.claimCount,
            ...this.counts(response.results),
          },
          'claim batch received',
        );
        return response;
      } catch (error) {
        if (
          key !== undefined &&
          (error instanceof IdempotencyRace || isUniqueViolation(error, PCN_UNIQUE_INDEX))
        ) {
          // A concurrent request with the same key may have won: answer as it did.
          const replay = await this.replay(orgId, key, options.bodyHash);
          if (replay) return replay;
        }
        if (attempt < 3 && isUniqueViolation(error, PCN_UNIQUE_INDEX)) continue;
        throw error;
      }
    }
  }

  private checkSize(count: number): void {
    if (count === 0) throw new EmptyBatchError();
    if (count > MAX_CLAIMS_PER_BATCH) throw new BatchTooLargeError(count);
  }

  private async replay(orgId: string, key: string, bodyHash: string): Promise<BatchResponse | undefined> {
    const existing = await this.batches.findIdempotencyKey(orgId, key);
    if (!existing) return undefined;
    if (existing.bodyHash !== bodyHash) {
      throw new ConflictError(
        'idempotency_key_reused',
        'This Idempotency-Key was already used with a different request body.',
        { batchId: existing.batchId },
      );
    }
    this.logger.info({ orgId, batchId: existing.batchId }, 'idempotent replay');
    return existing.response as BatchResponse;
  }

  /** Runs every edit; claims of the same batch see each other (duplicate PCN / fingerprint inside a batch). */
  private async edit(
    orgId: string,
    items: readonly IntakeItem[],
    facts: readonly ClaimFacts[],
    manager: EntityManager,
  ): Promise<{ results: ClaimResult[]; fingerprints: string[] }> {
    const fingerprints = facts.map((claim) => claimFingerprint(claim));
    // One query at a time: these may run on a transaction's single connection.
    const knownPayerIds = await this.payers.findKnownPayerIds(
      orgId,
      present(facts.map((claim) => claim.payerId.value)),
      manager,
    );
    const openPatientControlNumbers = await this.claims.findOpenPatientControlNumbers(
      orgId,
      present(facts.map((claim) => claim.patientControlNumber.value)),
      manager,
    );
    const existingFingerprints = await this.claims.findExistingFingerprints(orgId, fingerprints, manager);
    const context: EditContext = {
      today: this.today(),
      knownPayerIds,
      openPatientControlNumbers,
      existingFingerprints,
    };
    const results = facts.map((claim, index): ClaimResult => {
      const errors: EditFailure[] = runEdits(claim, context);
      // Last: the claim must build into an 837 (only asked when every other edit passed).
      if (errors.length === 0) errors.push(...buildFailures(items[index].kind, items[index].claim));
      if (errors.length === 0) {
        if (claim.patientControlNumber.value) openPatientControlNumbers.add(claim.patientControlNumber.value);
        existingFingerprints.add(fingerprints[index]);
        return { index, status: 'accepted', errors: [] };
      }
      return { index, status: 'rejected', errors };
    });
    return { results, fingerprints };
  }

  private async store(
    manager: EntityManager,
    orgId: string,
    items: readonly IntakeItem[],
    facts: readonly ClaimFacts[],
    options: SubmitOptions,
  ): Promise<BatchResponse> {
    const at = this.clock.now();
    const batchId = newId();
    if (options.idempotencyKey !== undefined) {
      const claimed = await this.batches.claimIdempotencyKey(
        manager,
        orgId,
        options.idempotencyKey,
        options.bodyHash,
        batchId,
        at,
      );
      if (!claimed) throw new IdempotencyRace();
    }
    // Edit lookups run on the transaction's connection (the embedded database serves one connection at a time).
    const { results, fingerprints } = await this.edit(orgId, items, facts, manager);
    const accepted: { index: number; parties: IntakeParties; rows: ReturnType<typeof intakeRows> }[] = [];
    for (const result of results) {
      if (result.status !== 'accepted') continue;
      const rows = intakeRows({
        orgId,
        batchId,
        batchIndex: result.index,
        kind: items[result.index].kind,
        claim: items[result.index].claim,
        facts: facts[result.index],
        fingerprint: fingerprints[result.index],
        at,
      });
      result.claimId = rows.claim.id;
      accepted.push({ index: result.index, parties: rows.parties, rows });
    }

    const providers: ProviderRow[] = [];
    const patients: PatientRow[] = [];
    for (const { parties } of accepted) {
      providers.push(parties.billing);
      if (parties.rendering) providers.push(parties.rendering);
      patients.push(parties.subscriber);
      if (parties.patient) patients.push(parties.patient);
    }
    const providerIds = await this.parties.upsertProviders(manager, providers, at);
    const patientIds = await this.parties.upsertPatients(manager, patients, at);

    const claimRows: ClaimRow[] = [];
    const lineRows: ServiceLineRow[] = [];
    const diagnosisRows: DiagnosisRow[] = [];
    const eventRows: StatusEventRow[] = [];
    for (const { parties, rows } of accepted) {
      claimRows.push({
        ...rows.claim,
        billingProviderId: providerIds.get(parties.billing.npi)!,
        renderingProviderId: parties.rendering ? providerIds.get(parties.rendering.npi)! : null,
        subscriberId: patientIds.get(parties.subscriber.identityHash)!,
        patientId: parties.patient ? patientIds.get(parties.patient.identityHash)! : null,
      });
      lineRows.push(...rows.lines);
      diagnosisRows.push(...rows.diagnoses);
      const details = { batchId, source: options.source };
      eventRows.push(
        {
          id: newId(),
          orgId,
          claimId: rows.claim.id,
          status: 'received',
          source: sourceOf(options),
          details,
          at,
        },
        {
          id: newId(),
          orgId,
          claimId: rows.claim.id,
          status: 'queued',
          source: sourceOf(options),
          details: { batchId },
          at,
        },
      );
    }
    await this.claims.insertClaims(manager, claimRows, lineRows, diagnosisRows);
    await this.events.append(manager, eventRows);

    const counts = this.counts(results);
    const batch: BatchView = {
      id: batchId,
      source: options.source,
      claimCount: results.length,
      acceptedCount: counts.acceptedCount,
      rejectedCount: counts.rejectedCount,
      createdAt: at,
      results,
    };
    await this.batches.insert(manager, orgId, batch);
    if (options.actor) {
      await this.audit.record(
        options.actor,
        'claim_batch.create',
        'claim_batch',
        batchId,
        {
          source: options.source,
          claimCount: batch.claimCount,
          acceptedCount: batch.acceptedCount,
          rejectedCount: batch.rejectedCount,
        },
        { orgId, manager },
      );
    }
    const response: BatchResponse = {
      batchId,
      claimCount: batch.claimCount,
      acceptedCount: batch.acceptedCount,
      rejectedCount: batch.rejectedCount,
      results,
    };
    if (options.idempotencyKey !== undefined) {
      await this.batches.saveIdempotentResponse(manager, orgId, options.idempotencyKey, 202, response);
    }
    return response;
  }

  private counts(results: readonly ClaimResult[]): { acceptedCount: number; rejectedCount: number } {
    let acceptedCount = 0;
    for (const result of results) if (result.status === 'accepted') acceptedCount++;
    return { acceptedCount, rejectedCount: results.length - acceptedCount };
  }

  private today(): string {
    // Service dates are calendar dates without a zone; the gateway's day is UTC.
    return this.clock.now().toISOString().slice(0, 10).replace(/-/g, '');
  }
}

function sourceOf(options: SubmitOptions): 'api' | 'x12-upload' {
  return options.source === 'json' ? 'api' : 'x12-upload';
}

function present(values: readonly (string | undefined)[]): string[] {
  return values.filter((value): value is string => value !== undefined && value !== '');
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const driverError =
    (error as { driverError?: { code?: string; constraint?: string } }).driverError ?? error;
  const { code, constraint: name } = driverError as { code?: string; constraint?: string };
  return code === '23505' && name === constraint;
}
