// The module boundaries of eslint.config.mjs, proved to fire: one import each constraint forbids, and imports it
// allows, linted with the repository's own config as files of the project they would belong to. Switching the
// boundary rule off, or loosening a constraint, fails this spec.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

interface Sample {
  from: string;
  imports: string;
}
interface Report {
  ruleId: string | null;
  message: string;
}

const BOUNDARIES = '@nx/enforce-module-boundaries';
const BUILTINS = 'no-restricted-imports';

/** A source file of the project under `from`, importing one name and using it (so no other rule complains). */
const sample = ({ from, imports }: Sample) => ({ filePath: from, code: `import { thing } from '${imports}';\nexport const used = thing;\n` });

const forbidden: (Sample & { rule: string; says: string })[] = [
  // libs/domain: no other project (each depends on the domain, so the rule names the cycle), pure libraries only.
  {
    from: 'libs/domain/src/sample.ts',
    imports: '@whistle/contracts',
    rule: BOUNDARIES,
    says: 'Circular dependency between "domain" and "contracts"',
  },
  { from: 'libs/domain/src/sample.ts', imports: 'typeorm', rule: BOUNDARIES, says: 'tagged with "layer:domain" is not allowed to import "typeorm"' },
  { from: 'libs/domain/src/sample.ts', imports: 'node:crypto', rule: BUILTINS, says: 'no Node built-ins' },
  { from: 'libs/domain/src/sample.ts', imports: 'crypto', rule: BUILTINS, says: 'no Node built-ins' },
  // libs/contracts: the domain only.
  {
    from: 'libs/contracts/src/sample.ts',
    imports: '@whistle/persistence',
    rule: BOUNDARIES,
    says: 'tagged with "layer:contracts" can only depend on',
  },
  { from: 'libs/contracts/src/sample.ts', imports: '@temporalio/client', rule: BOUNDARIES, says: 'not allowed to import "@temporalio/client"' },
  // workflows/: the domain, the contracts and @temporalio/workflow; deterministic, so no Node and no I/O.
  { from: 'workflows/src/sample.ts', imports: '@whistle/persistence', rule: BOUNDARIES, says: 'tagged with "layer:workflow" can only depend on' },
  { from: 'workflows/src/sample.ts', imports: '@whistle/activities', rule: BOUNDARIES, says: 'tagged with "layer:workflow" can only depend on' },
  {
    from: 'workflows/src/sample.ts',
    imports: '@temporalio/activity',
    rule: BOUNDARIES,
    says: 'tagged with "layer:workflow" is not allowed to import',
  },
  { from: 'workflows/src/sample.ts', imports: 'zod', rule: BOUNDARIES, says: 'tagged with "layer:workflow" is not allowed to import "zod"' },
  { from: 'workflows/src/sample.ts', imports: 'node:fs', rule: BUILTINS, says: 'no Node built-ins' },
  // libs/activities: domain, contracts, persistence; never workflow code.
  {
    from: 'libs/activities/src/sample.ts',
    imports: '@whistle/workflows',
    rule: BOUNDARIES,
    says: 'tagged with "layer:activities" can only depend on',
  },
  // libs/persistence: the domain only.
  {
    from: 'libs/persistence/src/sample.ts',
    imports: '@whistle/contracts',
    rule: BOUNDARIES,
    says: 'tagged with "layer:persistence" can only depend on',
  },
  {
    from: 'libs/persistence/src/sample.ts',
    imports: '@whistle/workflows',
    rule: BOUNDARIES,
    says: 'tagged with "layer:persistence" can only depend on',
  },
  // Apps never import each other.
  { from: 'apps/worker/src/sample.ts', imports: '@whistle/api', rule: BOUNDARIES, says: 'Imports of apps are forbidden' },
  { from: 'apps/api/src/sample.ts', imports: '@whistle/worker', rule: BOUNDARIES, says: 'Imports of apps are forbidden' },
  { from: 'apps/admin/src/sample.ts', imports: '@whistle/api', rule: BOUNDARIES, says: 'Imports of apps are forbidden' },
  // The API reaches workflows only through the contracts.
  { from: 'apps/api/src/sample.ts', imports: '@whistle/workflows', rule: BOUNDARIES, says: 'tagged with "app:api" can only depend on' },
  { from: 'apps/api/src/sample.ts', imports: '@whistle/activities', rule: BOUNDARIES, says: 'tagged with "app:api" can only depend on' },
  // The console: the shared rules only.
  { from: 'apps/admin/src/sample.tsx', imports: '@whistle/persistence', rule: BOUNDARIES, says: 'tagged with "layer:console" can only depend on' },
  { from: 'apps/admin/src/sample.ts', imports: '@whistle/activities', rule: BOUNDARIES, says: 'tagged with "layer:console" can only depend on' },
  { from: 'apps/admin/src/sample.ts', imports: '@whistle/workflows', rule: BOUNDARIES, says: 'tagged with "layer:console" can only depend on' },
];

const allowed: Sample[] = [
  { from: 'libs/domain/src/sample.ts', imports: 'zod' },
  { from: 'libs/domain/src/sample.ts', imports: '@zxcvbn-ts/language-common' },
  { from: 'libs/contracts/src/sample.ts', imports: '@whistle/domain' },
  { from: 'libs/contracts/src/sample.ts', imports: '@temporalio/workflow' },
  { from: 'workflows/src/sample.ts', imports: '@whistle/contracts' },
  { from: 'workflows/src/sample.ts', imports: '@temporalio/workflow' },
  { from: 'libs/activities/src/sample.ts', imports: '@whistle/persistence' },
  { from: 'libs/persistence/src/sample.ts', imports: '@whistle/domain' },
  { from: 'apps/worker/src/sample.ts', imports: '@whistle/activities' },
  { from: 'apps/worker/src/sample.ts', imports: '@whistle/workflows' },
  { from: 'apps/api/src/sample.ts', imports: '@whistle/persistence' },
  { from: 'apps/api/src/sample.ts', imports: '@whistle/contracts' },
  { from: 'apps/admin/src/sample.tsx', imports: '@whistle/domain' },
  // Specs may use test tooling the code they test may not.
  { from: 'workflows/src/sample.spec.ts', imports: '@temporalio/worker' },
  { from: 'libs/domain/src/sample.spec.ts', imports: 'fast-check' },
];

/** Every sample linted in one child process (loading the config and the project graph once). */
function lint(samples: Sample[]): Report[][] {
  const root = path.join(__dirname, '..');
  const output = execFileSync(process.execPath, [path.join(__dirname, 'support', 'lint-text.mjs')], {
    cwd: root,
    input: JSON.stringify(samples.map(sample)),
    encoding: 'utf8',
    env: { ...process.env, NX_DAEMON: 'false' },
  });
  return JSON.parse(output) as Report[][];
}

describe('module boundaries (eslint.config.mjs, driven by the Nx tags in each project.json)', () => {
  let reports: Report[][];
  beforeAll(() => {
    reports = lint([...forbidden, ...allowed]);
  });

  it.each(forbidden.map((s, i) => [`${s.from} → ${s.imports}`, i] as const))('refuses %s', (_name, i) => {
    const { rule, says } = forbidden[i];
    expect(reports[i]).toEqual([{ ruleId: rule, message: expect.stringContaining(says) }]);
  });

  it.each(allowed.map((s, i) => [`${s.from} → ${s.imports}`, i] as const))('allows %s', (_name, i) => {
    expect(reports[forbidden.length + i]).toEqual([]);
  });
});
