import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RuleSetsAndNotifications1795308905399 implements MigrationInterface {
  name = 'RuleSetsAndNotifications1795308905399';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "notifications" ("id" text NOT NULL, "case_id" uuid NOT NULL, "event_id" text NOT NULL, "level" text NOT NULL, "recipient_user_id" uuid, "recipient_organization_id" uuid, "recipient_role" text, "message" jsonb NOT NULL, "channel" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "delivered_at" TIMESTAMP WITH TIME ZONE, "read_at" TIMESTAMP WITH TIME ZONE, "attempts" integer NOT NULL DEFAULT \'0\', "next_attempt_at" TIMESTAMP WITH TIME ZONE, "last_error" text, CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_63e5f2b81ae561b30d23c1ab6e" ON "notifications"  ("case_id") ');
    await queryRunner.query('CREATE INDEX "IDX_2726bde496d82b6401532ab147" ON "notifications"  ("recipient_user_id") ');
    await queryRunner.query('CREATE INDEX "IDX_133d8464fa5af9b75b19800e68" ON "notifications"  ("recipient_organization_id") ');
    await queryRunner.query('CREATE INDEX "IDX_77ee7b06d6f802000c0846f3a5" ON "notifications"  ("created_at") ');
    await queryRunner.query('CREATE INDEX "IDX_89af8d661952fbf8e84d5f492f" ON "notifications"  ("channel", "delivered_at", "next_attempt_at") ');
    await queryRunner.query(
      'CREATE TABLE "rule_sets" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "categories" text array NOT NULL, "urgencies" text array NOT NULL DEFAULT \'{}\', "definition" jsonb NOT NULL, "latest_version" integer NOT NULL DEFAULT \'0\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5fe503c220e68f5cd03bf887677" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "rule_set_versions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "rule_set_id" uuid NOT NULL, "version" integer NOT NULL, "name" text NOT NULL, "categories" text array NOT NULL, "urgencies" text array NOT NULL, "definition" jsonb NOT NULL, "published_by" uuid, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4ec3f2694dd606493ad83e4de03" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_0413cfca064ae97467c24da4ed" ON "rule_set_versions"  ("published_at") ');
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_73d0578d69ec32068662a7262d" ON "rule_set_versions"  ("rule_set_id", "version") ');
    await queryRunner.query('ALTER TABLE "organizations" ADD "webhook_url" text');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "organizations" DROP COLUMN "webhook_url"');
    await queryRunner.query('DROP INDEX "public"."IDX_73d0578d69ec32068662a7262d"');
    await queryRunner.query('DROP INDEX "public"."IDX_0413cfca064ae97467c24da4ed"');
    await queryRunner.query('DROP TABLE "rule_set_versions"');
    await queryRunner.query('DROP TABLE "rule_sets"');
    await queryRunner.query('DROP INDEX "public"."IDX_89af8d661952fbf8e84d5f492f"');
    await queryRunner.query('DROP INDEX "public"."IDX_77ee7b06d6f802000c0846f3a5"');
    await queryRunner.query('DROP INDEX "public"."IDX_133d8464fa5af9b75b19800e68"');
    await queryRunner.query('DROP INDEX "public"."IDX_2726bde496d82b6401532ab147"');
    await queryRunner.query('DROP INDEX "public"."IDX_63e5f2b81ae561b30d23c1ab6e"');
    await queryRunner.query('DROP TABLE "notifications"');
  }
}
