import { MigrationInterface, QueryRunner } from 'typeorm';

export class TransmissionEventSequence1795933048699 implements MigrationInterface {
  name = 'TransmissionEventSequence1795933048699';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_transmission_events_transmission"`);
    await queryRunner.query(`ALTER TABLE "transmission_events" ADD "sequence" BIGSERIAL NOT NULL`);
    await queryRunner.query(
      `CREATE INDEX "ix_transmission_events_transmission" ON "transmission_events" ("transmission_id", "at", "sequence") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_transmission_events_transmission"`);
    await queryRunner.query(`ALTER TABLE "transmission_events" DROP COLUMN "sequence"`);
    await queryRunner.query(
      `CREATE INDEX "ix_transmission_events_transmission" ON "transmission_events" ("transmission_id", "at") `,
    );
  }
}
