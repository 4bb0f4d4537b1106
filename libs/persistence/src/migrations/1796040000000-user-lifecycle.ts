import type { MigrationInterface, QueryRunner } from 'typeorm';

export class UserLifecycle1796040000000 implements MigrationInterface {
  name = 'UserLifecycle1796040000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "users" ADD "token_version" integer NOT NULL DEFAULT 0');
    await queryRunner.query('ALTER TABLE "users" ADD "must_change_password" boolean NOT NULL DEFAULT false');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "users" DROP COLUMN "must_change_password"');
    await queryRunner.query('ALTER TABLE "users" DROP COLUMN "token_version"');
  }
}
