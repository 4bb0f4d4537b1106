import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Places: a grid's grid member responsible; a case's grid and point as columns the list filters and maps on. Existing
 * cases get them from their state: the grid when it names a directory grid (older cases may hold a free-text grid,
 * which stays in the state only), the point when the whistle had one.
 */
export class Places1796110000000 implements MigrationInterface {
  name = 'Places1796110000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "organizations" ADD "responsible_user_id" uuid');
    await queryRunner.query('ALTER TABLE "cases" ADD "grid_id" uuid');
    await queryRunner.query('ALTER TABLE "cases" ADD "latitude" double precision');
    await queryRunner.query('ALTER TABLE "cases" ADD "longitude" double precision');
    await queryRunner.query(
      `UPDATE cases c SET grid_id = grid.id FROM organizations grid
       WHERE grid.kind = 'grid' AND grid.id::text = c.state->>'gridId'`,
    );
    await queryRunner.query(
      `UPDATE cases SET latitude = (state->'location'->>'latitude')::double precision, longitude = (state->'location'->>'longitude')::double precision
       WHERE jsonb_typeof(state->'location'->'latitude') = 'number' AND jsonb_typeof(state->'location'->'longitude') = 'number'`,
    );
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
