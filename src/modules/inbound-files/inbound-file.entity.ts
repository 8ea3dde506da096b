import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** What a collected file is, by its envelope (GS01/ST01), or 'unreadable' when the engine cannot read it. */
export const INBOUND_FILE_KINDS = ['TA1', '999', '277CA', '835', '271', 'other', 'unreadable'] as const;
export type InboundFileKind = (typeof INBOUND_FILE_KINDS)[number];

/**
 * stored: bytes committed, not processed yet. applied: its acknowledgments reached their transmissions and
 * claims. kept: stored and classified for a later stage (835 posting, 271 reading). quarantined: unreadable or
 * matching nothing; an admin can download and reprocess it.
 */
export const INBOUND_FILE_STATES = ['stored', 'applied', 'kept', 'quarantined'] as const;
export type InboundFileState = (typeof INBOUND_FILE_STATES)[number];

/**
 * Every file collected from a partner's inbound directory: raw bytes and SHA-256 committed before the remote
 * copy is deleted or moved. The same bytes from the same partner are stored once.
 */
@Entity({ name: 'inbound_files' })
@Index('ux_inbound_files_partner_sha256', ['partnerId', 'sha256'], { unique: true })
@Index('ix_inbound_files_state', ['state', 'receivedAt'])
@Index('ix_inbound_files_org_received', ['orgId', 'receivedAt'])
export class InboundFileEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_inbound_files' })
  id!: string;

  @Column({ name: 'partner_id', type: 'uuid' })
  partnerId!: string;

  /** The partner's organisation; null for a shared partner (acks then match per transmission). */
  @Column({ name: 'org_id', type: 'uuid', nullable: true })
  orgId!: string | null;

  @Column({ name: 'remote_name', type: 'varchar', length: 255 })
  remoteName!: string;

  @Column({ type: 'bytea' })
  bytes!: Buffer;

  @Column({ type: 'char', length: 64 })
  sha256!: string;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes!: number;

  @Column({ type: 'varchar', length: 10 })
  kind!: InboundFileKind;

  @Column({ type: 'varchar', length: 12 })
  state!: InboundFileState;

  /** Stable reason code when quarantined (e.g. X12-ENV-..., ACK_UNMATCHED_ISA13); never values. */
  @Column({ name: 'quarantine_code', type: 'varchar', length: 60, nullable: true })
  quarantineCode!: string | null;

  /** Where the problem is (segment position, control numbers), no element values. */
  @Column({ name: 'quarantine_detail', type: 'varchar', length: 500, nullable: true })
  quarantineDetail!: string | null;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;

  @Column({ name: 'processed_at', type: 'timestamptz', nullable: true })
  processedAt!: Date | null;

  /**
   * Organisations whose transmissions the file matched, as its handler reported. For a shared partner's file
   * (org_id null) an admin may download the bytes only when every matched organisation is theirs.
   */
  @Column({ name: 'matched_org_ids', type: 'uuid', array: true, nullable: true })
  matchedOrgIds!: string[] | null;

  /** How many times processing ran (reprocess increments it). */
  @Column({ name: 'process_count', type: 'integer', default: 0 })
  processCount!: number;
}
