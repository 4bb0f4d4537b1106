// `npm run test:mutation`: mutation check of the domain's specs (Stryker). Not part of `npm test`: a full run takes
// tens of minutes. Incremental, so a rerun only tests the mutants whose code or covering specs changed.
// Narrow it to some modules with `npm run test:mutation -- --mutate libs/domain/src/clock.ts`.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const unit = require('./jest.config.js').projects.find((project) => project.displayName === 'unit');

const reports = '.data/mutation';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'jest',
  plugins: ['@stryker-mutator/jest-runner'],
  mutate: ['libs/domain/src/**/*.ts', '!libs/domain/src/**/*.spec.ts', '!libs/domain/src/testing/**'],
  // Only the domain's own specs count: the domain is pure, so its specs are where its rules must be pinned.
  jest: {
    projectType: 'custom',
    // jest.config.js declares two projects (the second starts the whole stack): the run takes the `unit` one's settings
    // alone, so no config file is read (package.json has no `jest` key) and the config below is the whole of it.
    configFile: 'package.json',
    config: { ...unit, displayName: undefined, testMatch: ['<rootDir>/libs/domain/src/**/*.spec.ts'] },
  },
  coverageAnalysis: 'perTest',
  // Static mutants (module-level constants: tables, schemas) are covered by every spec, so each one reruns them all:
  // about a quarter of the mutants for two thirds of the time. They are left out and counted as ignored.
  ignoreStatic: true,
  // The build machine is small and shared: two runners, and a generous timeout, since a runner that has just been
  // (re)started takes as long as the first run to warm up, and a timeout restarts it (a tight one never recovers).
  concurrency: 2,
  timeoutMS: 60000,
  incremental: true,
  incrementalFile: `${reports}/incremental.json`,
  tempDirName: `${reports}/tmp`,
  // The sandbox needs the domain, the root configs and node_modules (linked); the rest is left out to copy less.
  ignorePatterns: ['apps', 'bench', 'tests', '.data', '.nx', 'coverage', 'dist'],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `${reports}/mutation.html` },
  jsonReporter: { fileName: `${reports}/mutation.json` },
  clearTextReporter: { allowColor: false, logTests: false, reportMutants: false, reportScoreTable: true },
};
