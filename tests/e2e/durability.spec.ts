/**
 * Durability: acknowledged annotation writes survive the server being killed outright (SIGKILL,
 * no shutdown hooks) right after the acknowledgements. Runs its own server (server/index.mjs) on its own port
 * and temporary database.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import seedVoyages from '../../data/seed/voyages.json';
import { PASSWORD, addUser } from './accounts';
import { startOwnServer, waitUp } from './own-server';

const port = Number(process.env.E2E_PORT || 3107) + 37;
const origin = `http://127.0.0.1:${port}`;

function kill(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    process.kill(-child.pid!, 'SIGKILL');
  });
}

test('acknowledged annotations survive a SIGKILL of the server', async () => {
  test.setTimeout(150_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wakeline-durability-'));
  const dbFile = path.join(dir, 'db.sqlite');
  let server = startOwnServer(port, `file:${dbFile}`);
  try {
    await waitUp(origin);
    addUser('dana', 'editor', dbFile);
    const login = await fetch(`${origin}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: origin },
      body: JSON.stringify({ username: 'dana', password: PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const voyage = seedVoyages[0]!.id;
    const write = (i: number) =>
      fetch(`${origin}/api/voyages/${voyage}/annotations`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: origin, Cookie: cookie },
        body: JSON.stringify({ body: `durable note ${i}`, location: [131 + i / 100, 42.5] }),
      });
    const acknowledged: string[] = [];
    // Some one after another, then a burst at once; the kill follows the last acknowledgement.
    for (let i = 0; i < 10; i++) {
      const r = await write(i);
      expect(r.status).toBe(201);
      acknowledged.push((await r.json()).annotation.id);
    }
    const burst = await Promise.all(Array.from({ length: 15 }, (_, i) => write(10 + i)));
    for (const r of burst) {
      expect(r.status).toBe(201);
      acknowledged.push((await r.json()).annotation.id);
    }
    const edit = await fetch(`${origin}/api/annotations/${acknowledged[0]}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', Origin: origin, Cookie: cookie },
      body: JSON.stringify({ version: 1, body: 'durable note 0, edited' }),
    });
    expect(edit.status).toBe(200);
    await kill(server);

    server = startOwnServer(port, `file:${dbFile}`);
    await waitUp(origin);
    const list = await (await fetch(`${origin}/api/voyages/${voyage}/annotations`)).json();
    const ids = new Set(list.annotations.map((a: { id: string }) => a.id));
    expect(acknowledged.filter((id) => !ids.has(id))).toEqual([]);
    expect(list.annotations.find((a: { id: string }) => a.id === acknowledged[0]).body).toBe('durable note 0, edited');
    const history = await (await fetch(`${origin}/api/annotations/${acknowledged[0]}/history`)).json();
    expect(history.revisions.map((r: { action: string }) => r.action)).toEqual(['create', 'edit']);
  } finally {
    await kill(server);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
