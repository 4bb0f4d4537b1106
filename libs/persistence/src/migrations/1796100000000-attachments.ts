import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Photos and documents on cases (attachment.entity.ts), listed per case oldest first. */
export class Attachments1796100000000 implements MigrationInterface {
  name = 'Attachments1796100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "attachments" ("id" uuid NOT NULL, "case_id" uuid NOT NULL, "purpose" text NOT NULL, "target_id" text, "stage" text NOT NULL, "stage_entered_at" TIMESTAMP WITH TIME ZONE NOT NULL, "uploaded_by_user_id" uuid, "uploaded_by_name" text, "organization_id" uuid, "original_name" text NOT NULL, "content_type" text NOT NULL, "size" integer NOT NULL, "sha256" text NOT NULL, "storage_key" text NOT NULL, "thumbnail_key" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "deleted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_5e1f050bcff31e3084a1d662412" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_attachments_case_created" ON "attachments" ("case_id", "created_at") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."IDX_attachments_case_created"');
    await queryRunner.query('DROP TABLE "attachments"');
  }
}
