/**
 * The app's database: opened once per server process, migrated and seeded before the first query.
 * Server-only: route handlers call `getDb()`; nothing in the browser bundle may import this.
 */
import 'server-only';
import { createDb, databasePath, type DB } from './connection';
import { migrateToLatest } from './migrate';
import { basemapRouter } from './router';
import { seedDatabase } from './seed';
import { seedData } from './seed-data';

export type { DB } from './connection';

/** Opens, migrates and seeds a database file. Used by the server, the scripts and the tests. */
export async function openReadyDatabase(file: string): Promise<DB> {
  const { db } = createDb(file);
  await migrateToLatest(db);
  await seedDatabase(db, seedData, basemapRouter());
  return db;
}

const globalKey = Symbol.for('wakeline.db');
type Holder = { [globalKey]?: Promise<DB> };

/** The process-wide database, ready to query. A failed start is retried on the next call. */
export function getDb(): Promise<DB> {
  const holder = globalThis as Holder;
  if (!holder[globalKey]) {
    holder[globalKey] = openReadyDatabase(databasePath()).catch((err: unknown) => {
      delete holder[globalKey];
      throw err;
    });
  }
  return holder[globalKey];
}
