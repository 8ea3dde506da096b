import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Payers a claim may be sent to. `org_id` null marks a payer every organisation may use (the sandbox
 * payers seeded by the migration); an organisation may add its own. Queries always pass the org id and
 * match `org_id = $org OR org_id IS NULL`.
 */
@Entity({ name: 'payers' })
@Index('ux_payers_org_payer', ['orgId', 'payerId'], { unique: true })
@Index('ux_payers_shared_payer', ['payerId'], { unique: true, where: '"org_id" IS NULL' })
export class PayerEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_payers' })
  id!: string;

  @Column({ name: 'org_id', type: 'uuid', nullable: true })
  orgId!: string | null;

  /** The payer id sent in 2010BB NM109 (and ISA08/GS03 towards a direct payer). */
  @Column({ name: 'payer_id', type: 'varchar', length: 80 })
  payerId!: string;

  @Column({ type: 'varchar', length: 60 })
  name!: string;

  /** SBR09 claim filing indicator code (CI commercial, MB Medicare B, MC Medicaid...). */
  @Column({ name: 'claim_filing_indicator', type: 'varchar', length: 2 })
  claimFilingIndicator!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
