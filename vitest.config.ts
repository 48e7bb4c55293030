import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// API test files run side by side, one per core (at most 4) by default; DVK_TEST_WORKERS=1 runs them one by one.
const workers = Number(process.env.DVK_TEST_WORKERS) || Math.max(1, Math.min(availableParallelism(), 4));

// Tiers, chosen with --project: pure domain code, the API through real HTTP and a real database,
// whole processes on an embedded database (run once: they do not depend on DVK_TEST_DATABASE_URL),
// and the browser journeys in Chromium. The API and browser tiers start from databases built once
// per run (tests/support/fixtures.ts), each test file on a private copy.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'domain', include: ['tests/domain/**/*.test.ts'] } },
      {
        test: {
          name: 'api',
          include: ['tests/api/**/*.test.ts'],
          // Its own tier: it starts its own primary and streaming replica, whatever the engine of the run.
          exclude: ['tests/api/replica.test.ts'],
          // The migrated and seeded databases are built once; each file opens a private copy.
          globalSetup: ['tests/support/fixtures.ts'],
          testTimeout: 60_000,
          // A file's start (its copy of the database, its sign-ins) shares the cores with the other file.
          hookTimeout: 300_000,
          maxWorkers: workers,
        },
      },
      // A real primary and streaming replica started by the test itself (no prepared databases).
      { test: { name: 'replica', include: ['tests/api/replica.test.ts'], testTimeout: 60_000, hookTimeout: 300_000 } },
      { test: { name: 'process', include: ['tests/process/**/*.test.ts'], testTimeout: 300_000, hookTimeout: 300_000 } },
      {
        test: {
          name: 'browser',
          // A browser test that fails is run once more; its first failure still shows in the output.
          retry: 1,
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/support/fixtures.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // Two files side by side: much of a browser test is waiting (animations, round trips), so a
          // second file fills the other core; DVK_BROWSER_WORKERS=1 runs them one by one.
          maxWorkers: Number(process.env.DVK_BROWSER_WORKERS) || 2,
        },
      },
    ],
  },
});
