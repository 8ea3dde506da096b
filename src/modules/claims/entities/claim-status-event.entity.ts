import { Column, Entity, Generated, Index, PrimaryColumn } from 'typeorm';
import type { ClaimStatus, ClaimStatusSource } from '../claim-status';

/**
 * Append-only claim status history: one row per change, never updated or deleted. `details` carries
 * ids, control numbers, counts and codes only: no PHI values.
 */
@Entity({ name: 'claim_status_events' })
@Index('ix_claim_status_events_claim', ['orgId', 'claimId', 'at', 'sequence'])
export class ClaimStatusEventEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_claim_status_events' })
  id!: string;

  @Column({ name: 'org_id', type: 'uuid' })
  orgId!: string;

  @Column({ name: 'claim_id', type: 'uuid' })
  claimId!: string;

  @Column({ type: 'varchar', length: 20 })
  status!: ClaimStatus;

  @Column({ type: 'varchar', length: 20 })
  source!: ClaimStatusSource;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  details!: Record<string, unknown>;

  @Column({ type: 'timestamptz' })
  at!: Date;

  /** Insertion order: events written at the same instant (received, then queued) keep their order. */
  @Column({ type: 'bigint' })
  @Generated('increment')
  sequence!: string;
}
