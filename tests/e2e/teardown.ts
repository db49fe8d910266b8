import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/** Stops and removes the throwaway PostgreSQL cluster playwright.config.ts started (WAKELINE_E2E_DATABASE=postgres). */
export default function teardown(): void {
  const dir = process.env.WAKELINE_E2E_PG_DIR;
  if (!dir) return;
  execFileSync(process.execPath, ['scripts/pg/cluster.mjs', 'stop', dir], { stdio: 'inherit' });
  fs.rmSync(dir, { recursive: true, force: true });
}
