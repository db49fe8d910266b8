import 'server-only';
import { sql } from 'kysely';
import type { DB } from './connection';

/**
 * Runs `fn` in one SQLite transaction started with BEGIN IMMEDIATE: the write lock is taken up
 * front, so a read-then-write inside can never be overtaken by another writer (this process's
 * single connection is reserved for the duration; other processes wait on busy_timeout). With
 * synchronous=FULL, a commit that returned is on disk.
 */
export async function immediateTransaction<T>(db: DB, fn: (trx: DB) => Promise<T>): Promise<T> {
  return db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const result = await fn(conn);
      await sql`commit`.execute(conn);
      return result;
    } catch (err) {
      await sql`rollback`.execute(conn).catch(() => undefined);
      throw err;
    }
  });
}
