// Lint gates that run in `npm test`. Module boundaries (what each layer may import) are declared here, per
// folder, mirroring the Nx tags in each project.json.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'path', 'os', 'http', 'https', 'net', 'child_process', 'crypto', 'dns', 'stream', 'worker_threads', 'timers'];
const io = ['@nestjs/*', 'typeorm', 'pg', 'axios', 'node-fetch', 'undici', '@temporalio/client', '@temporalio/worker', '@temporalio/activity'];
const appsAndIo = ['@whistle/api', '@whistle/worker', '@whistle/admin', '@whistle/persistence', '@whistle/activities'];
const banned = (names) => [...names, ...names.filter((n) => !n.includes('/') && !n.startsWith('@')).map((n) => `node:${n}`)];

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
    // Workflow code is replayed: no I/O, no Node, nothing but @temporalio/workflow and pure libraries.
    files: ['workflows/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...banned(nodeBuiltins), ...io, ...appsAndIo],
              message: 'workflows/ is deterministic: import only @temporalio/workflow, @whistle/contracts and @whistle/domain.',
            },
          ],
        },
      ],
    },
  },
  {
    // The domain is shared by the workflow, the API and the browser: pure functions only.
    files: ['libs/domain/src/**/*.ts', 'libs/contracts/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...banned(nodeBuiltins), ...io, ...appsAndIo, '@whistle/workflows'],
              message: 'libs/domain and libs/contracts stay pure: no I/O, no apps.',
            },
          ],
        },
      ],
    },
  },
  {
    // Apps never import each other, and the API never imports workflow code (only the contracts).
    files: ['apps/api/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@whistle/worker', '@whistle/admin', '@whistle/workflows', '@whistle/activities'],
              message: 'The API talks to workflows only through @whistle/contracts.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/worker/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@whistle/api', '@whistle/admin'], message: 'Apps do not import each other.' }] }],
    },
  },
  { files: ['**/*.mjs', '**/*.js'], ...tseslint.configs.disableTypeChecked },
  { files: ['**/*.mjs', '**/*.js'], languageOptions: { globals: { ...globals.node } } },
  { files: ['**/*.js'], languageOptions: { sourceType: 'commonjs' }, rules: { '@typescript-eslint/no-require-imports': 'off' } },
);
