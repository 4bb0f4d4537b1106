import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The case list's index: a community's cases by stage and due time (what a coordinator's or community worker's list
 * asks for), carrying the columns the case scope reads (street, participants) so a list's total is counted from the
 * index alone. It serves every lookup by community alone too, so the single-column community index goes.
 */
export class CaseListIndex1796080000000 implements MigrationInterface {
  name = 'CaseListIndex1796080000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."IDX_adae5a32faa54000d0acf9042c"');
    await queryRunner.query(`CREATE INDEX "IDX_cases_community_stage_due" ON "cases" ("community_id", "stage", "stage_due_at", "id")
       INCLUDE ("street_id", "participant_organization_ids")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."IDX_cases_community_stage_due"');
    await queryRunner.query('CREATE INDEX "IDX_adae5a32faa54000d0acf9042c" ON "cases"  ("community_id") ');
  }
}
