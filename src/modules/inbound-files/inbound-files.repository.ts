import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { InboundFileEntity, InboundFileKind, InboundFileState } from './inbound-file.entity';

export interface NewInboundFile {
  id: string;
  partnerId: string;
  orgId: string | null;
  remoteName: string;
  bytes: Buffer;
  sha256: string;
  kind: InboundFileKind;
  state: InboundFileState;
  quarantineCode: string | null;
  quarantineDetail: string | null;
  receivedAt: Date;
}

/** Everything but the bytes (lists and metadata views never load them). */
export type InboundFileSummary = Omit<InboundFileEntity, 'bytes'>;

export interface InboundFileOutcome {
  kind: InboundFileKind;
  state: InboundFileState;
  quarantineCode: string | null;
  quarantineDetail: string | null;
  matchedOrgIds: readonly string[] | null;
  processedAt: Date;
}

export interface InboundFileListFilter {
  state?: InboundFileState;
  kind?: InboundFileKind;
  /** Newest first; rows after this one in that order (keyset paging). */
  after?: { receivedAt: Date; id: string };
  limit: number;
}

const SUMMARY_COLUMNS = `id, partner_id AS "partnerId", org_id AS "orgId", remote_name AS "remoteName",
  sha256, size_bytes AS "sizeBytes", kind, state, quarantine_code AS "quarantineCode",
  quarantine_detail AS "quarantineDetail", received_at AS "receivedAt", processed_at AS "processedAt",
  matched_org_ids AS "matchedOrgIds", process_count AS "processCount"`;

/** Files not processed yet after this many failed attempts are left for an admin (reprocess). */
export const MAX_AUTOMATIC_PROCESS_ATTEMPTS = 3;

@Injectable()
export class InboundFilesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Stores a file unless the partner already sent the same bytes (same SHA-256). One statement, so one short
   * transaction of its own. Returns the new id, or undefined for a duplicate.
   */
  async insertIfNew(file: NewInboundFile): Promise<string | undefined> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `INSERT INTO inbound_files (id, partner_id, org_id, remote_name, bytes, sha256, size_bytes, kind, state,
         quarantine_code, quarantine_detail, received_at, process_count)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 0)
       ON CONFLICT (partner_id, sha256) DO NOTHING
       RETURNING id`,
      [
        file.id,
        file.partnerId,
        file.orgId,
        file.remoteName.slice(0, 255),
        file.bytes,
        file.sha256,
        file.bytes.length,
        file.kind,
        file.state,
        file.quarantineCode,
        file.quarantineDetail,
        file.receivedAt,
      ],
    );
    return rows[0]?.id;
  }

  async findWithBytes(id: string): Promise<InboundFileEntity | undefined> {
    const rows: InboundFileEntity[] = await this.dataSource.query(
      `SELECT ${SUMMARY_COLUMNS}, bytes FROM inbound_files WHERE id = $1`,
      [id],
    );
    return rows[0];
  }

  async findSummary(id: string): Promise<InboundFileSummary | undefined> {
    const rows: InboundFileSummary[] = await this.dataSource.query(
      `SELECT ${SUMMARY_COLUMNS} FROM inbound_files WHERE id = $1`,
      [id],
    );
    return rows[0];
  }

  /** Locks the row for processing (one processor at a time across gateway processes); undefined if gone. */
  async lockForProcessing(manager: EntityManager, id: string): Promise<InboundFileSummary | undefined> {
    const rows: InboundFileSummary[] = await manager.query(
      `SELECT ${SUMMARY_COLUMNS} FROM inbound_files WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0];
  }

  async recordOutcome(manager: EntityManager, id: string, outcome: InboundFileOutcome): Promise<void> {
    await manager.query(
      `UPDATE inbound_files
          SET kind = $2, state = $3, quarantine_code = $4, quarantine_detail = $5, matched_org_ids = $6,
              processed_at = $7, process_count = process_count + 1
        WHERE id = $1`,
      [
        id,
        outcome.kind,
        outcome.state,
        outcome.quarantineCode?.slice(0, 60) ?? null,
        outcome.quarantineDetail?.slice(0, 500) ?? null,
        outcome.matchedOrgIds === null ? null : [...outcome.matchedOrgIds],
        outcome.processedAt,
      ],
    );
  }

  /** A processing attempt that failed (rolled back): counted, so automatic retries stop after a few. */
  async recordFailedAttempt(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE inbound_files SET process_count = process_count + 1 WHERE id = $1`, [
      id,
    ]);
  }

  /** Stored files no processing has finished for (a crash after the store, or a failed attempt). */
  async listUnprocessedIds(limit: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM inbound_files
        WHERE state = 'stored' AND processed_at IS NULL AND process_count < $1
        ORDER BY received_at LIMIT $2`,
      [MAX_AUTOMATIC_PROCESS_ATTEMPTS, limit],
    );
    return rows.map((row) => row.id);
  }

  /** The organisation's partners' files plus shared partners' files (org_id null), newest first. */
  async listVisibleToOrg(orgId: string, filter: InboundFileListFilter): Promise<InboundFileSummary[]> {
    const conditions = ['(org_id = $1 OR org_id IS NULL)'];
    const parameters: unknown[] = [orgId];
    if (filter.state !== undefined) {
      parameters.push(filter.state);
      conditions.push(`state = $${parameters.length}`);
    }
    if (filter.kind !== undefined) {
      parameters.push(filter.kind);
      conditions.push(`kind = $${parameters.length}`);
    }
    if (filter.after !== undefined) {
      parameters.push(filter.after.receivedAt, filter.after.id);
      conditions.push(`(received_at, id) < ($${parameters.length - 1}, $${parameters.length})`);
    }
    parameters.push(filter.limit);
    return this.dataSource.query(
      `SELECT ${SUMMARY_COLUMNS} FROM inbound_files WHERE ${conditions.join(' AND ')}
        ORDER BY received_at DESC, id DESC LIMIT $${parameters.length}`,
      parameters,
    );
  }
}
