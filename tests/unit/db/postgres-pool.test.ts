import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DB } from '@/lib/server/db';
import { createDb } from '@/lib/server/db/connection';
import { onPostgres, tempDatabase } from '../helpers';

/** PostgreSQL only: the pool outlives its connections being ended by the server. */
describe.skipIf(!onPostgres)('the PostgreSQL pool', () => {
  let tmp: ReturnType<typeof tempDatabase>;
  let db: DB;

  beforeAll(() => {
    tmp = tempDatabase('pg-pool', { empty: true });
    db = createDb(tmp.target).db;
  });

  afterAll(async () => {
    await db.destroy();
    tmp.cleanup();
  });

  it('logs an idle connection the server ends, and answers the next query on a new one', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const before = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db)).rows[0]!.pid;
      // Ended from outside, as a restart or an administrator would: the pool's idle client errors.
      const { db: admin } = createDb(tmp.target);
      try {
        await sql`select pg_terminate_backend(${before})`.execute(admin);
      } finally {
        await admin.destroy();
      }
      await vi.waitFor(() => expect(logged).toHaveBeenCalledWith(expect.stringMatching(/PostgreSQL: an idle connection failed/)), { timeout: 5000 });
      const after = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db)).rows[0]!.pid;
      expect(after).not.toBe(before);
    } finally {
      logged.mockRestore();
    }
  });
});
