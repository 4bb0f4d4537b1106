// Two tiers: `unit` specs sit beside the code (no services); `stack` suites in tests/ run against the real
// Postgres and Temporal that tests/support/global-setup.mjs brings up once per run.
const fs = require('node:fs');
const swc = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swc.$schema;
const transform = { '^.+\\.(t|j)sx?$': ['@swc/jest', { ...swc, swcrc: false }] };

module.exports = {
  // Global, not per project: Jest reads testTimeout only at the top level.
  testTimeout: 60000,
  projects: [
    {
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,workflows}/**/src/**/*.spec.ts', '<rootDir>/tests/*.spec.ts', '<rootDir>/bench/**/*.spec.js'],
      testPathIgnorePatterns: ['/node_modules/'],
      // .data holds run state, including Stryker's sandbox copies of the packages (`npm run test:mutation`).
      modulePathIgnorePatterns: ['<rootDir>/.data/'],
      transform,
      // NestJS 12 ships ES modules only; compiled to CommonJS here so API services can be specced with fakes.
      transformIgnorePatterns: ['/node_modules/(?!@nestjs/)'],
      testEnvironment: 'node',
    },
    {
      displayName: 'stack',
      testMatch: ['<rootDir>/tests/{integration,e2e}/**/*.test.ts'],
      modulePathIgnorePatterns: ['<rootDir>/.data/'],
      transform,
      testEnvironment: 'node',
      globalSetup: '<rootDir>/tests/support/global-setup.mjs',
      globalTeardown: '<rootDir>/tests/support/global-teardown.mjs',
      slowTestThreshold: 30,
    },
  ],
};
