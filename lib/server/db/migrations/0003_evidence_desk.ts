import 'server-only';
import { sql, type Kysely, type Migration } from 'kysely';
import { columnTypes } from './dialect';

const RECORD_TABLES = ['sources', 'ports', 'vessels', 'voyages', 'observations', 'claims'] as const;

/**
 * The evidence desk: every record gets a version, a status (`draft` until a second person
 * publishes it; every existing row is published) and a soft deletion; a published record's
 * proposed change waits in `record_pending`; every change leaves a `record_revisions` row. The
 * hedge columns say how sure each record is: a claim's count keeps its qualifier and the source's
 * words, a sighting or voyage says who identified the ship and how, a voyage how it is known.
 * Existing rows get NULL hedges ("not recorded"): the seed revision step fills the seeded ones.
 */
export const evidenceDesk: Migration = {
  async up(db: Kysely<unknown>) {
    const T = columnTypes(db);
    for (const table of RECORD_TABLES) {
      await db.schema
        .alterTable(table)
        .addColumn('version', T.integer, (c) => c.notNull().defaultTo(1))
        .execute();
      await db.schema
        .alterTable(table)
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('published').check(sql`status in ('draft', 'published')`))
        .execute();
      await db.schema.alterTable(table).addColumn('deleted_at', 'text').execute();
      await db.schema
        .alterTable(table)
        .addColumn('deleted_by', T.integer, (c) => c.references('users.id'))
        .execute();
    }

    // `min_count` said "at least" for figures that were "about" or "as many as": the column keeps
    // its values under the neutral name, and the qualifier says how the source put it.
    await db.schema.alterTable('claims').renameColumn('min_count', 'count').execute();
    await db.schema
      .alterTable('claims')
      .addColumn('count_qualifier', 'text', (c) =>
        c.check(sql`count_qualifier in ('exact', 'at_least', 'about', 'more_than', 'as_many_as', 'up_to')`),
      )
      .execute();
    await db.schema.alterTable('claims').addColumn('count_as_reported', 'text').execute();
    await db.schema
      .alterTable('claims')
      .addColumn('read_in_source_ids', 'text', (c) => c.notNull().defaultTo('[]'))
      .execute();
    await db.schema.alterTable('observations').addColumn('identification', 'text').execute();
    await db.schema.alterTable('voyages').addColumn('identification', 'text').execute();
    await db.schema.alterTable('voyages').addColumn('basis', 'text').execute();
    await db.schema
      .alterTable('vessels')
      .addColumn('identity_history', 'text', (c) => c.notNull().defaultTo('[]'))
      .execute();

    await db.schema
      .createTable('record_pending')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('record_id', 'text', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('base_version', T.integer, (c) => c.notNull())
      .addColumn('author_id', T.integer, (c) => c.references('users.id'))
      .addColumn('reason', 'text')
      .addColumn('at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('record_pending_pk', ['kind', 'record_id'])
      .execute();

    await db.schema
      .createTable('record_revisions')
      .addColumn('id', T.integer, T.serial)
      .addColumn('kind', 'text', (c) =>
        c.notNull().check(sql`kind in ('source', 'port', 'vessel', 'observation', 'voyage', 'claim')`),
      )
      .addColumn('record_id', 'text', (c) => c.notNull())
      .addColumn('version', T.integer, (c) => c.notNull())
      .addColumn('action', 'text', (c) =>
        c.notNull().check(sql`action in ('create', 'edit', 'propose', 'publish', 'delete', 'restore')`),
      )
      .addColumn('actor_id', T.integer, (c) => c.references('users.id'))
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('reason', 'text')
      .addColumn('before', 'text')
      .addColumn('after', 'text')
      .execute();
    await db.schema.createIndex('record_revisions_record').on('record_revisions').columns(['kind', 'record_id', 'id']).execute();

    await db.schema.alterTable('seed_log').addColumn('record_hash', 'text').execute();
  },
};
