import { BED_TESTS } from './test/projects.js';

/** Jest in ESM mode: @actions/core 3 and @actions/exec 3 are ESM only. */
const common = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true }] },
  setupFilesAfterEnv: ['<rootDir>/test/support/project-timeout.ts'],
};

const inRoot = (globs) => globs.map((g) => `<rootDir>/${g}`);

export default {
  // Bed tests each start real servers; two workers match the two cores CI has.
  maxWorkers: 2,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/test/**/*.test.ts', ...BED_TESTS.map((g) => `!**/${g}`)],
      // Pure code: a unit test that needs longer than this is waiting on something it should not.
      globals: { projectTestTimeout: 10000 },
    },
    {
      ...common,
      displayName: 'bed',
      testMatch: inRoot(BED_TESTS),
      // Real Gogs, the emulator, git and bundled doors as processes.
      globals: { projectTestTimeout: 120000 },
    },
  ],
};
