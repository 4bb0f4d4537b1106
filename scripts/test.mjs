// `npm test`: installs what is missing, then typecheck, lint, the format check and every Jest suite (unit, then the integration
// and browser suites against a real PostgreSQL and Temporal that the suites start themselves), then the smoke suites again
// on the real Temporal server (built once per machine; see scripts/lib/temporal-server.mjs), and the cluster suite on two
// real server nodes, and the short fault run (scripts/test-faults.mjs).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './lib/install.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
ensureDependencies(root);

const results = path.join(root, '.data', 'jest-results.json');
const smokeResults = path.join(root, '.data', 'jest-results-real-server.json');
const clusterResults = path.join(root, '.data', 'jest-results-cluster.json');
mkdirSync(path.dirname(results), { recursive: true });
rmSync(results, { force: true });
rmSync(smokeResults, { force: true });
rmSync(clusterResults, { force: true });
// The suites that prove the engine on the real Temporal server (WHISTLE_TEMPORAL=server) as well as the dev server.
const SMOKE = ['tests/integration/walking-skeleton.test.ts', 'tests/integration/timers.test.ts', 'tests/integration/worker-restart.test.ts'];
// Two nodes in one ring, a case opened through one node's API and acted on through the other's (about a minute).
const CLUSTER = ['tests/integration/cluster.test.ts'];
const jest = (output) => ['jest', '--ci', '--forceExit', '--json', `--outputFile=${output}`];

const steps = [
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['format', 'npm', ['run', '--silent', 'format:check']],
  // --forceExit: a handle a failed test leaked (a browser left open) must not keep CI waiting after the run.
  ['jest (unit, integration, browser)', 'npx', [...jest(results), ...process.argv.slice(2)]],
  // A run narrowed by arguments is someone's quick check: the smoke run on the real server is for the whole suite.
  ...(process.argv.length > 2
    ? []
    : [
        ['jest smoke on the real Temporal server', 'npx', [...jest(smokeResults), '--runTestsByPath', ...SMOKE], { WHISTLE_TEMPORAL: 'server' }],
        [
          'jest cluster suite on two real Temporal nodes',
          'npx',
          [...jest(clusterResults), '--runTestsByPath', ...CLUSTER],
          { WHISTLE_TEMPORAL: 'cluster' },
        ],
        // Each component killed once under load, then the ledger checked (about 3 minutes); `npm run test:faults` is the full run.
        ['fault run (short)', 'node', ['scripts/test-faults.mjs', '--short']],
      ]),
];

const failed = [];
for (const [name, command, args, env = {}] of steps) {
  const started = Date.now();
  console.log(`\n=== ${name}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false', ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status === 0) console.log(`=== ${name}: ok (${seconds} s)`);
  else {
    console.log(`=== ${name}: FAILED (${seconds} s)`);
    failed.push(name);
  }
}
// One plain closing line with the counts, whatever the runner printed above it.
const counts = [results, smokeResults, clusterResults].filter((file) => existsSync(file)).map((file) => JSON.parse(readFileSync(file, 'utf8')));
if (counts.length) {
  const sum = (key) => counts.reduce((total, run) => total + run[key], 0);
  console.log(`\ntests: ${sum('numPassedTests')} passed, ${sum('numFailedTests')} failed, ${sum('numPendingTests')} skipped`);
}
if (failed.length) {
  console.error(`\nnpm test failed: ${failed.join(', ')}`);
  process.exit(1);
}
console.log('\nnpm test: every step passed');
