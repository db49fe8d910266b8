/**
 * The import queue is one per process even where the production build gives each route a copy of
 * its module (POST /api/imports starts, DELETE /api/imports/{id} cancels): two copies of the module
 * here, made with vi.resetModules, must share the queue and the runners' abort controllers.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/core/domain/permissions';
import { marineCadastreLines, syntheticTrack } from '@/lib/core/track';
import { type DB, openReadyDatabase } from '@/lib/server/db';
import { createUser } from '@/lib/server/db/users';
import { tempDatabase } from '../helpers';
import { PORTS } from './track-files';

const tmp = tempDatabase('queue-copies');
let db: DB;
let actor: Actor;
let lines: string;

beforeAll(async () => {
  db = await openReadyDatabase(tmp.target);
  const u = await createUser(db, { username: 'ada', role: 'admin', password: 'correct horse battery' });
  actor = { id: u.id, username: u.username, role: 'admin' };
  // 100,000 fixes: five batches, seconds of work, so a queue that did not wait would be caught running.
  lines = `${[...marineCadastreLines(syntheticTrack({ seed: 5, ports: PORTS, vessels: 2, fixesPerVessel: 50_000, gapProbability: 0 }))].join('\n')}\n`;
});

afterAll(async () => {
  await db.destroy();
  tmp.cleanup();
});

/** A fresh copy of the file to import (the queue deletes it when done), the nth with other times. */
function upload(n: number): string {
  const file = path.join(tmp.dir, `big-${n}.csv`);
  fs.writeFileSync(file, n === 0 ? lines : lines.replaceAll(',2024-', ',2023-'));
  return file;
}

async function twoCopies() {
  const first = await import('@/lib/server/imports/queue');
  vi.resetModules();
  const second = await import('@/lib/server/imports/queue');
  return [first, second] as const;
}

describe('the import queue across copies of its module', () => {
  it('waits, from one copy, for an import another copy started', async () => {
    const [a, b] = await twoCopies();
    expect(a.importsSettled).not.toBe(b.importsSettled);
    const started = await a.acceptImport(db, { file: upload(0), fileName: 'big-0.csv', actor });
    expect(started.status).toBe('running');
    await b.importsSettled();
    const row = await db.selectFrom('imports').select(['status', 'positions_added']).where('id', '=', started.id).executeTakeFirstOrThrow();
    expect(row.status).toBe('done');
    expect(row.positions_added).toBeGreaterThan(90_000);
  }, 120_000);

  it('cancels, from one copy, an import another copy runs, and nothing of it stays', async () => {
    const [a, b] = await twoCopies();
    const started = await a.acceptImport(db, { file: upload(1), fileName: 'big-1.csv', actor });
    expect((await b.cancelImport(db, started.id)).status).toBe('cancelled');
    await a.importsSettled();
    const row = await db.selectFrom('imports').select(['status', 'seq']).where('id', '=', started.id).executeTakeFirstOrThrow();
    expect(row.status).toBe('cancelled');
    expect(await db.selectFrom('positions').select('t').where('import_seq', '=', row.seq).execute()).toEqual([]);
  }, 120_000);
});
