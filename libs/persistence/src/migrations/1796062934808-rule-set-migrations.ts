import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RuleSetMigrations1796062934808 implements MigrationInterface {
  name = 'RuleSetMigrations1796062934808';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "rule_set_migrations" ("id" uuid NOT NULL, "rule_set_id" uuid NOT NULL, "target_version" integer NOT NULL, "filter" jsonb NOT NULL, "items" jsonb NOT NULL, "status" text NOT NULL, "created_by" uuid, "actor" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_02cb566dcb65c1149394cd27127" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_rule_set_migrations_rule_set" ON "rule_set_migrations"  ("rule_set_id", "created_at") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."IDX_rule_set_migrations_rule_set"');
    await queryRunner.query('DROP TABLE "rule_set_migrations"');
  }
}
