// The inbound file ledger: storing collected files (dedupe by partner and SHA-256) and processing them, as
// two separate steps. Processing runs in one transaction per file and hands the file to the handler of its
// kind; if anything throws, the transaction rolls back and the stored file stays as it was, ready for a
// reprocess. Logs carry ids, kinds, states, codes and counts: never bytes or element values.
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { DomainError, ValidationFailedError } from '../../common/errors/domain-error';
import { isUuid, newId } from '../../common/ids';
import { GATEWAY_LOGGER, GatewayLogger } from '../../common/logging/logger';
import { AuditActor, AuditService } from '../audit/audit.service';
import { Classification, classifyInboundFile, QuarantineReason } from './inbound-file-classifier';
import { InboundFileHandlerRegistry, ProcessLaterError } from './inbound-file-handler.registry';
import type { InboundFileEntity, InboundFileKind, InboundFileState } from './inbound-file.entity';
import {
  InboundFileAlreadyAppliedError,
  InboundFileContentForbiddenError,
  InboundFileNotFoundError,
  InboundFileProcessingFailedError,
} from './inbound-file.errors';
import {
  InboundFileListFilter,
  InboundFileOutcome,
  InboundFilesRepository,
  InboundFileSummary,
} from './inbound-files.repository';

export interface StoreInboundFileInput {
  partnerId: string;
  /** The partner's organisation; null for a shared partner. */
  orgId: string | null;
  remoteName: string;
  bytes: Buffer;
  sha256: string;
  classification: Classification;
}

/** `deferred`: the handler asked to be tried again later (ProcessLaterError); the file stays stored. */
export type ProcessOutcome = 'applied' | 'quarantined' | 'kept' | 'stored' | 'already_applied' | 'deferred';

export interface InboundFileProcessResult {
  fileId: string;
  kind: InboundFileKind;
  state: InboundFileState;
  outcome: ProcessOutcome;
}

/** A file as the admin API shows it, with whether the caller may download its bytes. */
export interface InboundFileView extends Omit<InboundFileSummary, 'matchedOrgIds' | 'orgId'> {
  /** True when the file came from a partner shared by every organisation. */
  sharedPartner: boolean;
  contentAvailable: boolean;
}

function errorCode(error: unknown): string {
  if (error instanceof DomainError) return error.code;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' || typeof code === 'number') return String(code);
  return error instanceof Error ? error.name : 'UNKNOWN';
}

@Injectable()
export class InboundFilesService {
  private readonly log: GatewayLogger;

  constructor(
    private readonly repository: InboundFilesRepository,
    private readonly registry: InboundFileHandlerRegistry,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    @Inject(GATEWAY_LOGGER) logger: GatewayLogger,
  ) {
    this.log = logger.child({ module: 'inbound-files' });
  }

  /**
   * Stores a collected file unless the partner already sent these bytes. One INSERT .. ON CONFLICT DO
   * NOTHING, committed on return. Returns the new file's id, or undefined for a duplicate.
   */
  async store(input: StoreInboundFileInput): Promise<string | undefined> {
    const quarantine = input.classification.quarantine;
    return this.repository.insertIfNew({
      id: newId(),
      partnerId: input.partnerId,
      orgId: input.orgId,
      remoteName: input.remoteName,
      bytes: input.bytes,
      sha256: input.sha256,
      kind: input.classification.kind,
      state: quarantine ? 'quarantined' : 'stored',
      quarantineCode: quarantine?.code ?? null,
      quarantineDetail: quarantine?.detail ?? null,
      receivedAt: this.clock.now(),
    });
  }

  /** Stores a file that never became a complete interchange, quarantined (not processed as complete). */
  async storeQuarantined(
    input: Omit<StoreInboundFileInput, 'classification'>,
    reason: QuarantineReason,
  ): Promise<string | undefined> {
    return this.store({
      ...input,
      classification: { kind: 'unreadable', interchanges: [], quarantine: reason },
    });
  }

  /**
   * Processes one stored file: reads it again, classifies it, and in one transaction (row locked) hands it
   * to the handler of its kind and records the outcome. Without a handler, 835 and 271 files are kept for
   * the stages that will read them; other kinds stay stored. An applied file is never applied again.
   * Throws InboundFileProcessingFailedError when the handler (or the database) fails: the transaction is
   * rolled back and only the attempt is counted.
   */
  async process(fileId: string): Promise<InboundFileProcessResult> {
    const file = await this.repository.findWithBytes(fileId);
    if (!file) throw new InboundFileNotFoundError();
    // Parsed outside the transaction: the bytes never change (the row is the partner's bytes by SHA-256),
    // and a large file must not keep a transaction open while it is read.
    // Segments only for kinds a handler reads (an 835 with no handler yet costs only its envelope).
    const classification = classifyInboundFile(file.bytes, {
      keepSegmentsOf: (kind) => this.registry.handlerFor(kind) !== undefined,
    });
    let result: InboundFileProcessResult;
    try {
      result = await this.dataSource.transaction(async (manager) => {
        const locked = await this.repository.lockForProcessing(manager, fileId);
        if (!locked) throw new InboundFileNotFoundError();
        if (locked.state === 'applied') {
          return { fileId, kind: locked.kind, state: locked.state, outcome: 'already_applied' as const };
        }
        const outcome = await this.decide(manager, { ...file, kind: classification.kind }, classification);
        await this.repository.recordOutcome(manager, fileId, outcome);
        return { fileId, kind: outcome.kind, state: outcome.state, outcome: outcome.state };
      });
    } catch (error) {
      if (error instanceof InboundFileNotFoundError) throw error;
      if (error instanceof ProcessLaterError) {
        this.log.info({ fileId, kind: classification.kind, code: error.code }, 'inbound file deferred');
        return { fileId, kind: classification.kind, state: 'stored', outcome: 'deferred' };
      }
      const code = errorCode(error);
      try {
        await this.repository.recordFailedAttempt(fileId);
      } catch {
        // the database itself is failing: the attempt goes uncounted, the file is unchanged
      }
      this.log.error({ fileId, kind: classification.kind, code }, 'inbound file processing failed');
      throw new InboundFileProcessingFailedError(code);
    }
    this.log.info(
      { fileId, kind: result.kind, state: result.state, outcome: result.outcome },
      'inbound file processed',
    );
    return result;
  }

  private async decide(
    manager: EntityManager,
    file: InboundFileEntity,
    classification: Classification,
  ): Promise<InboundFileOutcome> {
    const base = { kind: classification.kind, processedAt: this.clock.now(), matchedOrgIds: null };
    if (classification.quarantine) {
      return {
        ...base,
        state: 'quarantined',
        quarantineCode: classification.quarantine.code,
        quarantineDetail: classification.quarantine.detail,
      };
    }
    const handler = this.registry.handlerFor(classification.kind);
    if (handler) {
      const handled = await handler.handle(manager, file, classification.interchanges);
      const matchedOrgIds = handled.matchedOrgIds ? [...new Set(handled.matchedOrgIds)] : null;
      if (handled.outcome === 'applied') {
        return { ...base, state: 'applied', quarantineCode: null, quarantineDetail: null, matchedOrgIds };
      }
      return {
        ...base,
        state: 'quarantined',
        quarantineCode: handled.code,
        quarantineDetail: handled.detail,
        matchedOrgIds,
      };
    }
    const kept = classification.kind === '835' || classification.kind === '271';
    if (!kept)
      this.log.info({ fileId: file.id, kind: classification.kind }, 'no handler for this kind: stored');
    return { ...base, state: kept ? 'kept' : 'stored', quarantineCode: null, quarantineDetail: null };
  }

  /** Processes stored files no processing finished for (e.g. a crash right after the store). */
  async processPending(limit = 100): Promise<{ processed: number; deferred: number; failed: number }> {
    let processed = 0;
    let deferred = 0;
    let failed = 0;
    for (const id of await this.repository.listUnprocessedIds(limit)) {
      try {
        if ((await this.process(id)).outcome === 'deferred') deferred += 1;
        else processed += 1;
      } catch {
        failed += 1; // logged by process(); the attempt is counted
      }
    }
    return { processed, deferred, failed };
  }

  // --- admin API (organisation scoped) ---

  /** The organisation's partners' files and shared partners' files, newest first, keyset-paged. */
  async list(
    orgId: string,
    query: { state?: InboundFileState; kind?: InboundFileKind; cursor?: string; limit?: number },
  ): Promise<{ data: InboundFileView[]; nextCursor: string | null }> {
    const limit = query.limit ?? 50;
    const filter: InboundFileListFilter = { state: query.state, kind: query.kind, limit: limit + 1 };
    if (query.cursor !== undefined) filter.after = decodeCursor(query.cursor);
    const rows = await this.repository.listVisibleToOrg(orgId, filter);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      data: page.map((row) => this.view(orgId, row)),
      nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
    };
  }

  async get(orgId: string, id: string): Promise<InboundFileView> {
    return this.view(orgId, await this.visibleSummary(orgId, id));
  }

  /** The raw bytes, for an admin allowed to see them; every download is audited. */
  async content(
    orgId: string,
    id: string,
    actor: AuditActor,
  ): Promise<{ bytes: Buffer; remoteName: string; sha256: string }> {
    const summary = await this.visibleSummary(orgId, id);
    if (!mayReadContent(orgId, summary)) throw new InboundFileContentForbiddenError();
    const file = await this.repository.findWithBytes(id);
    if (!file) throw new InboundFileNotFoundError();
    await this.audit.record(actor, 'inbound_file.content_downloaded', 'inbound_file', id, {
      kind: file.kind,
      sizeBytes: file.sizeBytes,
      sha256: file.sha256,
    });
    return { bytes: file.bytes, remoteName: file.remoteName, sha256: file.sha256 };
  }

  /** Runs processing again (after an engine fix or a missing transmission appeared); audited. */
  async reprocess(orgId: string, id: string, actor: AuditActor): Promise<InboundFileView> {
    const summary = await this.visibleSummary(orgId, id);
    if (summary.state === 'applied') throw new InboundFileAlreadyAppliedError();
    await this.audit.record(actor, 'inbound_file.reprocess_requested', 'inbound_file', id, {
      kind: summary.kind,
      state: summary.state,
    });
    await this.process(id);
    return this.get(orgId, id);
  }

  private async visibleSummary(orgId: string, id: string): Promise<InboundFileSummary> {
    const summary = isUuid(id) ? await this.repository.findSummary(id) : undefined;
    if (!summary || (summary.orgId !== null && summary.orgId !== orgId)) throw new InboundFileNotFoundError();
    return summary;
  }

  private view(orgId: string, summary: InboundFileSummary): InboundFileView {
    const { matchedOrgIds: _matched, orgId: fileOrgId, ...rest } = summary;
    return { ...rest, sharedPartner: fileOrgId === null, contentAvailable: mayReadContent(orgId, summary) };
  }
}

function encodeCursor(row: InboundFileSummary): string {
  return Buffer.from(JSON.stringify([new Date(row.receivedAt).toISOString(), row.id])).toString('base64url');
}

function decodeCursor(cursor: string): { receivedAt: Date; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    const receivedAt = new Date(String(at));
    if (typeof at === 'string' && isUuid(id) && !Number.isNaN(receivedAt.getTime()))
      return { receivedAt, id };
  } catch {
    // fall through: not a cursor this API issued
  }
  throw new ValidationFailedError([
    { path: '$.cursor', code: 'cursor_invalid', message: 'not a valid cursor' },
  ]);
}

/**
 * Own partner's file: yes. Shared partner's file: only when its handler matched it to transmissions of
 * this organisation and no other (the bytes carry every matched organisation's claims).
 */
function mayReadContent(orgId: string, summary: InboundFileSummary): boolean {
  if (summary.orgId !== null) return summary.orgId === orgId;
  const matched = summary.matchedOrgIds ?? [];
  return matched.length > 0 && matched.every((matchedOrgId) => matchedOrgId === orgId);
}
