import 'server-only';
import { sql, type Kysely, type Migration } from 'kysely';
import { columnTypes } from './dialect';

/** The tables a voyage list answer is made from: a write to any of them moves the counter. */
const LISTED = ['voyages', 'voyage_sources', 'vessels', 'ports'] as const;
const WRITES = ['insert', 'update', 'delete'] as const;

/**
 * What GET /api/voyages needs at 100,000 voyages (lib/server/db/voyage-index.ts):
 *
 * - `voyages_listing`: the list order (earliest departure, id) with every column a filter reads,
 *   so the whole ordered list is read from the index alone, never from the wide rows with their
 *   route geometry. It starts as `voyages_departure` did, which it replaces.
 * - `change_counts`: a counter (`voyages`) moved by triggers on every write to the tables a listed
 *   voyage is made from, in the writing transaction, by whichever connection or process writes.
 *   What is derived from them is kept until it moves: sign-ins, annotations and track imports,
 *   which also commit, leave it alone.
 */
export const voyageListing: Migration = {
  async up(db: Kysely<unknown>) {
    const T = columnTypes(db);
    await db.schema
      .createIndex('voyages_listing')
      .on('voyages')
      .columns(['departure_earliest', 'id', 'status', 'deleted_at', 'arrival_latest', 'vessel_id', 'origin_port_id', 'destination_port_id', 'confidence'])
      .execute();
    await db.schema.dropIndex('voyages_departure').execute();
    await db.schema
      .createTable('change_counts')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('n', T.integer, (c) => c.notNull())
      .execute();
    await sql`insert into change_counts (name, n) values ('voyages', 0)`.execute(db);
    if (T.postgres) {
      // PostgreSQL: one function, and a statement-level trigger per table (a bulk write moves it once).
      await sql`create or replace function wakeline_count_voyages() returns trigger language plpgsql as $$
        begin
          update change_counts set n = n + 1 where name = 'voyages';
          return null;
        end $$`.execute(db);
      for (const table of LISTED) {
        await sql`create trigger ${sql.id(`${table}_counts`)} after insert or update or delete on ${sql.table(table)}
          for each statement execute function wakeline_count_voyages()`.execute(db);
      }
      return;
    }
    for (const table of LISTED) {
      for (const write of WRITES) {
        // Identifiers from the constant lists above; SQLite takes no parameters in a trigger's definition.
        await sql`create trigger ${sql.id(`${table}_${write}_counts`)} after ${sql.raw(write)} on ${sql.table(table)}
          begin update change_counts set n = n + 1 where name = 'voyages'; end`.execute(db);
      }
    }
  },
};
