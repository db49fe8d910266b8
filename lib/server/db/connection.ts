/**
 * The database connection, wrapped in Kysely: SQLite (the default, one better-sqlite3 handle per
 * process) or PostgreSQL (a `pg` pool), chosen by what the caller names: a file path or
 * ':memory:' is SQLite, a postgres:// URL PostgreSQL. The server's is config().database, from
 * DATABASE_URL.
 *
 * SQLite pragmas: WAL so readers never block the writer; synchronous=FULL so an acknowledged write
 * survives a power cut; foreign keys on; a busy timeout so a second process waits instead of
 * failing with SQLITE_BUSY.
 */
import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresAdapter, PostgresDialect, type SqliteDatabase, SqliteDialect, type SqliteStatement } from 'kysely';
import pg from 'pg';
import { isPostgresUrl } from '../config';
import type { Database } from './schema';

export type DB = Kysely<Database>;


/** Kysely's PostgreSQL adapter, marked: `instanceof` fails where a production build gives a route its own copy of Kysely. */
class MarkedPostgresAdapter extends PostgresAdapter {
  readonly wakelineDialect = 'postgres';
}

class MarkedPostgresDialect extends PostgresDialect {
  override createAdapter() {
    return new MarkedPostgresAdapter();
  }
}

/** Whether `db` (or a transaction's connection of it) talks to PostgreSQL. */
export function isPostgres(db: { getExecutor: () => { adapter: unknown } }): boolean {
  return (db.getExecutor().adapter as { wakelineDialect?: string }).wakelineDialect === 'postgres';
}

// 64-bit integers (counts, epoch milliseconds) as numbers: every one the app stores is far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

/** Connections per app instance: room for the import runner and the readers beside each other. */
const POOL_SIZE = 10;

function createPostgres(url: string): DB {
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE });
  // An idle connection the server ends (a restart, a failover, an administrator's terminate) is
  // dropped and replaced by the pool; unheard, the pool's 'error' would stop the process.
  pool.on('error', (err) => console.error(`[wakeline] PostgreSQL: an idle connection failed and was dropped (${err.message})`));
  return new Kysely<Database>({ dialect: new MarkedPostgresDialect({ pool }) });
}

function openSqlite(file: string): SQLite.Database {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return sqlite;
}

/** Statements kept prepared per connection: the app's distinct queries, with room to spare. */
const STATEMENT_CACHE = 500;

/**
 * The handle as Kysely sees it, with its statements kept: Kysely prepares every query it runs,
 * and preparing costs more than running for a short lookup or for a 3,500-parameter insert of
 * fixes. A statement another caller is still iterating (`busy`) is not handed out twice. SQLite
 * re-prepares a kept statement by itself after a schema change (migrations).
 */
function keepingStatements(sqlite: SQLite.Database): SqliteDatabase {
  const kept = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string): SqliteStatement {
      const known = kept.get(text);
      if (known && !known.busy) {
        // Most recently used last: the first key is the one to drop.
        kept.delete(text);
        kept.set(text, known);
        return known;
      }
      const statement = sqlite.prepare(text);
      if (!known) {
        if (kept.size >= STATEMENT_CACHE) kept.delete(kept.keys().next().value!);
        kept.set(text, statement);
      }
      return statement;
    },
  };
}

/**
 * Each Kysely instance's better-sqlite3 handle: for the few reads too big to go through Kysely's
 * row objects, and its file for a second connection to it. Kept on globalThis, as the process's
 * database is (index.ts): the production build gives the server's entry points (instrumentation,
 * each route) copies of this module of their own, and the one that opened the database must not
 * be the only one to know its handle.
 */
const HANDLES = Symbol.for('wakeline.sqliteHandles');
const handles: WeakMap<DB, SQLite.Database> = ((globalThis as { [HANDLES]?: WeakMap<DB, SQLite.Database> })[HANDLES] ??= new WeakMap());

/** Opens `target`: a SQLite file (or ':memory:'), whose better-sqlite3 handle comes with it, or a postgres:// URL (no handle). */
export function createDb(target: string): { db: DB; sqlite: SQLite.Database | null } {
  if (isPostgresUrl(target)) return { db: createPostgres(target), sqlite: null };
  return createSqlite(target);
}

/** Opens a SQLite file (or ':memory:'). */
export function createSqlite(file: string): { db: DB; sqlite: SQLite.Database } {
  const sqlite = openSqlite(file);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: keepingStatements(sqlite) }) });
  handles.set(db, sqlite);
  return { db, sqlite };
}

/**
 * The better-sqlite3 handle under `db`: a million rows read as raw arrays (`.raw(true)`) instead of
 * Kysely's objects cost a fraction of the time (GET /api/tracks, scripts/bench/tracks-api.ts).
 */
export function sqliteOf(db: DB): SQLite.Database {
  const sqlite = handles.get(db);
  if (!sqlite) throw new Error('sqliteOf: this Kysely instance was not opened by createDb on a SQLite file; open the database with createDb or getDb');
  return sqlite;
}



/** The file `db` was opened on (':memory:' for none), for a second connection to it (lib/server/db/writer.ts); null for a connection made elsewhere (a transaction's). */
export function databaseFileOf(db: DB): string | null {
  return handles.get(db)?.name ?? null;
}
