import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One intake batch (JSON or raw 837). `results` keeps the per-claim answer (index, claim id, status,
 * error codes and paths: no PHI), which is also the idempotent replay.
 */
@Entity({ name: 'claim_batches' })
@Index('ix_claim_batches_org_created', ['orgId', 'createdAt'])
export class BatchEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_claim_batches' })
  id!: string;

  @Column({ name: 'org_id', type: 'uuid' })
  orgId!: string;

  @Column({ type: 'varchar', length: 10 })
  source!: 'json' | 'x12';

  @Column({ name: 'claim_count', type: 'integer' })
  claimCount!: number;

  @Column({ name: 'accepted_count', type: 'integer' })
  acceptedCount!: number;

  @Column({ name: 'rejected_count', type: 'integer' })
  rejectedCount!: number;

  @Column({ type: 'jsonb' })
  results!: unknown[];

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** Idempotency-Key records: same key + same body hash replays `response`; a different body is refused. */
@Entity({ name: 'idempotency_keys' })
export class IdempotencyKeyEntity {
  @PrimaryColumn({ name: 'org_id', type: 'uuid', primaryKeyConstraintName: 'pk_idempotency_keys' })
  orgId!: string;

  @PrimaryColumn({ type: 'varchar', length: 255, primaryKeyConstraintName: 'pk_idempotency_keys' })
  key!: string;

  /** SHA-256 (hex) of the request path and body. */
  @Column({ name: 'body_hash', type: 'char', length: 64 })
  bodyHash!: string;

  @Column({ name: 'batch_id', type: 'uuid' })
  batchId!: string;

  @Column({ name: 'response_status', type: 'integer' })
  responseStatus!: number;

  @Column({ type: 'jsonb' })
  response!: unknown;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
