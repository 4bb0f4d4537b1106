import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { openDataSource } from '../data-source';

/**
 * Writes a migration with the SQL that the entities still need on top of the existing migrations.
 * Run through `npm run migration:generate -- <Name>`, which provides a scratch database.
 */
async function main(): Promise<void> {
  const [name] = process.argv.slice(2);
  const url = process.env.DATABASE_URL;
  if (!name || !/^[A-Z][A-Za-z0-9]*$/.test(name) || !url) {
    throw new Error('usage: DATABASE_URL=... generate-migration <PascalCaseName>');
  }
  const dataSource = await openDataSource(url);
  try {
    await dataSource.runMigrations();
    const sql = await dataSource.driver.createSchemaBuilder().log();
    if (sql.upQueries.length === 0) {
      console.log('the entities match the migrations: nothing to generate');
      return;
    }
    const timestamp = Date.now();
    const className = `${name}${timestamp}`;
    const quote = (q: string) => `    await queryRunner.query(${JSON.stringify(q)});`;
    const file = path.join(__dirname, '..', 'migrations', `${timestamp}-${kebab(name)}.ts`);
    writeFileSync(
      file,
      `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${sql.upQueries.map((q) => quote(q.query)).join('\n')}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${sql.downQueries
  .reverse()
  .map((q) => quote(q.query))
  .join('\n')}
  }
}
`,
    );
    console.log(`wrote ${file}; add ${className} to migrations/index.ts`);
  } finally {
    await dataSource.destroy();
  }
}

function kebab(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
