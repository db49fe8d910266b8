import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./', import.meta.url)),
      // Tests call server modules directly; outside React Server Components the guard would throw.
      'server-only': fileURLToPath(new URL('./node_modules/server-only/empty.js', import.meta.url)),
    },
  },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/unit/setup.ts'],
    // WAKELINE_TEST_DB=postgres: a throwaway PostgreSQL cluster for the run (tests/unit/helpers.ts onPostgres).
    globalSetup: ['tests/pg-global-setup.ts'],
    pool: 'forks',
    testTimeout: 60_000,
    // Account fixtures hash passwords with scrypt (about 0.6 s and 128 MiB each): on a loaded 2-core machine a setup hook can take well over 10 s.
    hookTimeout: 60_000,
  },
});
