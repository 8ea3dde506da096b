import { MigrationInterface, QueryRunner } from 'typeorm';

export class InboundFileMatchedOrgs1795886817288 implements MigrationInterface {
  name = 'InboundFileMatchedOrgs1795886817288';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "inbound_files" ADD "matched_org_ids" uuid array`);
    await queryRunner.query(
      `CREATE INDEX "ix_inbound_files_org_received" ON "inbound_files" ("org_id", "received_at") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_inbound_files_org_received"`);
    await queryRunner.query(`ALTER TABLE "inbound_files" DROP COLUMN "matched_org_ids"`);
  }
}
