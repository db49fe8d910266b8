/**
 * The sweep as the server starts: an import whose process died part-way is marked interrupted
 * and its stored positions removed, with a line in the log; a sweep that fails is logged and
 * does not throw (the server must still start).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DB, openReadyDatabase } from '@/lib/server/db';
import { sweepAtStart } from '@/lib/server/imports/cleanup';
import { tempDatabase } from '../helpers';
import { insertLeftRunning } from './track-files';

let tmp: ReturnType<typeof tempDatabase>;
let db: DB;

beforeEach(async () => {
  tmp = tempDatabase('sweep-at-start');
  db = await openReadyDatabase(tmp.target);
});

afterEach(async () => {
  await db.destroy().catch(() => undefined);
  tmp.cleanup();
});

const leftRunning = (owner: string) => insertLeftRunning(db, owner);

const logger = () => {
  const lines: string[] = [];
  return { lines, log: { log: (s: string) => lines.push(`log: ${s}`), error: (s: string) => lines.push(`error: ${s}`) } };
};

describe('sweepAtStart', () => {
  it('marks an import of a process that is gone interrupted, removes its positions and says so', async () => {
    // A pid that cannot be alive on this host: past Linux's largest.
    const { id, seq } = await leftRunning(`${(await import('node:os')).hostname()}:4194999:dead`);
    const { lines, log } = logger();
    expect(await sweepAtStart(db, log)).toEqual([id]);
    const row = await db.selectFrom('imports').select(['status', 'finished_at']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.status).toBe('interrupted');
    expect(row.finished_at).not.toBeNull();
    expect(await db.selectFrom('positions').select('t').where('import_seq', '=', seq).execute()).toEqual([]);
    expect(lines).toEqual([`log: [wakeline] 1 import left unfinished by a stopped process marked interrupted and removed: ${id}`]);
  });

  it('leaves an import of a live process alone and logs nothing', async () => {
    const { ownerId } = await import('@/lib/server/imports/owner');
    const { id } = await leftRunning(ownerId());
    const { lines, log } = logger();
    expect(await sweepAtStart(db, log)).toEqual([]);
    expect((await db.selectFrom('imports').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status).toBe('running');
    expect(lines).toEqual([]);
  });

  it('logs a failure instead of throwing it', async () => {
    await db.destroy();
    const { lines, log } = logger();
    expect(await sweepAtStart(db, log)).toEqual([]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^error: \[wakeline\] the sweep of unfinished imports failed \(it runs again before the next import\): /);
  });
});
