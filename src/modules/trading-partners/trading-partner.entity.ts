import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const PARTNER_AUTH_METHODS = ['password', 'private-key'] as const;
export type PartnerAuthMethod = (typeof PARTNER_AUTH_METHODS)[number];

export const INBOUND_DISPOSALS = ['delete', 'move'] as const;
/** What collection does with a remote file once its bytes are committed: delete it or move it to the archive dir. */
export type InboundDisposal = (typeof INBOUND_DISPOSALS)[number];

/** X12 delimiters the partner expects in the files we send (ISA element separator, ISA11, ISA16, terminator). */
export interface PartnerDelimiters {
  element: string;
  repetition: string;
  component: string;
  segment: string;
}

/**
 * One SFTP connection to a payer or clearinghouse, and how to envelope files for it. `org_id` null marks a
 * partner shared by every organisation (the built-in sandbox payer). Credentials are stored only as
 * AES-256-GCM ciphertext under the configured SECRETS_KEY and never leave the service.
 */
@Entity({ name: 'trading_partners' })
@Index('ux_trading_partners_org_name', ['orgId', 'name'], { unique: true })
// NULLs never collide in the index above, so shared partners (upsertShared, by name) need their own.
@Index('ux_trading_partners_shared_name', ['name'], { unique: true, where: '"org_id" IS NULL' })
export class TradingPartnerEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_trading_partners' })
  id!: string;

  @Column({ name: 'org_id', type: 'uuid', nullable: true })
  orgId!: string | null;

  @Column({ type: 'varchar', length: 60 })
  name!: string;

  /** Payer ids (payers.payer_id) whose claims go through this partner. */
  @Column({ name: 'payer_ids', type: 'text', array: true, default: () => "'{}'" })
  payerIds!: string[];

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  // --- SFTP connection ---
  @Column({ type: 'varchar', length: 255 })
  host!: string;

  @Column({ type: 'integer', default: 22 })
  port!: number;

  @Column({ type: 'varchar', length: 100 })
  username!: string;

  @Column({ name: 'auth_method', type: 'varchar', length: 12 })
  authMethod!: PartnerAuthMethod;

  /** AES-256-GCM: 12-byte IV, 16-byte tag, ciphertext of the password or the PEM private key. */
  @Column({ name: 'credential_ciphertext', type: 'bytea' })
  credentialCiphertext!: Buffer;

  /** Pinned host key, `SHA256:<base64>` as ssh-keygen prints it. */
  @Column({ name: 'host_key_fingerprint', type: 'varchar', length: 100 })
  hostKeyFingerprint!: string;

  @Column({ name: 'outbound_dir', type: 'varchar', length: 500 })
  outboundDir!: string;

  @Column({ name: 'inbound_dir', type: 'varchar', length: 500 })
  inboundDir!: string;

  /** Outbound file name; placeholders {partner} {kind} {isa13} {transmission} {date} {time} (see file-name.ts). */
  @Column({ name: 'file_name_pattern', type: 'varchar', length: 200 })
  fileNamePattern!: string;

  @Column({ name: 'inbound_disposal', type: 'varchar', length: 6, default: 'delete' })
  inboundDisposal!: InboundDisposal;

  @Column({ name: 'inbound_archive_dir', type: 'varchar', length: 500, nullable: true })
  inboundArchiveDir!: string | null;

  /** Whether the server allows rename; otherwise write the final name directly and add a `.done` marker. */
  @Column({ name: 'rename_allowed', type: 'boolean', default: true })
  renameAllowed!: boolean;

  /** Uploaded files smaller than this are read back and compared by SHA-256. */
  @Column({ name: 'verify_hash_below_bytes', type: 'integer', default: 10_485_760 })
  verifyHashBelowBytes!: number;

  // --- Envelope ---
  @Column({ name: 'isa_sender_qualifier', type: 'varchar', length: 2 })
  isaSenderQualifier!: string;

  @Column({ name: 'isa_sender_id', type: 'varchar', length: 15 })
  isaSenderId!: string;

  @Column({ name: 'isa_receiver_qualifier', type: 'varchar', length: 2 })
  isaReceiverQualifier!: string;

  @Column({ name: 'isa_receiver_id', type: 'varchar', length: 15 })
  isaReceiverId!: string;

  /** GS02/GS03 application codes; default to the ISA ids when null. */
  @Column({ name: 'gs_sender_code', type: 'varchar', length: 15, nullable: true })
  gsSenderCode!: string | null;

  @Column({ name: 'gs_receiver_code', type: 'varchar', length: 15, nullable: true })
  gsReceiverCode!: string | null;

  /** ISA15: T test, P production. */
  @Column({ name: 'usage_indicator', type: 'varchar', length: 1, default: 'T' })
  usageIndicator!: 'T' | 'P';

  /** ISA14: ask the partner for a TA1. */
  @Column({ name: 'acknowledgment_requested', type: 'boolean', default: true })
  acknowledgmentRequested!: boolean;

  @Column({ type: 'jsonb' })
  delimiters!: PartnerDelimiters;

  @Column({ name: 'max_claims_per_transaction', type: 'integer', default: 5000 })
  maxClaimsPerTransaction!: number;

  @Column({ name: 'max_claims_per_file', type: 'integer', default: 5000 })
  maxClaimsPerFile!: number;

  /** true: each file holds one ISA..IEA; false: a file may hold several interchanges. */
  @Column({ name: 'one_interchange_per_file', type: 'boolean', default: true })
  oneInterchangePerFile!: boolean;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
