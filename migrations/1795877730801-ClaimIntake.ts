import { MigrationInterface, QueryRunner } from 'typeorm';

export class ClaimIntake1795877730801 implements MigrationInterface {
  name = 'ClaimIntake1795877730801';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "claim_batches" ("id" uuid NOT NULL, "org_id" uuid NOT NULL, "source" character varying(10) NOT NULL, "claim_count" integer NOT NULL, "accepted_count" integer NOT NULL, "rejected_count" integer NOT NULL, "results" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_claim_batches" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_claim_batches_org_created" ON "claim_batches" ("org_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "idempotency_keys" ("org_id" uuid NOT NULL, "key" character varying(255) NOT NULL, "body_hash" character(64) NOT NULL, "batch_id" uuid NOT NULL, "response_status" integer NOT NULL, "response" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_idempotency_keys" PRIMARY KEY ("org_id", "key"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "payers" ("id" uuid NOT NULL, "org_id" uuid, "payer_id" character varying(80) NOT NULL, "name" character varying(60) NOT NULL, "claim_filing_indicator" character varying(2) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_payers" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_payers_shared_payer" ON "payers" ("payer_id") WHERE "org_id" IS NULL`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_payers_org_payer" ON "payers" ("org_id", "payer_id") `);
    // Shared sandbox payers (org_id NULL: every organisation may send to them); see src/modules/payers/sandbox-payers.ts.
    await queryRunner.query(
      `INSERT INTO "payers" ("id", "org_id", "payer_id", "name", "claim_filing_indicator") VALUES
        (gen_random_uuid(), NULL, 'SANDBOX1', 'SANDBOX COMMERCIAL PAYER', 'CI'),
        (gen_random_uuid(), NULL, 'SANDBOX2', 'SANDBOX MEDICARE PART B', 'MB'),
        (gen_random_uuid(), NULL, 'SANDBOX3', 'SANDBOX MEDICAID', 'MC')`,
    );
    await queryRunner.query(
      `CREATE TABLE "providers" ("id" uuid NOT NULL, "org_id" uuid NOT NULL, "npi" character varying(10) NOT NULL, "name" character varying(120) NOT NULL, "tax_id" character varying(20), "taxonomy_code" character varying(10), "address" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_providers" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_providers_org_npi" ON "providers" ("org_id", "npi") `);
    await queryRunner.query(
      `CREATE TABLE "patients" ("id" uuid NOT NULL, "org_id" uuid NOT NULL, "role" character varying(10) NOT NULL, "identity_hash" character(64) NOT NULL, "member_id" character varying(80), "first_name" character varying(60), "last_name" character varying(60) NOT NULL, "birth_date" date, "gender" character varying(1), "address" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_patients" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_patients_org_identity" ON "patients" ("org_id", "identity_hash") `,
    );
    await queryRunner.query(
      `CREATE TABLE "claims" ("id" uuid NOT NULL, "org_id" uuid NOT NULL, "batch_id" uuid NOT NULL, "batch_index" integer NOT NULL, "kind" character varying(13) NOT NULL, "status" character varying(20) NOT NULL, "payer_id" character varying(80) NOT NULL, "billing_provider_id" uuid NOT NULL, "rendering_provider_id" uuid, "subscriber_id" uuid NOT NULL, "patient_id" uuid, "patient_control_number" character varying(20) NOT NULL, "frequency_code" character varying(1) NOT NULL, "payer_claim_control_number" character varying(50), "facility_code" character varying(2) NOT NULL, "service_date_from" date NOT NULL, "service_date_to" date NOT NULL, "total_charge" numeric(12,2) NOT NULL, "line_count" integer NOT NULL, "fingerprint" character(64) NOT NULL, "submitted" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_claims" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_claims_org_open_patient_control_number" ON "claims" ("org_id", "patient_control_number") WHERE "status" IN ('received', 'queued', 'sent', 'accepted_999', 'accepted_277ca')`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_claims_org_fingerprint" ON "claims" ("org_id", "fingerprint") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_claims_org_status_payer" ON "claims" ("org_id", "status", "payer_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_claims_org_created" ON "claims" ("org_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "claim_status_events" ("id" uuid NOT NULL, "org_id" uuid NOT NULL, "claim_id" uuid NOT NULL, "status" character varying(20) NOT NULL, "source" character varying(20) NOT NULL, "details" jsonb NOT NULL DEFAULT '{}', "at" TIMESTAMP WITH TIME ZONE NOT NULL, "sequence" BIGSERIAL NOT NULL, CONSTRAINT "pk_claim_status_events" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_claim_status_events_claim" ON "claim_status_events" ("org_id", "claim_id", "at", "sequence") `,
    );
    await queryRunner.query(
      `CREATE TABLE "claim_service_lines" ("id" uuid NOT NULL, "org_id" uuid NOT NULL, "claim_id" uuid NOT NULL, "line_number" integer NOT NULL, "procedure_code" character varying(48), "revenue_code" character varying(4), "modifiers" character varying(2) array NOT NULL DEFAULT '{}', "charge_amount" numeric(12,2) NOT NULL, "unit_count" numeric(15,3) NOT NULL, "service_date_from" date, "service_date_to" date, "line_item_control_number" character varying(50), "national_drug_code" character varying(48), CONSTRAINT "pk_claim_service_lines" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_claim_service_lines_claim_line" ON "claim_service_lines" ("claim_id", "line_number") `,
    );
    await queryRunner.query(
      `CREATE TABLE "claim_diagnoses" ("id" uuid NOT NULL, "org_id" uuid NOT NULL, "claim_id" uuid NOT NULL, "position" integer NOT NULL, "qualifier" character varying(3) NOT NULL, "code" character varying(8) NOT NULL, CONSTRAINT "pk_claim_diagnoses" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_claim_diagnoses_claim_position" ON "claim_diagnoses" ("claim_id", "position") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ux_claim_diagnoses_claim_position"`);
    await queryRunner.query(`DROP TABLE "claim_diagnoses"`);
    await queryRunner.query(`DROP INDEX "public"."ux_claim_service_lines_claim_line"`);
    await queryRunner.query(`DROP TABLE "claim_service_lines"`);
    await queryRunner.query(`DROP INDEX "public"."ix_claim_status_events_claim"`);
    await queryRunner.query(`DROP TABLE "claim_status_events"`);
    await queryRunner.query(`DROP INDEX "public"."ix_claims_org_created"`);
    await queryRunner.query(`DROP INDEX "public"."ix_claims_org_status_payer"`);
    await queryRunner.query(`DROP INDEX "public"."ix_claims_org_fingerprint"`);
    await queryRunner.query(`DROP INDEX "public"."ux_claims_org_open_patient_control_number"`);
    await queryRunner.query(`DROP TABLE "claims"`);
    await queryRunner.query(`DROP INDEX "public"."ux_patients_org_identity"`);
    await queryRunner.query(`DROP TABLE "patients"`);
    await queryRunner.query(`DROP INDEX "public"."ux_providers_org_npi"`);
    await queryRunner.query(`DROP TABLE "providers"`);
    await queryRunner.query(`DROP INDEX "public"."ux_payers_org_payer"`);
    await queryRunner.query(`DROP INDEX "public"."ux_payers_shared_payer"`);
    await queryRunner.query(`DROP TABLE "payers"`);
    await queryRunner.query(`DROP TABLE "idempotency_keys"`);
    await queryRunner.query(`DROP INDEX "public"."ix_claim_batches_org_created"`);
    await queryRunner.query(`DROP TABLE "claim_batches"`);
  }
}
