// The control-number ledger (ISA13, GS06, ST02). One counter row per sender/receiver pair and kind, advanced
// with `UPDATE ... SET next_value = next_value + n RETURNING` inside the caller's transaction (the row lock
// serialises allocators across processes), and one allocation row per number handed out, whose primary key
// (sender, receiver, kind, number) makes a duplicate impossible to write. Not scoped to an organisation on
// purpose: the payer sees the ISA sender/receiver pair, so uniqueness must hold across every organisation
// that submits under it.
import { Check, Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export const CONTROL_NUMBER_KINDS = ['ISA13', 'GS06', 'ST02'] as const;
export type ControlNumberKind = (typeof CONTROL_NUMBER_KINDS)[number];

@Entity({ name: 'control_number_counters' })
@Check('ck_control_number_counters_kind', `"kind" IN ('ISA13', 'GS06', 'ST02')`)
@Check('ck_control_number_counters_next_value', `"next_value" BETWEEN 1 AND 1000000000`)
export class ControlNumberCounterEntity {
  /** ISA05 (or the GS02 side's qualifier, 'GS' for application codes). */
  @PrimaryColumn({
    name: 'sender_qualifier',
    type: 'varchar',
    length: 2,
    primaryKeyConstraintName: 'pk_control_number_counters',
  })
  senderQualifier!: string;

  /** ISA06 / GS02, trimmed. */
  @PrimaryColumn({
    name: 'sender_id',
    type: 'varchar',
    length: 15,
    primaryKeyConstraintName: 'pk_control_number_counters',
  })
  senderId!: string;

  @PrimaryColumn({
    name: 'receiver_qualifier',
    type: 'varchar',
    length: 2,
    primaryKeyConstraintName: 'pk_control_number_counters',
  })
  receiverQualifier!: string;

  @PrimaryColumn({
    name: 'receiver_id',
    type: 'varchar',
    length: 15,
    primaryKeyConstraintName: 'pk_control_number_counters',
  })
  receiverId!: string;

  @PrimaryColumn({
    name: 'kind',
    type: 'varchar',
    length: 5,
    primaryKeyConstraintName: 'pk_control_number_counters',
  })
  kind!: ControlNumberKind;

  /** The next number to hand out (bigint: TypeORM returns it as a string). */
  @Column({ name: 'next_value', type: 'bigint' })
  nextValue!: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

@Entity({ name: 'control_number_allocations' })
@Check('ck_control_number_allocations_kind', `"kind" IN ('ISA13', 'GS06', 'ST02')`)
@Check('ck_control_number_allocations_number', `"number" BETWEEN 1 AND 999999999`)
export class ControlNumberAllocationEntity {
  @PrimaryColumn({
    name: 'sender_qualifier',
    type: 'varchar',
    length: 2,
    primaryKeyConstraintName: 'pk_control_number_allocations',
  })
  senderQualifier!: string;

  @PrimaryColumn({
    name: 'sender_id',
    type: 'varchar',
    length: 15,
    primaryKeyConstraintName: 'pk_control_number_allocations',
  })
  senderId!: string;

  @PrimaryColumn({
    name: 'receiver_qualifier',
    type: 'varchar',
    length: 2,
    primaryKeyConstraintName: 'pk_control_number_allocations',
  })
  receiverQualifier!: string;

  @PrimaryColumn({
    name: 'receiver_id',
    type: 'varchar',
    length: 15,
    primaryKeyConstraintName: 'pk_control_number_allocations',
  })
  receiverId!: string;

  @PrimaryColumn({
    name: 'kind',
    type: 'varchar',
    length: 5,
    primaryKeyConstraintName: 'pk_control_number_allocations',
  })
  kind!: ControlNumberKind;

  @PrimaryColumn({
    name: 'number',
    type: 'bigint',
    primaryKeyConstraintName: 'pk_control_number_allocations',
  })
  number!: string;

  /** What the number was used for (e.g. the interchange id); never PHI. */
  @Column({ name: 'reference', type: 'varchar', length: 100, nullable: true })
  reference!: string | null;

  @CreateDateColumn({ name: 'allocated_at', type: 'timestamptz' })
  allocatedAt!: Date;
}
