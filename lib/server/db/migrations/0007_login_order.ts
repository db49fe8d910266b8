import 'server-only';
import { type Kysely, type Migration, sql } from 'kysely';
import { columnTypes } from './dialect';

/**
 * Sessions numbered per account in the order they started (`ord`): the cap on live sessions ends
 * the first-started, also of two started in the same millisecond. SQLite's rowid told them apart
 * before; PostgreSQL has no rowid. Existing sessions are numbered by rowid on SQLite.
 */
export const loginOrder: Migration = {
  async up(db: Kysely<unknown>) {
    const T = columnTypes(db);
    await db.schema.alterTable('sessions').addColumn('ord', T.integer, (c) => c.notNull().defaultTo(0)).execute();
    if (!T.postgres) await sql`update sessions set ord = rowid`.execute(db);
  },
};
