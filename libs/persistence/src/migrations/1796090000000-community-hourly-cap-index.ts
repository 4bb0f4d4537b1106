import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A community's cases by when they were opened: what the hourly cap on new cases reads on every whistle. Without it
 * the cap counted every case of the last hour by a scan of the whole table (68 ms a whistle with 50,000 open cases
 * in one community); with it, the newest few entries of the index.
 */
export class CommunityHourlyCapIndex1796090000000 implements MigrationInterface {
  name = 'CommunityHourlyCapIndex1796090000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX "IDX_cases_community_created" ON "cases" ("community_id", "created_at") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."IDX_cases_community_created"');
  }
}
