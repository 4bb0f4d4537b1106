import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddSavedViews1796044297295 implements MigrationInterface {
  name = 'AddSavedViews1796044297295';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "saved_views" ("id" uuid NOT NULL, "user_id" uuid NOT NULL, "name" text NOT NULL, "filter" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_30acd4fbe2058d97631ab9bb2b6" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "UQ_saved_views_user_name" ON "saved_views"  ("user_id", "name") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."UQ_saved_views_user_name"');
    await queryRunner.query('DROP TABLE "saved_views"');
  }
}
