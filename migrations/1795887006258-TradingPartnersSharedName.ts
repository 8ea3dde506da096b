import { MigrationInterface, QueryRunner } from 'typeorm';

export class TradingPartnersSharedName1795887006258 implements MigrationInterface {
  name = 'TradingPartnersSharedName1795887006258';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_trading_partners_shared_name" ON "trading_partners" ("name") WHERE "org_id" IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ux_trading_partners_shared_name"`);
  }
}
