import { MigrationInterface, QueryRunner } from 'typeorm';

export class TransmissionPublishStarted1795920473609 implements MigrationInterface {
  name = 'TransmissionPublishStarted1795920473609';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "transmissions" ADD "publish_started_at" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "transmissions" DROP COLUMN "publish_started_at"`);
  }
}
