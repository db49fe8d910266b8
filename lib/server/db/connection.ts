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
import { Kysely, SqliteDialect } from 'kysely';
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

export function createDb(file: string): { db: DB; sqlite: SQLite.Database } {
  const sqlite = openSqlite(file);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, sqlite };
}
