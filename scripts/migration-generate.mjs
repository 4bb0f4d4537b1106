// Generates a TypeORM migration against a scratch PostgreSQL: npm run migration:generate -- <PascalCaseName>
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './lib/ports.mjs';
import { startPostgres } from './lib/postgres.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const postgres = await startPostgres({
  dataDir: path.join(root, '.data/pg-scratch'),
  port: await freePort(),
  database: 'whistle_scratch',
  fresh: true,
});
try {
  const result = spawnSync(
    process.execPath,
    ['-r', '@swc-node/register', 'libs/persistence/src/tools/generate-migration.ts', ...process.argv.slice(2)],
    { cwd: root, stdio: 'inherit', env: { ...process.env, DATABASE_URL: postgres.url } },
  );
  process.exitCode = result.status ?? 1;
} finally {
  await postgres.stop();
}
