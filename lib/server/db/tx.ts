import 'server-only';
import { sql } from 'kysely';
import type { DB } from './connection';

/** Connections inside an immediateTransaction: a call made with one nests as a savepoint. */
const open = new WeakSet<DB>();
let savepoints = 0;

/**
 * Runs `fn` inside the caller's transaction as a savepoint, so a write that is refused is undone
 * alone and many writes (a dataset import) can still commit or roll back together.
 */
async function savepoint<T>(trx: DB, fn: (trx: DB) => Promise<T>): Promise<T> {
  savepoints += 1;
  const name = sql.raw(`nested_${savepoints}`);
  await sql`savepoint ${name}`.execute(trx);
  try {
    const result = await fn(trx);
    await sql`release ${name}`.execute(trx);
    return result;
  } catch (err) {
    await sql`rollback to ${name}`.execute(trx);
    await sql`release ${name}`.execute(trx);
    throw err;
  }
}

/**
 * Runs `fn` in one SQLite transaction started with BEGIN IMMEDIATE: the write lock is taken up
 * front, so a read-then-write inside can never be overtaken by another writer (this process's
 * single connection is reserved for the duration; other processes wait on busy_timeout). With
 * synchronous=FULL, a commit that returned is on disk. Called with the `trx` of an outer
 * immediateTransaction, it nests as a savepoint instead of beginning a second transaction.
 */
export async function immediateTransaction<T>(db: DB, fn: (trx: DB) => Promise<T>): Promise<T> {
  if (open.has(db)) return savepoint(db, fn);
  return db.connection().execute(async (conn) => {
    open.add(conn);
    await sql`begin immediate`.execute(conn);
    try {
      const result = await fn(conn);
      await sql`commit`.execute(conn);
      return result;
    } catch (err) {
      await sql`rollback`.execute(conn).catch(() => undefined);
      throw err;
    } finally {
      open.delete(conn);
    }
  });
}
