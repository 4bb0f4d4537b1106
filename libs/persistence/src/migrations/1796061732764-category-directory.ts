import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The category directory, seeded with the standard taxonomy and the words the console and the CSV export gave it
 * until now (libs/domain/src/words.ts), copied here so that later edits of those words do not rewrite history.
 */
const STANDARD: [code: string, nameZh: string, nameEn: string][] = [
  ['small_dispute', '小纠纷', 'Small dispute'],
  ['hidden_danger', '小隐患', 'Hidden danger'],
  ['small_sign', '小苗头', 'Small sign'],
  ['small_vulnerability', '小漏洞', 'Small vulnerability'],
  ['small_demand', '小诉求', 'Small demand'],
  ['small_event', '小事件', 'Small event'],
  ['other', '其他', 'Other'],
];

export class CategoryDirectory1796061732764 implements MigrationInterface {
  name = 'CategoryDirectory1796061732764';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "categories" ("code" text NOT NULL, "name_zh" text NOT NULL, "name_en" text NOT NULL, "active" boolean NOT NULL DEFAULT true, "sort_order" integer NOT NULL DEFAULT \'0\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_77d7eff8a7aaa05457a12b8007a" PRIMARY KEY ("code"))',
    );
    for (const [index, [code, nameZh, nameEn]] of STANDARD.entries()) {
      await queryRunner.query('INSERT INTO "categories" ("code", "name_zh", "name_en", "sort_order") VALUES ($1, $2, $3, $4)', [
        code,
        nameZh,
        nameEn,
        (index + 1) * 10,
      ]);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "categories"');
  }
}
