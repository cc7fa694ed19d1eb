/** Jest in native ESM mode (NestJS 12 packages are ESM only); ts-jest transpiles the TypeScript. */
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testRegex: '\\.(e2e-)?spec\\.ts$',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }] },
  globalSetup: '<rootDir>/test/support/global-setup.mjs',
  setupFilesAfterEnv: ['<rootDir>/test/support/every-test-asserts.ts'],
  globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
  testTimeout: 60_000,
  // Files run in parallel: each boots its own app on its own database (test/support/test-app.ts) and takes ports
  // only from listen(0) or free-port.mjs. Three workers on a 2-core machine: the files wait on PostgreSQL, Chromium,
  // retries and timers much of the time, so one worker more than cores was fastest (whole suite, quiet 2-core
  // machine, three runs each: 2 workers 82-88 s, 3 workers 73-80 s, 4 workers 77-81 s).
  maxWorkers: 3,
};
