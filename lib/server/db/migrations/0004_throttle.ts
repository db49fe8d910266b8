import 'server-only';
import type { Kysely, Migration } from 'kysely';
import { columnTypes } from './dialect';

/**
 * Rate-limit counters kept in the database, so they hold across restarts and are shared by every
 * app process on the same file: one row per key (`login:pair:…`, `login:addr:…`, `annotate:…`).
 * Times are epoch milliseconds. A row past `expires_at` means nothing and is pruned.
 */
export const throttle: Migration = {
  async up(db: Kysely<unknown>) {
    const T = columnTypes(db);
    await db.schema
      .createTable('throttle')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('hits', T.integer, (c) => c.notNull())
      .addColumn('window_start', T.integer, (c) => c.notNull())
      .addColumn('last_at', T.integer, (c) => c.notNull())
      .addColumn('expires_at', T.integer, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('throttle_expires').on('throttle').column('expires_at').execute();
  },
};
