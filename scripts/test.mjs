// `npm test`: installs what is missing, then typecheck, lint, the format check and every Jest suite (unit, then the integration
// and browser suites against a real PostgreSQL and Temporal that the suites start themselves).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './lib/install.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
ensureDependencies(root);

const results = path.join(root, '.data', 'jest-results.json');
mkdirSync(path.dirname(results), { recursive: true });
rmSync(results, { force: true });

const steps = [
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['format', 'npm', ['run', '--silent', 'format:check']],
  // --forceExit: a handle a failed test leaked (a browser left open) must not keep CI waiting after the run.
  ['jest (unit, integration, browser)', 'npx', ['jest', '--ci', '--forceExit', '--json', `--outputFile=${results}`, ...process.argv.slice(2)]],
];

const failed = [];
for (const [name, command, args] of steps) {
  const started = Date.now();
  console.log(`\n=== ${name}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false' } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status === 0) console.log(`=== ${name}: ok (${seconds} s)`);
  else {
    console.log(`=== ${name}: FAILED (${seconds} s)`);
    failed.push(name);
  }
}
// One plain closing line with the counts, whatever the runner printed above it.
if (existsSync(results)) {
  const { numPassedTests, numFailedTests, numPendingTests } = JSON.parse(readFileSync(results, 'utf8'));
  console.log(`\ntests: ${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests} skipped`);
}
if (failed.length) {
  console.error(`\nnpm test failed: ${failed.join(', ')}`);
  process.exit(1);
}
console.log('\nnpm test: every step passed');
