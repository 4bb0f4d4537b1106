import type { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationReadsPerUser1795310683482 implements MigrationInterface {
  name = 'NotificationReadsPerUser1795310683482';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "notification_reads" ("notification_id" text NOT NULL, "user_id" uuid NOT NULL, "read_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_5c38c21e1fb176c9f55575cd678" PRIMARY KEY ("notification_id", "user_id"))',
    );
    await queryRunner.query('ALTER TABLE "notifications" DROP COLUMN "read_at"');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "notifications" ADD "read_at" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query('DROP TABLE "notification_reads"');
  }
}
