import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { ClaimStatus, ClaimStatusSource } from '../claim-status';
import { bulkInsert, bulkInsertSql } from './bulk-insert';
import type { StatusEventRow } from './claim-rows';

const insertEvents = bulkInsertSql<StatusEventRow>('claim_status_events', [
  { name: 'id', type: 'uuid', value: (row) => row.id },
  { name: 'org_id', type: 'uuid', value: (row) => row.orgId },
  { name: 'claim_id', type: 'uuid', value: (row) => row.claimId },
  { name: 'status', type: 'text', value: (row) => row.status },
  { name: 'source', type: 'text', value: (row) => row.source },
  { name: 'details', type: 'jsonb', value: (row) => row.details },
  { name: 'at', type: 'timestamptz', value: (row) => row.at },
]);

export interface StatusEventView {
  status: ClaimStatus;
  source: ClaimStatusSource;
  details: Record<string, unknown>;
  at: Date;
}

/** The append-only status history: inserts and reads only, never an UPDATE or DELETE. */
@Injectable()
export class ClaimStatusEventsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async append(manager: EntityManager, rows: readonly StatusEventRow[]): Promise<void> {
    await bulkInsert(manager, insertEvents, rows);
  }

  async timeline(orgId: string, claimId: string): Promise<StatusEventView[]> {
    return (await this.dataSource.query(
      `SELECT status, source, details, at FROM claim_status_events
        WHERE org_id = $1 AND claim_id = $2 ORDER BY at, sequence`,
      [orgId, claimId],
    )) as StatusEventView[];
  }

  /** Moves claims of the organisation to a status; returns the ids that exist (others are ignored). */
  async setStatus(
    manager: EntityManager,
    orgId: string,
    claimIds: readonly string[],
    status: ClaimStatus,
    at: Date,
  ): Promise<string[]> {
    if (claimIds.length === 0) return [];
    const [rows] = (await manager.query(
      `UPDATE claims SET status = $3, updated_at = $4 WHERE org_id = $1 AND id = ANY($2::uuid[]) RETURNING id`,
      [orgId, [...claimIds], status, at],
    )) as [{ id: string }[], number];
    return rows.map((row) => row.id);
  }
}
