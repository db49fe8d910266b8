import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT || 3107);
/** WAKELINE_E2E_DATABASE=postgres: the server runs on a database of a throwaway PostgreSQL cluster (scripts/pg/cluster.mjs) instead of a SQLite file. */
const onPostgres = process.env.WAKELINE_E2E_DATABASE === 'postgres';

/** A throwaway cluster with an empty database `e2e`; its folder is kept for the teardown (tests/e2e/teardown.ts). */
function postgresDatabase(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wakeline-e2e-pg-'));
  process.env.WAKELINE_E2E_PG_DIR = dir;
  const url = new URL(execFileSync(process.execPath, ['scripts/pg/cluster.mjs', 'start', dir], { encoding: 'utf8' }).trim());
  execFileSync('psql', ['-h', url.hostname, '-p', url.port, '-U', url.username, '-d', 'postgres', '-qc', 'create database e2e']);
  url.pathname = '/e2e';
  return url.toString();
}

// Set once in the main process and inherited by the workers, so tests can run the user CLI
// against the very database the server uses (tests/e2e/accounts.ts): a SQLite file or a postgres:// URL.
const database = (process.env.WAKELINE_E2E_DB ||= onPostgres ? postgresDatabase() : path.join(os.tmpdir(), `wakeline-e2e-${process.pid}-${Date.now()}.sqlite`));

/**
 * End-to-end tests in the system Chromium (never a downloaded browser) against the production
 * build served as `npm start` serves it (server/index.mjs), with a fresh temporary database seeded
 * by the server as it starts: a SQLite file, or PostgreSQL with WAKELINE_E2E_DATABASE=postgres.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  globalTeardown: './tests/e2e/teardown.ts',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  timeout: 45_000,
  expect: { timeout: 10_000 },
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], viewport: { width: 1366, height: 850 } } }],
  webServer: {
    command: 'node server/index.mjs',
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      WAKELINE_ORIGIN: `http://127.0.0.1:${port}`,
      DATABASE_URL: onPostgres ? database : `file:${database}`,
      NODE_ENV: 'production',
      WAKELINE_TILE_URL: '',
    },
  },
});
