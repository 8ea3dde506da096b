import { MigrationInterface, QueryRunner } from 'typeorm';

export class PayerConnectivity1795886301982 implements MigrationInterface {
  name = 'PayerConnectivity1795886301982';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "transmissions" ("id" uuid NOT NULL, "org_id" uuid NOT NULL, "partner_id" uuid NOT NULL, "kind" character varying(4) NOT NULL, "state" character varying(20) NOT NULL, "file_name" character varying(200) NOT NULL, "bytes" bytea NOT NULL, "sha256" character(64) NOT NULL, "size_bytes" integer NOT NULL, "claim_count" integer NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_error_code" character varying(40), "remote_path" character varying(700), "delivered_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_transmissions" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_transmissions_partner_file_name" ON "transmissions" ("partner_id", "file_name") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_transmissions_org_created" ON "transmissions" ("org_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_transmissions_state_next_attempt" ON "transmissions" ("state", "next_attempt_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "transmission_interchanges" ("id" uuid NOT NULL, "transmission_id" uuid NOT NULL, "sender_qualifier" character varying(2) NOT NULL, "sender_id" character varying(15) NOT NULL, "receiver_qualifier" character varying(2) NOT NULL, "receiver_id" character varying(15) NOT NULL, "isa13" integer NOT NULL, "ta1_status" character varying(1), "ta1_note_code" character varying(3), CONSTRAINT "pk_transmission_interchanges" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_transmission_interchanges_pair_isa13" ON "transmission_interchanges" ("sender_qualifier", "sender_id", "receiver_qualifier", "receiver_id", "isa13") `,
    );
    await queryRunner.query(
      `CREATE TABLE "transmission_claims" ("id" uuid NOT NULL, "transmission_id" uuid NOT NULL, "interchange_id" uuid NOT NULL, "org_id" uuid NOT NULL, "claim_id" uuid NOT NULL, "gs06" integer NOT NULL, "st02" integer NOT NULL, "patient_control_number" character varying(20) NOT NULL, CONSTRAINT "pk_transmission_claims" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_transmission_claims_org_pcn" ON "transmission_claims" ("org_id", "patient_control_number") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_transmission_claims_set" ON "transmission_claims" ("interchange_id", "gs06", "st02") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_transmission_claims_claim" ON "transmission_claims" ("claim_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_transmission_claims_transmission_claim" ON "transmission_claims" ("transmission_id", "claim_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "transmission_events" ("id" uuid NOT NULL, "transmission_id" uuid NOT NULL, "from_state" character varying(20), "to_state" character varying(20) NOT NULL, "details" jsonb NOT NULL DEFAULT '{}', "at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_transmission_events" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_transmission_events_transmission" ON "transmission_events" ("transmission_id", "at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "trading_partners" ("id" uuid NOT NULL, "org_id" uuid, "name" character varying(60) NOT NULL, "payer_ids" text array NOT NULL DEFAULT '{}', "enabled" boolean NOT NULL DEFAULT true, "host" character varying(255) NOT NULL, "port" integer NOT NULL DEFAULT '22', "username" character varying(100) NOT NULL, "auth_method" character varying(12) NOT NULL, "credential_ciphertext" bytea NOT NULL, "host_key_fingerprint" character varying(100) NOT NULL, "outbound_dir" character varying(500) NOT NULL, "inbound_dir" character varying(500) NOT NULL, "file_name_pattern" character varying(200) NOT NULL, "inbound_disposal" character varying(6) NOT NULL DEFAULT 'delete', "inbound_archive_dir" character varying(500), "rename_allowed" boolean NOT NULL DEFAULT true, "verify_hash_below_bytes" integer NOT NULL DEFAULT '10485760', "isa_sender_qualifier" character varying(2) NOT NULL, "isa_sender_id" character varying(15) NOT NULL, "isa_receiver_qualifier" character varying(2) NOT NULL, "isa_receiver_id" character varying(15) NOT NULL, "gs_sender_code" character varying(15), "gs_receiver_code" character varying(15), "usage_indicator" character varying(1) NOT NULL DEFAULT 'T', "acknowledgment_requested" boolean NOT NULL DEFAULT true, "delimiters" jsonb NOT NULL, "max_claims_per_transaction" integer NOT NULL DEFAULT '5000', "max_claims_per_file" integer NOT NULL DEFAULT '5000', "one_interchange_per_file" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_trading_partners" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_trading_partners_org_name" ON "trading_partners" ("org_id", "name") `,
    );
    await queryRunner.query(
      `CREATE TABLE "inbound_files" ("id" uuid NOT NULL, "partner_id" uuid NOT NULL, "org_id" uuid, "remote_name" character varying(255) NOT NULL, "bytes" bytea NOT NULL, "sha256" character(64) NOT NULL, "size_bytes" integer NOT NULL, "kind" character varying(10) NOT NULL, "state" character varying(12) NOT NULL, "quarantine_code" character varying(60), "quarantine_detail" character varying(500), "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "processed_at" TIMESTAMP WITH TIME ZONE, "process_count" integer NOT NULL DEFAULT '0', CONSTRAINT "pk_inbound_files" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_inbound_files_state" ON "inbound_files" ("state", "received_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_inbound_files_partner_sha256" ON "inbound_files" ("partner_id", "sha256") `,
    );
    await queryRunner.query(`ALTER TABLE "claims" ADD "transmission_id" uuid`);
    await queryRunner.query(`ALTER TABLE "claims" ADD "payer_claim_number" character varying(50)`);
    await queryRunner.query(
      `CREATE INDEX "ix_claims_awaiting_batch" ON "claims" ("org_id", "payer_id", "kind", "created_at") WHERE "status" = 'queued' AND "transmission_id" IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_claims_awaiting_batch"`);
    await queryRunner.query(`ALTER TABLE "claims" DROP COLUMN "payer_claim_number"`);
    await queryRunner.query(`ALTER TABLE "claims" DROP COLUMN "transmission_id"`);
    await queryRunner.query(`DROP INDEX "public"."ux_inbound_files_partner_sha256"`);
    await queryRunner.query(`DROP INDEX "public"."ix_inbound_files_state"`);
    await queryRunner.query(`DROP TABLE "inbound_files"`);
    await queryRunner.query(`DROP INDEX "public"."ux_trading_partners_org_name"`);
    await queryRunner.query(`DROP TABLE "trading_partners"`);
    await queryRunner.query(`DROP INDEX "public"."ix_transmission_events_transmission"`);
    await queryRunner.query(`DROP TABLE "transmission_events"`);
    await queryRunner.query(`DROP INDEX "public"."ux_transmission_claims_transmission_claim"`);
    await queryRunner.query(`DROP INDEX "public"."ix_transmission_claims_claim"`);
    await queryRunner.query(`DROP INDEX "public"."ix_transmission_claims_set"`);
    await queryRunner.query(`DROP INDEX "public"."ix_transmission_claims_org_pcn"`);
    await queryRunner.query(`DROP TABLE "transmission_claims"`);
    await queryRunner.query(`DROP INDEX "public"."ux_transmission_interchanges_pair_isa13"`);
    await queryRunner.query(`DROP TABLE "transmission_interchanges"`);
    await queryRunner.query(`DROP INDEX "public"."ix_transmissions_state_next_attempt"`);
    await queryRunner.query(`DROP INDEX "public"."ix_transmissions_org_created"`);
    await queryRunner.query(`DROP INDEX "public"."ux_transmissions_partner_file_name"`);
    await queryRunner.query(`DROP TABLE "transmissions"`);
  }
}
