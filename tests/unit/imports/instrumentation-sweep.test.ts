/**
 * The server's start (instrumentation.ts's register, as Next.js calls it in the Node.js runtime)
 * sweeps an import a dead process left running: the import reads as interrupted and its stored
 * positions are gone before the first request.
 */
import os from 'node:os';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { openReadyDatabase } from '@/lib/server/db';
import { tempDatabase } from '../helpers';
import { insertLeftRunning } from './track-files';

let tmp: ReturnType<typeof tempDatabase>;
const saved = { runtime: process.env.NEXT_RUNTIME, url: process.env.DATABASE_URL };

beforeEach(() => {
  tmp = tempDatabase('instrumentation');
});

afterEach(async () => {
  vi.restoreAllMocks();
  const { getDb } = await import('@/lib/server/db');
  await (await getDb()).destroy();
  for (const [key, value] of [['NEXT_RUNTIME', saved.runtime], ['DATABASE_URL', saved.url]] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  tmp.cleanup();
});

/** Writes, through a connection of its own then closed, an import left running by `owner` with three positions. */
async function leftRunning(target: string, owner: string): Promise<{ id: string; seq: number }> {
  const db = await openReadyDatabase(target);
  try {
    return await insertLeftRunning(db, owner);
  } finally {
    await db.destroy();
  }
}

it('register() sweeps an import left running by a dead process as the server starts', async () => {
  // A pid that cannot be alive on this host: past Linux's largest.
  const { id, seq } = await leftRunning(tmp.target, `${os.hostname()}:4194999:dead`);
  process.env.NEXT_RUNTIME = 'nodejs';
  process.env.DATABASE_URL = tmp.url;
  const { resetConfigForTests } = await import('@/lib/server/config');
  resetConfigForTests();
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);

  const { register } = await import('@/instrumentation');
  await register();

  // Read through the server's own connection, which register() opened on DATABASE_URL.
  const { getDb } = await import('@/lib/server/db');
  const db = await getDb();
  const row = await db.selectFrom('imports').select(['status', 'finished_at']).where('id', '=', id).executeTakeFirstOrThrow();
  expect(row.status).toBe('interrupted');
  expect(row.finished_at).not.toBeNull();
  expect(await db.selectFrom('positions').select('t').where('import_seq', '=', seq).execute()).toEqual([]);
  expect(log.mock.calls.map((c) => String(c[0]))).toContain(`[wakeline] 1 import left unfinished by a stopped process marked interrupted and removed: ${id}`);
});
