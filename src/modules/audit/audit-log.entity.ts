import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The append-only audit log: who did what to which object, when. Details hold ids, codes and counts,
 * never PHI. A trigger (migration AuditLogAppendOnly) refuses UPDATE and DELETE; no code path issues them.
 * No foreign key to organizations: the trail outlives what it describes.
 */
@Entity({ name: 'audit_log' })
@Index('ix_audit_log_org_id_occurred_at', ['orgId', 'occurredAt'])
export class AuditLogEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_audit_log' })
  id!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  /** The organisation the action belongs to (null for system-wide actions). */
  @Column({ name: 'org_id', type: 'uuid', nullable: true })
  orgId!: string | null;

  /** 'api-key', 'cli' or 'system'. */
  @Column({ name: 'actor_type', type: 'varchar', length: 20 })
  actorType!: string;

  /** The API key id for 'api-key', the OS user for 'cli', the job name for 'system'. */
  @Column({ name: 'actor_id', type: 'varchar', length: 100, nullable: true })
  actorId!: string | null;

  /** Dotted verb: 'api_key.created', 'claim_batch.submitted'. */
  @Column({ type: 'varchar', length: 100 })
  action!: string;

  @Column({ name: 'object_type', type: 'varchar', length: 50 })
  objectType!: string;

  @Column({ name: 'object_id', type: 'varchar', length: 100, nullable: true })
  objectId!: string | null;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  details!: Record<string, unknown>;

  @Column({ name: 'request_id', type: 'varchar', length: 128, nullable: true })
  requestId!: string | null;
}
