import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One diagnosis of a claim (2300 HI), in the order sent: position 1 is the principal diagnosis. */
@Entity({ name: 'claim_diagnoses' })
@Index('ux_claim_diagnoses_claim_position', ['claimId', 'position'], { unique: true })
export class ClaimDiagnosisEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_claim_diagnoses' })
  id!: string;

  @Column({ name: 'org_id', type: 'uuid' })
  orgId!: string;

  @Column({ name: 'claim_id', type: 'uuid' })
  claimId!: string;

  @Column({ type: 'integer' })
  position!: number;

  /** HI01-1 qualifier: ABK/ABF (professional), ABK/ABJ/ABF/APR (institutional). */
  @Column({ type: 'varchar', length: 3 })
  qualifier!: string;

  /** ICD-10-CM code without the dot. */
  @Column({ type: 'varchar', length: 8 })
  code!: string;
}
