// `npm run test:fuzz`: the OpenAPI-driven fuzz run (tests/integration/fuzz.test.ts) for longer than the
// bounded run inside `npm test`: WHISTLE_FUZZ_SECONDS per identity (anonymous, community user, admin).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './lib/install.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
ensureDependencies(root);
const seconds = process.env.WHISTLE_FUZZ_SECONDS ?? '600';
console.log(`fuzzing for ${seconds} s per identity (set WHISTLE_FUZZ_SECONDS to change)`);
const result = spawnSync(
  'npx',
  ['jest', '--ci', '--forceExit', 'tests/integration/fuzz.test.ts', '--selectProjects', 'stack', ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, WHISTLE_FUZZ_SECONDS: seconds, NX_DAEMON: 'false' },
  },
);
process.exit(result.status ?? 1);
