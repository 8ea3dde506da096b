import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A billing or rendering provider of an organisation, keyed by NPI. Claims upsert it at intake so the
 * latest name, tax id, taxonomy and address are kept; the claim's own JSON keeps what was sent then.
 */
@Entity({ name: 'providers' })
@Index('ux_providers_org_npi', ['orgId', 'npi'], { unique: true })
export class ProviderEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_providers' })
  id!: string;

  @Column({ name: 'org_id', type: 'uuid' })
  orgId!: string;

  @Column({ type: 'varchar', length: 10 })
  npi!: string;

  /** Organisation name, or "last, first" for a person. */
  @Column({ type: 'varchar', length: 120 })
  name!: string;

  /** EIN (REF*EI) or SSN (REF*SY), billing providers only. */
  @Column({ name: 'tax_id', type: 'varchar', length: 20, nullable: true })
  taxId!: string | null;

  @Column({ name: 'taxonomy_code', type: 'varchar', length: 10, nullable: true })
  taxonomyCode!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  address!: Record<string, unknown> | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
