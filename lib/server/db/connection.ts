/**
 * The SQLite connection: one better-sqlite3 handle per process, wrapped in Kysely.
 *
 * Pragmas: WAL so readers never block the writer; synchronous=FULL so an acknowledged write
 * survives a power cut; foreign keys on; a busy timeout so a second process waits instead of
 * failing with SQLITE_BUSY. Which file: the caller says (the server's is config().databaseFile,
 * from DATABASE_URL).
 */
import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, type SqliteDatabase, SqliteDialect, type SqliteStatement } from 'kysely';
import type { Database } from './schema';

export type DB = Kysely<Database>;

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
 * Each Kysely instance's better-sqlite3 handle, for the few reads too big to go through Kysely's
 * row objects. Kept on globalThis, like the process's database (index.ts): Next.js bundles this
 * module into each route separately, and a route must find the handle another bundle opened.
 */
const handlesKey = Symbol.for('wakeline.sqlite-handles');
const handles = ((globalThis as { [handlesKey]?: WeakMap<DB, SQLite.Database> })[handlesKey] ??= new WeakMap());

export function createDb(file: string): { db: DB; sqlite: SQLite.Database } {
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
  if (!sqlite) throw new Error('sqliteOf: this Kysely instance was not opened by createDb; open the database with createDb or getDb');
  return sqlite;
}
