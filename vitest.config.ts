import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'contracts/**/*.test.ts', 'cli/**/*.test.ts', 'web/**/*.test.ts'],
    globalSetup: ['server/test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // PGlite has been seen spinning inside WebAssembly when two test workers run at once (upstream issue); one
    // worker on the embedded database, two against a PostgreSQL server.
    maxWorkers: process.env.DATABASE_URL ? 2 : 1,
  },
});
