/**
 * The app's database: opened once per server process, migrated, seeded and rid of expired
 * sessions and counters before the first query; the process-wide one then prunes them every hour.
 * Server-only: route handlers call `getDb()`; nothing in the browser bundle may import this.
 */
import 'server-only';
import { basemapRouting } from '../basemap/router';
import { config } from '../config';
import { createDb, type DB } from './connection';
import { changeCounterVersion, installChangeCounter } from './change-counter';
import { migrateToLatest } from './migrate';
import { seedDatabase } from './seed';
import { seedData } from './seed-data';
import { pruneExpired, pruneExpiredPeriodically } from './prune';

export type { DB } from './connection';

/**
 * Opens, migrates, seeds and prunes expired sessions and counters of a database: a SQLite file
 * or a postgres:// URL (lib/server/db/connection.ts). Used by the server, the scripts and the tests.
 */
export async function openReadyDatabase(target: string): Promise<DB> {
  return (await openReady(target)).db;
}

interface Ready {
  db: DB;
  /** Changes whenever any connection (of any app instance) commits a write: a cache key for derived answers. */
  version: () => Promise<string>;
}

async function openReady(target: string): Promise<Ready> {
  const { db, sqlite } = createDb(target);
  try {
    await migrateToLatest(db);
    if (!sqlite) await installChangeCounter(db);
    await seedDatabase(db, seedData, basemapRouting);
    await pruneExpired(db);
  } catch (err) {
    await db.destroy();
    throw err;
  }
  if (!sqlite) return { db, version: () => changeCounterVersion(db) };
  // data_version moves on commits by other connections; total_changes() on this one's own writes.
  const versionStmt = sqlite.prepare('select (select data_version from pragma_data_version) as d, total_changes() as t');
  const version = () => {
    const r = versionStmt.get() as { d: number; t: number };
    return Promise.resolve(`${r.d}.${r.t}`);
  };
  return { db, version };
}

const globalKey = Symbol.for('wakeline.db');
type Holder = { [globalKey]?: Promise<Ready> };

function ready(): Promise<Ready> {
  const holder = globalThis as Holder;
  if (!holder[globalKey]) {
    holder[globalKey] = openReady(config().database).then(
      (r) => {
        // Once per process: the promise is kept on globalThis, so this runs once per opened database.
        pruneExpiredPeriodically(r.db);
        return r;
      },
      (err: unknown) => {
        delete holder[globalKey];
        throw err;
      },
    );
  }
  return holder[globalKey];
}

/** The process-wide database, ready to query. A failed start is retried on the next call. */
export async function getDb(): Promise<DB> {
  return (await ready()).db;
}

/** The process-wide database's current data version (see `Ready.version`). */
export async function getDataVersion(): Promise<string> {
  return (await ready()).version();
}
