// Collection: every enabled partner's inbound directory, polled. For each file that looks complete (no
// temporary name, size and mtime stable across two listings: selectCompleteFiles of ../transmissions/sftp) the bytes are downloaded and checked for a
// closing IEA; an incomplete file stays on the server for the next tick. A complete file is stored (one
// INSERT .. ON CONFLICT (partner_id, sha256) DO NOTHING, committed) and only then deleted or archived on the
// server. A crash between that commit and the remote delete costs one more download next tick: the SHA-256
// is found stored, nothing is inserted, and the remote copy is removed. New files are processed after the
// SFTP session ends. No database transaction is ever open during network I/O.
import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/errors/domain-error';
import { GATEWAY_LOGGER, GatewayLogger } from '../../common/logging/logger';
import type { TradingPartnerEntity } from '../trading-partners/trading-partner.entity';
import { TradingPartnersService } from '../trading-partners/trading-partners.service';
import { isCompleteInterchange } from '../transmissions/inbound-completeness';
import {
  CompleteRemoteFile,
  downloadFile,
  isSftpError,
  moveRemoteFile,
  removeRemoteFile,
  selectCompleteFiles,
  SftpConnection,
  withSftpConnection,
} from '../transmissions/sftp';
import { classifyInboundFile, MAX_INBOUND_FILE_BYTES } from './inbound-file-classifier';
import { InboundFilesService } from './inbound-files.service';

export interface CollectionOptions {
  /** Time between the two listings that prove a file's size is stable; default 2 s. */
  stableForMs?: number;
  /** Injected wait between the listings (tests use it to change a file while it is being watched). */
  sleep?: (ms: number) => Promise<void>;
  /**
   * A file that still has no IEA after this long (by its remote mtime) is stored quarantined
   * (INBOUND_INCOMPLETE) and removed, so a partner's dead upload does not sit there forever; default 1 hour.
   */
  incompleteQuarantineAfterMs?: number;
}

export interface PartnerCollectionCounts {
  /** Files that looked complete in the listing. */
  listed: number;
  stored: number;
  /** Already stored for this partner (same SHA-256): not stored again, only removed remotely. */
  duplicates: number;
  /** Downloaded without a closing IEA: left on the server for the next tick. */
  incomplete: number;
  /** Stored quarantined: unreadable, or incomplete for too long. */
  quarantined: number;
  /** Remote copies deleted or archived after their bytes were committed. */
  disposed: number;
  disposalFailures: number;
  downloadFailures: number;
}

export interface PartnerCollectionReport extends PartnerCollectionCounts {
  partnerId: string;
  /** Set when the partner's collection stopped early (connection, listing); stable code, no values. */
  errorCode?: string;
  /** Ids of the files stored in this run for processing (quarantined ones wait for an admin). */
  storedFileIds: string[];
}

export interface CollectionReport {
  partners: PartnerCollectionReport[];
  totals: PartnerCollectionCounts & {
    partners: number;
    failedPartners: number;
    processed: number;
    /** Files whose handler asked to wait (e.g. an acknowledgment ahead of its delivery record). */
    deferred: number;
    processFailures: number;
  };
}

const DEFAULT_INCOMPLETE_QUARANTINE_AFTER_MS = 60 * 60 * 1000;

const DEFAULT_STABLE_FOR_MS = 2_000;
const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Partners collected at the same time (each has its own SFTP connection and stability wait). */
const PARTNER_CONCURRENCY = 4;

function emptyCounts(): PartnerCollectionCounts {
  return {
    listed: 0,
    stored: 0,
    duplicates: 0,
    incomplete: 0,
    quarantined: 0,
    disposed: 0,
    disposalFailures: 0,
    downloadFailures: 0,
  };
}

function errorCodeOf(error: unknown): string {
  if (isSftpError(error) || error instanceof DomainError) return error.code;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' || typeof code === 'number') return String(code);
  return error instanceof Error ? error.name : 'UNKNOWN';
}

@Injectable()
export class CollectionService {
  private readonly log: GatewayLogger;

  constructor(
    private readonly partners: TradingPartnersService,
    private readonly files: InboundFilesService,
    private readonly clock: Clock,
    @Inject(GATEWAY_LOGGER) logger: GatewayLogger,
  ) {
    this.log = logger.child({ module: 'inbound-collection' });
  }

  /**
   * One collection pass over every enabled partner, then processing of the files it stored (and of any
   * stored file a crash left unprocessed). One partner's failure never stops the others.
   */
  async collectAll(options: CollectionOptions = {}): Promise<CollectionReport> {
    const partners = await this.partners.listEnabled();
    const reports: PartnerCollectionReport[] = new Array(partners.length);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < partners.length) {
        const index = next++;
        reports[index] = await this.collectPartner(partners[index], options);
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARTNER_CONCURRENCY, partners.length) }, worker));
    let processed = 0;
    let deferred = 0;
    let processFailures = 0;
    for (const fileId of reports.flatMap((report) => report.storedFileIds)) {
      try {
        if ((await this.files.process(fileId)).outcome === 'deferred') deferred += 1;
        else processed += 1;
      } catch {
        processFailures += 1; // logged with its code by process(); the file stays stored for a reprocess
      }
    }
    const pending = await this.files.processPending();
    processed += pending.processed;
    deferred += pending.deferred;
    processFailures += pending.failed;

    const totals = {
      ...emptyCounts(),
      partners: reports.length,
      failedPartners: 0,
      processed,
      deferred,
      processFailures,
    };
    for (const report of reports) {
      for (const key of Object.keys(emptyCounts()) as (keyof PartnerCollectionCounts)[]) {
        totals[key] += report[key];
      }
      if (report.errorCode !== undefined) totals.failedPartners += 1;
    }
    if (totals.partners > 0) this.log.info(totals, 'inbound collection pass finished');
    return { partners: reports, totals };
  }

  /** Collects one partner's inbound directory; failures are caught, coded and logged here. */
  async collectPartner(
    partner: TradingPartnerEntity,
    options: CollectionOptions = {},
  ): Promise<PartnerCollectionReport> {
    const report: PartnerCollectionReport = { partnerId: partner.id, ...emptyCounts(), storedFileIds: [] };
    try {
      const connectionOptions = this.partners.connectionOptionsFor(partner);
      await withSftpConnection(connectionOptions, async (connection) => {
        // listCompleteFiles, with an early exit: most polls find nothing, and then the stability wait
        // between the two listings is skipped.
        const first = await connection.list(partner.inboundDir);
        const candidates = selectCompleteFiles(first, first, partner.inboundDir);
        if (candidates.length === 0) return;
        await (options.sleep ?? defaultSleep)(options.stableForMs ?? DEFAULT_STABLE_FOR_MS);
        const second = await connection.list(partner.inboundDir);
        const files = selectCompleteFiles(first, second, partner.inboundDir);
        report.listed = files.length;
        for (const file of files) {
          await this.collectFile(connection, partner, file, options, report);
        }
      });
    } catch (error) {
      report.errorCode = errorCodeOf(error);
    }
    const { storedFileIds: _ids, ...counts } = report;
    if (report.errorCode !== undefined) this.log.warn(counts, 'inbound collection failed for a partner');
    else if (report.listed > 0) this.log.info(counts, 'inbound collection for a partner');
    return report;
  }

  private async collectFile(
    connection: SftpConnection,
    partner: TradingPartnerEntity,
    file: CompleteRemoteFile,
    options: CollectionOptions,
    report: PartnerCollectionReport,
  ): Promise<void> {
    let downloaded;
    try {
      downloaded = await downloadFile(connection, file.path, MAX_INBOUND_FILE_BYTES);
    } catch (error) {
      if (!connection.isOpen) throw error; // the session is gone: the partner's pass ends here
      report.downloadFailures += 1;
      this.log.warn({ partnerId: partner.id, code: errorCodeOf(error) }, 'inbound file download failed');
      return;
    }
    const base = {
      partnerId: partner.id,
      orgId: partner.orgId,
      remoteName: file.name,
      bytes: downloaded.bytes,
      sha256: downloaded.sha256,
    };

    let storedId: string | undefined;
    let quarantined = true;
    if (!isCompleteInterchange(downloaded.bytes)) {
      const age = this.clock.now().getTime() - file.modifyTimeMs;
      const limit = options.incompleteQuarantineAfterMs ?? DEFAULT_INCOMPLETE_QUARANTINE_AFTER_MS;
      if (age < limit) {
        report.incomplete += 1; // the partner may still be writing it: look again next tick
        return;
      }
      storedId = await this.files.storeQuarantined(base, {
        code: 'INBOUND_INCOMPLETE',
        detail: `no closing IEA after ${Math.round(age / 60_000)} minutes unchanged`,
      });
    } else {
      // Collection only needs the kind and whether to quarantine: no segments kept.
      const classification = classifyInboundFile(downloaded.bytes, { keepSegmentsOf: () => false });
      quarantined = classification.quarantine !== undefined;
      storedId = await this.files.store({ ...base, classification });
    }
    if (storedId === undefined) report.duplicates += 1;
    else {
      report.stored += 1;
      // A quarantined file is not processed: it waits for an admin's reprocess.
      if (quarantined) report.quarantined += 1;
      else report.storedFileIds.push(storedId);
    }

    // The bytes are committed: only now may the partner's copy go.
    try {
      if (partner.inboundDisposal === 'move' && partner.inboundArchiveDir) {
        await moveRemoteFile(connection, file.path, partner.inboundArchiveDir);
      } else {
        await removeRemoteFile(connection, file.path);
      }
      report.disposed += 1;
    } catch (error) {
      if (!connection.isOpen) throw error;
      report.disposalFailures += 1;
      this.log.warn(
        { partnerId: partner.id, code: errorCodeOf(error) },
        'inbound file stored but not removed from the server; it is skipped as a duplicate next time',
      );
    }
  }
}
