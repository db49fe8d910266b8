/**
 * PostgreSQL's data version: one counter row, moved by a statement-level trigger on every table
 * that holds the app's data, in the writing transaction itself. Every app instance on the database
 * reads the same counter, so a write on one invalidates the answers every other one caches
 * (app/api/_lib/cache.ts), and a reader never sees a version whose data it cannot see yet (the row
 * moves at commit, as the data does). SQLite's equivalent is `pragma data_version` (index.ts).
 *
 * Installed after the migrations and again at every start (idempotent): a table a later migration
 * adds gets its trigger without one of its own.
 */
import 'server-only';
import { sql } from 'kysely';
import type { DB } from './connection';

/**
 * Tables whose writes change no answer: sign-in bookkeeping, the migrator's own, and the counters
 * themselves (`change_counts` moves only with a write to a counted table, which moved this one).
 */
const UNCOUNTED = ['change_counter', 'change_counts', 'sessions', 'throttle', 'kysely_migration', 'kysely_migration_lock'];

/**
 * The app's tables on PostgreSQL: positions' partitions not counted apart, an extension's tables
 * (PostGIS's spatial_ref_sys) left out.
 */
export async function postgresTables(db: DB): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind in ('r', 'p') and not c.relispartition
      and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')`.execute(db);
  return rows.map((r) => r.name);
}

export async function installChangeCounter(db: DB): Promise<void> {
  await sql`create table if not exists change_counter (id integer primary key check (id = 1), n bigint not null)`.execute(db);
  await sql`insert into change_counter (id, n) values (1, 0) on conflict (id) do nothing`.execute(db);
  await sql`create or replace function wakeline_count_change() returns trigger language plpgsql as $$
    begin
      update change_counter set n = n + 1 where id = 1;
      return null;
    end $$`.execute(db);
  // Partitions left out: a statement on positions fires the trigger of positions itself.
  const tables = await postgresTables(db);
  for (const name of tables) {
    if (UNCOUNTED.includes(name)) continue;
    await sql`create or replace trigger wakeline_count_change after insert or update or delete or truncate on ${sql.table(name)}
      for each statement execute function wakeline_count_change()`.execute(db);
  }
}

/** The counter as a version string. */
export async function changeCounterVersion(db: DB): Promise<string> {
  const row = await sql<{ n: number }>`select n from change_counter where id = 1`.execute(db);
  return `pg.${row.rows[0]?.n ?? 0}`;
}
