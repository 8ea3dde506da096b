import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-written (a trigger is not something TypeORM generates): the audit log refuses UPDATE, DELETE and
 * TRUNCATE, so it stays append-only even for code that bypasses AuditLogRepository.
 */
export class AuditLogAppendOnly1795877382285 implements MigrationInterface {
  name = 'AuditLogAppendOnly1795877382285';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE FUNCTION "audit_log_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege'; END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "tr_audit_log_append_only" BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION "audit_log_refuse_change"()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "tr_audit_log_no_truncate" BEFORE TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_refuse_change"()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "tr_audit_log_no_truncate" ON "audit_log"`);
    await queryRunner.query(`DROP TRIGGER "tr_audit_log_append_only" ON "audit_log"`);
    await queryRunner.query(`DROP FUNCTION "audit_log_refuse_change"()`);
  }
}
