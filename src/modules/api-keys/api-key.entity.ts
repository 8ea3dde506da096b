import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { OrganizationEntity } from '../organizations/organization.entity';
import type { ApiKeyRole } from './api-key-role';

/**
 * An API key. The secret is shown once at creation and stored only as its SHA-256 (hex); `prefix`
 * (`x12gw_live_` + 8 characters) is kept in clear so people can tell keys apart in lists and logs.
 */
@Entity({ name: 'api_keys' })
@Check('ck_api_keys_role', `"role" IN ('submitter', 'admin', 'read-only')`)
@Index('ix_api_keys_org_id', ['orgId'])
export class ApiKeyEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_api_keys' })
  id!: string;

  @Column({ name: 'org_id', type: 'uuid' })
  orgId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'org_id', foreignKeyConstraintName: 'fk_api_keys_org_id' })
  organization?: OrganizationEntity;

  @Index('uq_api_keys_prefix', { unique: true })
  @Column({ type: 'varchar', length: 32 })
  prefix!: string;

  /** SHA-256 of the whole key, lowercase hex. */
  @Index('uq_api_keys_key_hash', { unique: true })
  @Column({ name: 'key_hash', type: 'char', length: 64 })
  keyHash!: string;

  @Column({ type: 'varchar', length: 16 })
  role!: ApiKeyRole;

  /** A label chosen by the admin ("billing workstation 3"); never PHI. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  name!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt!: Date | null;
}
