import { defineConfig } from 'vitest/config';

// Test tiers (docs/architecture.md#tests):
// - packages: pure unit tests of packages/*
// - server-pglite / server-postgres: the server's tests, run once on embedded PGlite and once on a real
//   PostgreSQL started by the harness (CI fails when PostgreSQL is missing; locally it is skipped loudly).
//   Files named *.unit.test.ts do not touch a database and run only in the first.
// - browser: end-to-end tests in Debian's Chromium through playwright-core.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: { name: 'packages', include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'scripts/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'server-pglite',
          include: ['apps/server/src/**/*.test.ts'],
          env: { TXNG_TEST_DB: 'pglite' },
          globalSetup: ['apps/server/test/pglite-global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'server-postgres',
          include: ['apps/server/src/**/*.test.ts'],
          exclude: ['apps/server/src/**/*.unit.test.ts'],
          env: { TXNG_TEST_DB: 'postgres' },
          globalSetup: ['apps/server/test/postgres-global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
        },
      },
    ],
  },
});
