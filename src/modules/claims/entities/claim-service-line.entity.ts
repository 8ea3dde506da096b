import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One service line (2400 loop): SV1 on a professional claim, SV2 on an institutional one. */
@Entity({ name: 'claim_service_lines' })
@Index('ux_claim_service_lines_claim_line', ['claimId', 'lineNumber'], { unique: true })
export class ClaimServiceLineEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_claim_service_lines' })
  id!: string;

  @Column({ name: 'org_id', type: 'uuid' })
  orgId!: string;

  @Column({ name: 'claim_id', type: 'uuid' })
  claimId!: string;

  /** LX01, 1-based. */
  @Column({ name: 'line_number', type: 'integer' })
  lineNumber!: number;

  /** CPT/HCPCS (SV101-2 / SV202-2); null on institutional lines with only a revenue code. */
  @Column({ name: 'procedure_code', type: 'varchar', length: 48, nullable: true })
  procedureCode!: string | null;

  /** SV201 on institutional lines. */
  @Column({ name: 'revenue_code', type: 'varchar', length: 4, nullable: true })
  revenueCode!: string | null;

  @Column({ type: 'varchar', length: 2, array: true, default: () => "'{}'" })
  modifiers!: string[];

  @Column({ name: 'charge_amount', type: 'numeric', precision: 12, scale: 2 })
  chargeAmount!: string;

  /** SV104 / SV205: kept as the decimal string sent. */
  @Column({ name: 'unit_count', type: 'numeric', precision: 15, scale: 3 })
  unitCount!: string;

  @Column({ name: 'service_date_from', type: 'date', nullable: true })
  serviceDateFrom!: string | null;

  @Column({ name: 'service_date_to', type: 'date', nullable: true })
  serviceDateTo!: string | null;

  /** 2400 REF*6R, echoed back by 277CA and 835. */
  @Column({ name: 'line_item_control_number', type: 'varchar', length: 50, nullable: true })
  lineItemControlNumber!: string | null;

  /** 2410 LIN03. */
  @Column({ name: 'national_drug_code', type: 'varchar', length: 48, nullable: true })
  nationalDrugCode!: string | null;
}
