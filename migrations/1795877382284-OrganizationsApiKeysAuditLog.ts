import { MigrationInterface, QueryRunner } from 'typeorm';

export class OrganizationsApiKeysAuditLog1795877382284 implements MigrationInterface {
  name = 'OrganizationsApiKeysAuditLog1795877382284';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "organizations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_organizations" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_organizations_name" ON "organizations" ("name") `);
    await queryRunner.query(
      `CREATE TABLE "api_keys" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "org_id" uuid NOT NULL, "prefix" character varying(32) NOT NULL, "key_hash" character(64) NOT NULL, "role" character varying(16) NOT NULL, "name" character varying(100), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, "last_used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_api_keys_role" CHECK ("role" IN ('submitter', 'admin', 'read-only')), CONSTRAINT "pk_api_keys" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_api_keys_prefix" ON "api_keys" ("prefix") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_api_keys_key_hash" ON "api_keys" ("key_hash") `);
    await queryRunner.query(`CREATE INDEX "ix_api_keys_org_id" ON "api_keys" ("org_id") `);
    await queryRunner.query(
      `CREATE TABLE "audit_log" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "org_id" uuid, "actor_type" character varying(20) NOT NULL, "actor_id" character varying(100), "action" character varying(100) NOT NULL, "object_type" character varying(50) NOT NULL, "object_id" character varying(100), "details" jsonb NOT NULL DEFAULT '{}'::jsonb, "request_id" character varying(128), CONSTRAINT "pk_audit_log" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_audit_log_org_id_occurred_at" ON "audit_log" ("org_id", "occurred_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "api_keys" ADD CONSTRAINT "fk_api_keys_org_id" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "api_keys" DROP CONSTRAINT "fk_api_keys_org_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_audit_log_org_id_occurred_at"`);
    await queryRunner.query(`DROP TABLE "audit_log"`);
    await queryRunner.query(`DROP INDEX "public"."ix_api_keys_org_id"`);
    await queryRunner.query(`DROP INDEX "public"."uq_api_keys_key_hash"`);
    await queryRunner.query(`DROP INDEX "public"."uq_api_keys_prefix"`);
    await queryRunner.query(`DROP TABLE "api_keys"`);
    await queryRunner.query(`DROP INDEX "public"."uq_organizations_name"`);
    await queryRunner.query(`DROP TABLE "organizations"`);
  }
}
