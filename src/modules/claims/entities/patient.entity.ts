import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A subscriber (2010BA) or a patient who is not the subscriber (2010CA). One row per person per
 * organisation: `identity_hash` (SHA-256 of role, payer, member id, names and birth date) lets intake
 * upsert without comparing PHI columns.
 */
@Entity({ name: 'patients' })
@Index('ux_patients_org_identity', ['orgId', 'identityHash'], { unique: true })
export class PatientEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_patients' })
  id!: string;

  @Column({ name: 'org_id', type: 'uuid' })
  orgId!: string;

  @Column({ type: 'varchar', length: 10 })
  role!: 'subscriber' | 'dependent';

  @Column({ name: 'identity_hash', type: 'char', length: 64 })
  identityHash!: string;

  @Column({ name: 'member_id', type: 'varchar', length: 80, nullable: true })
  memberId!: string | null;

  @Column({ name: 'first_name', type: 'varchar', length: 60, nullable: true })
  firstName!: string | null;

  @Column({ name: 'last_name', type: 'varchar', length: 60 })
  lastName!: string;

  @Column({ name: 'birth_date', type: 'date', nullable: true })
  birthDate!: string | null;

  @Column({ type: 'varchar', length: 1, nullable: true })
  gender!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  address!: Record<string, unknown> | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
