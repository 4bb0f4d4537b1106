// Lint gates that run in `npm test`. Module boundaries (what each project may import) are enforced by
// @nx/enforce-module-boundaries from the Nx tags in each project.json; tests/module-boundaries.spec.ts proves each
// constraint fires.
import js from '@eslint/js';
import { createProjectGraphAsync } from '@nx/devkit';
import nx from '@nx/eslint-plugin';
import globals from 'globals';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

// The boundary rule reads the project graph from Nx's cache (.nx/workspace-data) and quietly skips itself when there
// is none (a fresh clone): build it, or bring it up to date, before any file is linted. Without the daemon, so
// that linting leaves no process behind.
process.env.NX_DAEMON ??= 'false';
await createProjectGraphAsync({ exitOnError: true });

// Externals a project may import, by tag. The domain and the contracts run in the workflow sandbox and the browser
// too: pure libraries only. Workflow code is replayed: nothing but @temporalio/workflow (and the domain, contracts).
const pureLibraries = ['zod', 'luxon', 'ipaddr.js', '@zxcvbn-ts/*'];
const externals = {
  'layer:domain': pureLibraries,
  'layer:contracts': [...pureLibraries, '@temporalio/workflow'],
  'layer:workflow': ['@temporalio/workflow'],
};
// Which projects a project may import, by tag. Every project matches a layer and a scope; a project whose tags
// match no constraint may import no project at all, so a new project without tags fails lint.
const layers = {
  'layer:domain': [],
  'layer:contracts': ['layer:domain'],
  'layer:workflow': ['layer:domain', 'layer:contracts'],
  'layer:persistence': ['layer:domain'],
  'layer:activities': ['layer:domain', 'layer:contracts', 'layer:persistence'],
  // Apps never import each other (nor does anything else import an app: they carry `projectType: application`).
  'layer:app': ['layer:domain', 'layer:contracts', 'layer:persistence', 'layer:activities', 'layer:workflow'],
  // The API talks to workflows only through the contracts, never runs workflow or activity code.
  'app:api': ['layer:domain', 'layer:contracts', 'layer:persistence'],
  // The console runs in the browser: the shared rules only, never the server's code.
  'layer:console': ['layer:domain', 'layer:contracts'],
  'scope:shared': ['scope:shared'],
  'scope:browser': ['scope:shared'],
  'scope:server': ['scope:shared', 'scope:server'],
};
const depConstraints = ({ withExternals }) =>
  Object.entries(layers).map(([sourceTag, onlyDependOnLibsWithTags]) => ({
    sourceTag,
    onlyDependOnLibsWithTags,
    ...(withExternals && externals[sourceTag] ? { allowedExternalImports: externals[sourceTag] } : {}),
  }));
const boundaries = (options) => ['error', { allow: [], depConstraints: depConstraints(options) }];

// Node's built-ins are not in the project graph, so the boundary rule cannot see them: banned here by name.
// (Exact names: as a pattern, Node's `domain` module would also match `@whistle/domain`.)
const builtinMessage = 'This code also runs in the workflow sandbox or the browser: no Node built-ins.';
const nodeBuiltins = {
  paths: builtinModules.map((name) => ({ name, message: builtinMessage })),
  patterns: [{ group: ['node:*'], message: builtinMessage }],
};

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.data/**', '.nx/**', 'coverage/**', 'apps/admin/vite.config.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.object.name=/^(it|test|describe)$/][callee.property.name=/^(only|skip)$/]',
          message: 'No focused or skipped tests.',
        },
        { selector: 'CallExpression[callee.name=/^(xit|xtest|xdescribe|fit|fdescribe)$/]', message: 'No focused or skipped tests.' },
      ],
    },
  },
  {
    // NestJS injects by the runtime type of constructor parameters, which decorator metadata reads from value
    // imports: told so, the rule leaves those imports alone and still asks for `type` everywhere else.
    files: ['apps/api/src/**/*.ts'],
    languageOptions: { parserOptions: { emitDecoratorMetadata: true, experimentalDecorators: true } },
  },
  {
    files: ['tests/**/*.ts', '**/*.spec.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    rules: { '@nx/enforce-module-boundaries': boundaries({ withExternals: true }) },
  },
  {
    // Specs may use test tooling (Node, the Temporal test worker, fast-check) but still not another layer's code.
    files: ['**/*.spec.ts', '**/*.spec.tsx'],
    rules: { '@nx/enforce-module-boundaries': boundaries({ withExternals: false }) },
  },
  {
    files: ['libs/domain/src/**/*.ts', 'libs/contracts/src/**/*.ts', 'workflows/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: { 'no-restricted-imports': ['error', nodeBuiltins] },
  },
  { files: ['**/*.mjs', '**/*.js'], ...tseslint.configs.disableTypeChecked },
  { files: ['**/*.mjs', '**/*.js'], languageOptions: { globals: { ...globals.node } } },
  { files: ['**/*.js'], languageOptions: { sourceType: 'commonjs' }, rules: { '@typescript-eslint/no-require-imports': 'off' } },
);
