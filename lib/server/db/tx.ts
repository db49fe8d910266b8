import 'server-only';
import { sql } from 'kysely';
import { type DB, isPostgres } from './connection';

/**
 * The lock every writing transaction on PostgreSQL takes first: writers run one at a time, as on
 * SQLite, so a read-then-write inside one is never overtaken by another writer of any instance.
 */
const WRITE_LOCK = 0x5741_4b45;

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
 *
 * On PostgreSQL: a transaction on one pooled connection that first takes WRITE_LOCK (an advisory
 * lock held to its end), the same guarantee across every app instance on the database.
 */
export async function immediateTransaction<T>(db: DB, fn: (trx: DB) => Promise<T>): Promise<T> {
  if (open.has(db)) return savepoint(db, fn);
  return db.connection().execute(async (conn) => {
    open.add(conn);
    if (isPostgres(conn)) {
      await sql`begin`.execute(conn);
      await sql`select pg_advisory_xact_lock(${WRITE_LOCK})`.execute(conn);
    } else {
      await sql`begin immediate`.execute(conn);
    }
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
