import { Column, Entity, Generated, Index, PrimaryColumn } from 'typeorm';

/**
 * An outbound file's life. built -> uploading -> delivered -> accepted | partially_accepted | rejected.
 * in_doubt: the step that makes the file visible at the partner may or may not have happened; an admin (or
 * the TA1/999 that arrives for it) decides, the gateway never resends blindly. dead_letter: retries used up.
 */
export const TRANSMISSION_STATES = [
  'built',
  'uploading',
  'delivered',
  'accepted',
  'partially_accepted',
  'rejected',
  'in_doubt',
  'dead_letter',
] as const;
export type TransmissionState = (typeof TRANSMISSION_STATES)[number];

export const TRANSMISSION_KINDS = ['837P', '837I', '270'] as const;
export type TransmissionKind = (typeof TRANSMISSION_KINDS)[number];

/**
 * One outbound file: its bytes and SHA-256 are stored in the transaction that allocates its control numbers
 * and links its claims, before any network I/O. A file holds one or more interchanges
 * (`transmission_interchanges`).
 */
@Entity({ name: 'transmissions' })
@Index('ix_transmissions_state_next_attempt', ['state', 'nextAttemptAt'])
@Index('ix_transmissions_org_created', ['orgId', 'createdAt'])
@Index('ux_transmissions_partner_file_name', ['partnerId', 'fileName'], { unique: true })
export class TransmissionEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_transmissions' })
  id!: string;

  @Column({ name: 'org_id', type: 'uuid' })
  orgId!: string;

  @Column({ name: 'partner_id', type: 'uuid' })
  partnerId!: string;

  @Column({ type: 'varchar', length: 4 })
  kind!: TransmissionKind;

  @Column({ type: 'varchar', length: 20 })
  state!: TransmissionState;

  @Column({ name: 'file_name', type: 'varchar', length: 200 })
  fileName!: string;

  @Column({ type: 'bytea' })
  bytes!: Buffer;

  @Column({ type: 'char', length: 64 })
  sha256!: string;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes!: number;

  @Column({ name: 'claim_count', type: 'integer' })
  claimCount!: number;

  /** Delivery attempts started so far (counted when a worker claims the row, so a worker that keeps crashing uses them up). */
  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  /** When the delivery worker may next pick this up (backoff). */
  @Column({ name: 'next_attempt_at', type: 'timestamptz' })
  nextAttemptAt!: Date;

  /** Last failure's stable code (SftpError code etc.), never a message with values. */
  @Column({ name: 'last_error_code', type: 'varchar', length: 40, nullable: true })
  lastErrorCode!: string | null;

  @Column({ name: 'remote_path', type: 'varchar', length: 700, nullable: true })
  remotePath!: string | null;

  /**
   * Set (and committed) right before the rename or .done marker that makes the file visible at the partner;
   * cleared once an outcome is recorded. Still set when a worker takes the row over: an earlier attempt may
   * have published the file and the partner may have collected it since, so it is never uploaded again.
   */
  @Column({ name: 'publish_started_at', type: 'timestamptz', nullable: true })
  publishStartedAt!: Date | null;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}

/** One ISA..IEA inside a transmission: what TA1 (ISA13) and 999 (GS06/ST02) acknowledgments match on. */
@Entity({ name: 'transmission_interchanges' })
@Index(
  'ux_transmission_interchanges_pair_isa13',
  ['senderQualifier', 'senderId', 'receiverQualifier', 'receiverId', 'isa13'],
  {
    unique: true,
  },
)
export class TransmissionInterchangeEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_transmission_interchanges' })
  id!: string;

  @Column({ name: 'transmission_id', type: 'uuid' })
  transmissionId!: string;

  @Column({ name: 'sender_qualifier', type: 'varchar', length: 2 })
  senderQualifier!: string;

  @Column({ name: 'sender_id', type: 'varchar', length: 15 })
  senderId!: string;

  @Column({ name: 'receiver_qualifier', type: 'varchar', length: 2 })
  receiverQualifier!: string;

  @Column({ name: 'receiver_id', type: 'varchar', length: 15 })
  receiverId!: string;

  @Column({ type: 'integer' })
  isa13!: number;

  /** TA1 result once applied: A accepted, E accepted with errors, R rejected. */
  @Column({ name: 'ta1_status', type: 'varchar', length: 1, nullable: true })
  ta1Status!: string | null;

  @Column({ name: 'ta1_note_code', type: 'varchar', length: 3, nullable: true })
  ta1NoteCode!: string | null;
}

/**
 * A claim's place in a transmission: the GS06/ST02 of its transaction set, so a 999 IK5 reaches it; its
 * CLM01 so a 277CA reaches it. A claim resent after a rejection gets a new row in the new transmission.
 */
@Entity({ name: 'transmission_claims' })
@Index('ux_transmission_claims_transmission_claim', ['transmissionId', 'claimId'], { unique: true })
@Index('ix_transmission_claims_claim', ['claimId'])
@Index('ix_transmission_claims_set', ['interchangeId', 'gs06', 'st02'])
@Index('ix_transmission_claims_org_pcn', ['orgId', 'patientControlNumber'])
export class TransmissionClaimEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_transmission_claims' })
  id!: string;

  @Column({ name: 'transmission_id', type: 'uuid' })
  transmissionId!: string;

  @Column({ name: 'interchange_id', type: 'uuid' })
  interchangeId!: string;

  @Column({ name: 'org_id', type: 'uuid' })
  orgId!: string;

  @Column({ name: 'claim_id', type: 'uuid' })
  claimId!: string;

  @Column({ type: 'integer' })
  gs06!: number;

  @Column({ type: 'integer' })
  st02!: number;

  /** CLM01, echoed by the 277CA and the 835. */
  @Column({ name: 'patient_control_number', type: 'varchar', length: 20 })
  patientControlNumber!: string;
}

/** Append-only history of transmission state changes (who/what/why as codes; no PHI). */
@Entity({ name: 'transmission_events' })
@Index('ix_transmission_events_transmission', ['transmissionId', 'at', 'sequence'])
export class TransmissionEventEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_transmission_events' })
  id!: string;

  @Column({ name: 'transmission_id', type: 'uuid' })
  transmissionId!: string;

  @Column({ name: 'from_state', type: 'varchar', length: 20, nullable: true })
  fromState!: TransmissionState | null;

  @Column({ name: 'to_state', type: 'varchar', length: 20 })
  toState!: TransmissionState;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  details!: Record<string, unknown>;

  @Column({ type: 'timestamptz' })
  at!: Date;

  /** Insertion order: moves written at the same instant (in_doubt, delivered, accepted) keep their order. */
  @Column({ type: 'bigint' })
  @Generated('increment')
  sequence!: string;
}
