// Lints source text as if it lived at a given path, with the repository's own ESLint config, and prints what each
// rule reported. Run by tests/module-boundaries.spec.ts in a child process: ESLint loads its config with a dynamic
// import, which Jest's module sandbox does not support.
// stdin: [{ code, filePath }]; stdout: [[{ ruleId, message }]] in the same order.
import { ESLint } from 'eslint';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const samples = JSON.parse(readFileSync(0, 'utf8'));
// The samples are not files on disk, so they are linted without type information (no TypeScript program holds
// them); every rule that needs none, the boundary rules among them, runs as in `npm run lint`.
const eslint = new ESLint({ cwd: root, overrideConfig: [{ files: ['**/*.ts', '**/*.tsx'], ...tseslint.configs.disableTypeChecked }] });
const reports = [];
for (const { code, filePath } of samples) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  reports.push(result.messages.map(({ ruleId, message }) => ({ ruleId, message })));
}
process.stdout.write(JSON.stringify(reports));
