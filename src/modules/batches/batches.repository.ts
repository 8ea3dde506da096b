import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export interface ClaimResult {
  index: number;
  claimId?: string;
  status: 'accepted' | 'rejected';
  errors: { code: string; path: string; message: string }[];
}

export interface BatchView {
  id: string;
  source: 'json' | 'x12';
  claimCount: number;
  acceptedCount: number;
  rejectedCount: number;
  createdAt: Date;
  results: ClaimResult[];
}

export interface IdempotencyRecord {
  bodyHash: string;
  batchId: string;
  responseStatus: number;
  response: unknown;
}

/** Intake batches and Idempotency-Key records, always scoped to the organisation. */
@Injectable()
export class BatchesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, orgId: string, batch: BatchView): Promise<void> {
    await manager.query(
      `INSERT INTO claim_batches (id, org_id, source, claim_count, accepted_count, rejected_count, results, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8)`,
      [
        batch.id,
        orgId,
        batch.source,
        batch.claimCount,
        batch.acceptedCount,
        batch.rejectedCount,
        JSON.stringify(batch.results),
        batch.createdAt,
      ],
    );
  }

  async findById(orgId: string, batchId: string): Promise<BatchView | undefined> {
    const rows = (await this.dataSource.query(
      `SELECT id, source, claim_count AS "claimCount", accepted_count AS "acceptedCount",
              rejected_count AS "rejectedCount", created_at AS "createdAt", results
         FROM claim_batches WHERE org_id = $1 AND id = $2`,
      [orgId, batchId],
    )) as BatchView[];
    return rows[0];
  }

  async findIdempotencyKey(
    orgId: string,
    key: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<IdempotencyRecord | undefined> {
    const rows = (await manager.query(
      `SELECT body_hash AS "bodyHash", batch_id AS "batchId", response_status AS "responseStatus", response
         FROM idempotency_keys WHERE org_id = $1 AND key = $2`,
      [orgId, key],
    )) as IdempotencyRecord[];
    return rows[0];
  }

  /**
   * Claims the key at the start of the batch's transaction, before any work: a concurrent request with the
   * same key waits here until the first one commits, then gets false (the caller rolls back and replays).
   */
  async claimIdempotencyKey(
    manager: EntityManager,
    orgId: string,
    key: string,
    bodyHash: string,
    batchId: string,
    at: Date,
  ): Promise<boolean> {
    const rows = (await manager.query(
      `INSERT INTO idempotency_keys (org_id, key, body_hash, batch_id, response_status, response, created_at)
       VALUES ($1, $2, $3, $4, 0, 'null'::jsonb, $5) ON CONFLICT (org_id, key) DO NOTHING RETURNING key`,
      [orgId, key, bodyHash, batchId, at],
    )) as unknown[];
    return rows.length === 1;
  }

  /** Records the answer for a key claimed in the same transaction. */
  async saveIdempotentResponse(
    manager: EntityManager,
    orgId: string,
    key: string,
    responseStatus: number,
    response: unknown,
  ): Promise<void> {
    await manager.query(
      `UPDATE idempotency_keys SET response_status = $3, response = $4::jsonb WHERE org_id = $1 AND key = $2`,
      [orgId, key, responseStatus, JSON.stringify(response)],
    );
  }
}
