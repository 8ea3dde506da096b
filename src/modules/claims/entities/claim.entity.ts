// One professional or institutional claim. The columns hold what is searched, joined or reported on;
// `submitted` keeps the caller's full JSON claim so the 837 can be rebuilt exactly later.
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ClaimKind, ClaimStatus } from '../claim-status';

@Entity({ name: 'claims' })
@Index('ix_claims_org_created', ['orgId', 'createdAt', 'id'])
@Index('ix_claims_org_status_payer', ['orgId', 'status', 'payerId', 'createdAt'])
@Index('ix_claims_org_fingerprint', ['orgId', 'fingerprint'])
// The batching job's work list: queued claims not yet in a transmission.
@Index('ix_claims_awaiting_batch', ['orgId', 'payerId', 'kind', 'createdAt'], {
  where: `"status" = 'queued' AND "transmission_id" IS NULL`,
})
// The patient control number (CLM01) is echoed back by 277CA and 835: unique among the org's open claims.
@Index('ux_claims_org_open_patient_control_number', ['orgId', 'patientControlNumber'], {
  unique: true,
  where: `"status" IN ('received', 'queued', 'sent', 'accepted_999', 'accepted_277ca')`,
})
export class ClaimEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_claims' })
  id!: string;

  @Column({ name: 'org_id', type: 'uuid' })
  orgId!: string;

  @Column({ name: 'batch_id', type: 'uuid' })
  batchId!: string;

  /** 0-based position of the claim in its batch. */
  @Column({ name: 'batch_index', type: 'integer' })
  batchIndex!: number;

  @Column({ type: 'varchar', length: 13 })
  kind!: ClaimKind;

  @Column({ type: 'varchar', length: 20 })
  status!: ClaimStatus;

  /** The payer's id (2010BB NM109), as in the payers table. */
  @Column({ name: 'payer_id', type: 'varchar', length: 80 })
  payerId!: string;

  @Column({ name: 'billing_provider_id', type: 'uuid' })
  billingProviderId!: string;

  @Column({ name: 'rendering_provider_id', type: 'uuid', nullable: true })
  renderingProviderId!: string | null;

  @Column({ name: 'subscriber_id', type: 'uuid' })
  subscriberId!: string;

  /** Set when the patient is not the subscriber (2000C loop). */
  @Column({ name: 'patient_id', type: 'uuid', nullable: true })
  patientId!: string | null;

  /** CLM01. */
  @Column({ name: 'patient_control_number', type: 'varchar', length: 20 })
  patientControlNumber!: string;

  /** CLM05-3: 1 original, 7 replacement, 8 void. */
  @Column({ name: 'frequency_code', type: 'varchar', length: 1 })
  frequencyCode!: string;

  /** 2300 REF*F8, only for frequency 7 or 8. */
  @Column({ name: 'payer_claim_control_number', type: 'varchar', length: 50, nullable: true })
  payerClaimControlNumber!: string | null;

  /** CLM05-1: place of service (837P) or facility type code (837I). */
  @Column({ name: 'facility_code', type: 'varchar', length: 2 })
  facilityCode!: string;

  @Column({ name: 'service_date_from', type: 'date' })
  serviceDateFrom!: string;

  @Column({ name: 'service_date_to', type: 'date' })
  serviceDateTo!: string;

  /** CLM02, numeric(12,2): read back as a decimal string, never a float. */
  @Column({ name: 'total_charge', type: 'numeric', precision: 12, scale: 2 })
  totalCharge!: string;

  @Column({ name: 'line_count', type: 'integer' })
  lineCount!: number;

  /** SHA-256 (hex) of billing NPI, member id, service dates, procedure codes and charges. */
  @Column({ type: 'char', length: 64 })
  fingerprint!: string;

  @Column({ type: 'jsonb' })
  submitted!: Record<string, unknown>;

  /** The transmission now carrying the claim; null while it waits to be batched (or after a rejection). */
  @Column({ name: 'transmission_id', type: 'uuid', nullable: true })
  transmissionId!: string | null;

  /** The payer's claim number, from the 277CA (2200D REF*1K) or the 835 (CLP07). */
  @Column({ name: 'payer_claim_number', type: 'varchar', length: 50, nullable: true })
  payerClaimNumber!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
