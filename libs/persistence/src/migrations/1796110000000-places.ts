import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Fills existing cases' grid and point columns from their states: the grid when the state names a directory grid (older
 * cases may hold a free-text grid, which stays in the state only), the point when the whistle had one. Exported for
 * the test that runs it over cases written before the columns.
 */
export const BACKFILL_CASE_PLACES = [
  `UPDATE cases c SET grid_id = grid.id FROM organizations grid
   WHERE grid.kind = 'grid' AND grid.id::text = c.state->>'gridId'`,
  `UPDATE cases SET latitude = (state->'location'->>'latitude')::double precision, longitude = (state->'location'->>'longitude')::double precision
   WHERE jsonb_typeof(state->'location'->'latitude') = 'number' AND jsonb_typeof(state->'location'->'longitude') = 'number'`,
];

/**
 * Places: a grid's grid member responsible; a case's grid and point as columns the list filters and maps on. Existing
 * cases get them from their state (BACKFILL_CASE_PLACES).
 */
export class Places1796110000000 implements MigrationInterface {
  name = 'Places1796110000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "organizations" ADD "responsible_user_id" uuid');
    await queryRunner.query('ALTER TABLE "cases" ADD "grid_id" uuid');
    await queryRunner.query('ALTER TABLE "cases" ADD "latitude" double precision');
    await queryRunner.query('ALTER TABLE "cases" ADD "longitude" double precision');
    for (const statement of BACKFILL_CASE_PLACES) await queryRunner.query(statement);
    await queryRunner.query('CREATE INDEX "IDX_cases_grid_id" ON "cases" ("grid_id") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."IDX_cases_grid_id"');
    await queryRunner.query('ALTER TABLE "cases" DROP COLUMN "longitude"');
    await queryRunner.query('ALTER TABLE "cases" DROP COLUMN "latitude"');
    await queryRunner.query('ALTER TABLE "cases" DROP COLUMN "grid_id"');
    await queryRunner.query('ALTER TABLE "organizations" DROP COLUMN "responsible_user_id"');
  }
}
