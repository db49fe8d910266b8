/**
 * Two app instances on one PostgreSQL database (issue 13): a write through one is seen through the
 * other at once, both by its API (whose answers are cached per data version: the change counter
 * every instance reads, lib/server/db/change-counter.ts) and by a reader's page. Runs its own
 * throwaway cluster (scripts/pg/cluster.mjs) and two production servers (server/index.mjs, as
 * `npm start` serves it) on ports of their own. Skipped where PostgreSQL is not installed; CI
 * installs it (.ci/run).
 */
import { type ChildProcess, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import seedVoyages from '../../data/seed/voyages.json';
import { PASSWORD, addUser } from './accounts';
import { startOwnServer, waitUp } from './own-server';

/** The cluster script, run as its own process (Playwright's loader does not take its ES module). */
const cluster = (command: 'start' | 'stop', dir: string) => execFileSync(process.execPath, ['scripts/pg/cluster.mjs', command, dir], { encoding: 'utf8' }).trim();

const installed = fs.existsSync('/usr/share/postgresql/15/extension/postgis.control');
const base = Number(process.env.E2E_PORT || 3107) + 41;
const origins = [`http://127.0.0.1:${base}`, `http://127.0.0.1:${base + 1}`] as const;

const publicIds = async (origin: string) => ((await (await fetch(`${origin}/api/voyages?limit=5000`)).json()) as { voyages: { id: string }[] }).voyages.map((v) => v.id);

test.describe('two instances on one PostgreSQL', () => {
  test.skip(!installed, 'PostgreSQL with PostGIS is not installed (Debian: postgresql, postgresql-15-postgis-3)');
  let dir: string;
  let url: string;
  const servers: ChildProcess[] = [];

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wakeline-e2e-pg-'));
    const started = new URL(cluster('start', dir));
    execFileSync('psql', ['-h', started.hostname, '-p', started.port, '-U', started.username, '-d', 'postgres', '-qc', 'create database two']);
    started.pathname = '/two';
    url = started.toString();
    // The first migrates and seeds; the second starts on the ready database.
    servers.push(startOwnServer(base, url));
    await waitUp(origins[0], 90_000);
    servers.push(startOwnServer(base + 1, url));
    await waitUp(origins[1], 90_000);
    addUser('ada', 'admin', url);
  });

  test.afterAll(() => {
    for (const s of servers) if (s.pid && s.exitCode === null) process.kill(-s.pid, 'SIGKILL');
    if (dir) {
      cluster('stop', dir);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a voyage deleted through one is gone from the other’s list and page at once', async ({ page }) => {
    const [a, b] = origins;
    const voyage = seedVoyages[0]!;
    // Both answer the same list; the second's answer is now cached (an ETag per data version).
    expect(await publicIds(a)).toContain(voyage.id);
    const before = await fetch(`${b}/api/voyages?limit=5000`);
    const etag = before.headers.get('etag');
    expect(etag).toBeTruthy();
    expect((await fetch(`${b}/api/voyages?limit=5000`, { headers: { 'If-None-Match': etag! } })).status).toBe(304);
    await page.goto(`${b}/`);
    await expect(page.getByRole('heading', { name: /Voyages/ })).toContainText(`(${seedVoyages.length})`);

    const login = await fetch(`${a}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: a }, body: JSON.stringify({ username: 'ada', password: PASSWORD }) });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const removed = await fetch(`${a}/api/voyages/${voyage.id}`, { method: 'DELETE', headers: { Origin: a, Cookie: cookie } });
    expect(removed.status).toBe(200);

    // The second instance: its cached answer is stale at once (no wait, no retry).
    const after = await fetch(`${b}/api/voyages?limit=5000`, { headers: { 'If-None-Match': etag! } });
    expect(after.status).toBe(200);
    expect(((await after.json()) as { voyages: { id: string }[] }).voyages.map((v) => v.id)).not.toContain(voyage.id);
    await page.reload();
    await expect(page.getByRole('heading', { name: /Voyages/ })).toContainText(`(${seedVoyages.length - 1})`);
    await page.screenshot({ path: 'test-results/two-instances-after.png' });
  });
});
