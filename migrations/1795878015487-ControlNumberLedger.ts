import { MigrationInterface, QueryRunner } from 'typeorm';

export class ControlNumberLedger1795878015487 implements MigrationInterface {
  name = 'ControlNumberLedger1795878015487';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "control_number_counters" ("sender_qualifier" character varying(2) NOT NULL, "sender_id" character varying(15) NOT NULL, "receiver_qualifier" character varying(2) NOT NULL, "receiver_id" character varying(15) NOT NULL, "kind" character varying(5) NOT NULL, "next_value" bigint NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_control_number_counters_next_value" CHECK ("next_value" BETWEEN 1 AND 1000000000), CONSTRAINT "ck_control_number_counters_kind" CHECK ("kind" IN ('ISA13', 'GS06', 'ST02')), CONSTRAINT "pk_control_number_counters" PRIMARY KEY ("sender_qualifier", "sender_id", "receiver_qualifier", "receiver_id", "kind"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "control_number_allocations" ("sender_qualifier" character varying(2) NOT NULL, "sender_id" character varying(15) NOT NULL, "receiver_qualifier" character varying(2) NOT NULL, "receiver_id" character varying(15) NOT NULL, "kind" character varying(5) NOT NULL, "number" bigint NOT NULL, "reference" character varying(100), "allocated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_control_number_allocations_number" CHECK ("number" BETWEEN 1 AND 999999999), CONSTRAINT "ck_control_number_allocations_kind" CHECK ("kind" IN ('ISA13', 'GS06', 'ST02')), CONSTRAINT "pk_control_number_allocations" PRIMARY KEY ("sender_qualifier", "sender_id", "receiver_qualifier", "receiver_id", "kind", "number"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "control_number_allocations"`);
    await queryRunner.query(`DROP TABLE "control_number_counters"`);
  }
}
