import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CaseStreetAndNotificationScope1796030423492 implements MigrationInterface {
  name = 'CaseStreetAndNotificationScope1796030423492';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "cases" ADD "street_id" uuid');
    await queryRunner.query('ALTER TABLE "notifications" ADD "recipient_scope_id" uuid');
    await queryRunner.query('CREATE INDEX "IDX_5873bce17bf209a68d14983b5b" ON "cases"  ("street_id") ');
    // Existing cases belong to their community's street; existing role notices to the case's community or street.
    await queryRunner.query(
      `UPDATE cases c SET street_id = street.id
       FROM organizations community JOIN organizations street ON street.id = community.parent_id AND street.kind = 'street'
       WHERE community.id = c.community_id`,
    );
    await queryRunner.query(
      `UPDATE notifications n SET recipient_scope_id = CASE n.recipient_role WHEN 'community' THEN c.community_id ELSE c.street_id END
       FROM cases c WHERE c.id = n.case_id AND n.recipient_role IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."IDX_5873bce17bf209a68d14983b5b"');
    await queryRunner.query('ALTER TABLE "notifications" DROP COLUMN "recipient_scope_id"');
    await queryRunner.query('ALTER TABLE "cases" DROP COLUMN "street_id"');
  }
}
