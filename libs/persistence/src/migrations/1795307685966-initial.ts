import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795307685966 implements MigrationInterface {
  name = 'Initial1795307685966';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Written by hand: case codes come from a sequence, and "cases my organization takes part in" needs GIN.
    await queryRunner.query('CREATE SEQUENCE "case_code_seq"');
    await queryRunner.query(
      'CREATE TABLE "case_events" ("id" text NOT NULL, "case_id" uuid NOT NULL, "seq" integer NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "type" text NOT NULL, "actor" jsonb NOT NULL, "data" jsonb NOT NULL, CONSTRAINT "PK_61f203ee26b76c6438bbcc7bde6" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_8a7c8dff2f98863bbe0e6bc12a" ON "case_events"  ("type") ');
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_519951e2d37bc5cf0fd582f0d5" ON "case_events"  ("case_id", "seq") ');
    await queryRunner.query(
      'CREATE TABLE "cases" ("id" uuid NOT NULL, "code" text NOT NULL, "workflow_id" text NOT NULL, "title" text NOT NULL, "category" text NOT NULL, "urgency" text NOT NULL, "community_id" uuid NOT NULL, "stage" text NOT NULL, "stage_entered_at" TIMESTAMP WITH TIME ZONE NOT NULL, "stage_due_at" TIMESTAMP WITH TIME ZONE, "participant_organization_ids" text array NOT NULL, "reopen_count" integer NOT NULL DEFAULT \'0\', "version" integer NOT NULL, "state" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_264acb3048c240fb89aa34626db" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_98e6b90c05490e40eed667d1a5" ON "cases"  ("code") ');
    await queryRunner.query('CREATE INDEX "IDX_db9105f28c179c6649ef0a271a" ON "cases"  ("category") ');
    await queryRunner.query('CREATE INDEX "IDX_adae5a32faa54000d0acf9042c" ON "cases"  ("community_id") ');
    await queryRunner.query('CREATE INDEX "IDX_1adbab3de941d6254b7c1fa17d" ON "cases"  ("stage") ');
    await queryRunner.query('CREATE INDEX "IDX_4c3cb176417f569496973b73d8" ON "cases"  ("stage_due_at") ');
    await queryRunner.query('CREATE INDEX "IDX_d1efd96a6ed448c331fe9c49cd" ON "cases"  ("created_at") ');
    await queryRunner.query(
      'CREATE TABLE "organizations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "kind" text NOT NULL, "parent_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6b031fcd0863e3f6b44230163f9" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_f3a7c9411eaa5f9cbc5363de33" ON "organizations"  ("parent_id") ');
    await queryRunner.query(
      'CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "username" text NOT NULL, "password_hash" text NOT NULL, "display_name" text NOT NULL, "roles" text array NOT NULL, "organization_id" uuid, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_fe0bb3f6520ee0469504521e71" ON "users"  ("username") ');
    await queryRunner.query('CREATE INDEX "IDX_21a659804ed7bf61eb91688dea" ON "users"  ("organization_id") ');
    await queryRunner.query('CREATE INDEX "idx_cases_participant_orgs" ON "cases" USING gin ("participant_organization_ids")');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."idx_cases_participant_orgs"');
    await queryRunner.query('DROP INDEX "public"."IDX_21a659804ed7bf61eb91688dea"');
    await queryRunner.query('DROP INDEX "public"."IDX_fe0bb3f6520ee0469504521e71"');
    await queryRunner.query('DROP TABLE "users"');
    await queryRunner.query('DROP INDEX "public"."IDX_f3a7c9411eaa5f9cbc5363de33"');
    await queryRunner.query('DROP TABLE "organizations"');
    await queryRunner.query('DROP INDEX "public"."IDX_d1efd96a6ed448c331fe9c49cd"');
    await queryRunner.query('DROP INDEX "public"."IDX_4c3cb176417f569496973b73d8"');
    await queryRunner.query('DROP INDEX "public"."IDX_1adbab3de941d6254b7c1fa17d"');
    await queryRunner.query('DROP INDEX "public"."IDX_adae5a32faa54000d0acf9042c"');
    await queryRunner.query('DROP INDEX "public"."IDX_db9105f28c179c6649ef0a271a"');
    await queryRunner.query('DROP INDEX "public"."IDX_98e6b90c05490e40eed667d1a5"');
    await queryRunner.query('DROP TABLE "cases"');
    await queryRunner.query('DROP INDEX "public"."IDX_519951e2d37bc5cf0fd582f0d5"');
    await queryRunner.query('DROP INDEX "public"."IDX_8a7c8dff2f98863bbe0e6bc12a"');
    await queryRunner.query('DROP TABLE "case_events"');
    await queryRunner.query('DROP SEQUENCE "case_code_seq"');
  }
}
