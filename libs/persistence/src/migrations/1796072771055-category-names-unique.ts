import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A category's Chinese and English names are each unique: a whistle picks a category by name. Names that repeat
 * already keep the oldest holder's and gain their code, so the index can be built and no category is lost.
 */
export class CategoryNamesUnique1796072771055 implements MigrationInterface {
  name = 'CategoryNamesUnique1796072771055';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const column of ['name_zh', 'name_en']) {
      await queryRunner.query(
        `UPDATE "categories" AS c SET "${column}" = c."${column}" || ' (' || c."code" || ')'
         WHERE EXISTS (SELECT 1 FROM "categories" AS o WHERE o."${column}" = c."${column}"
                       AND (o."created_at", o."code") < (c."created_at", c."code"))`,
      );
    }
    await queryRunner.query('CREATE UNIQUE INDEX "UQ_categories_name_zh" ON "categories"  ("name_zh") ');
    await queryRunner.query('CREATE UNIQUE INDEX "UQ_categories_name_en" ON "categories"  ("name_en") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."UQ_categories_name_en"');
    await queryRunner.query('DROP INDEX "public"."UQ_categories_name_zh"');
  }
}
