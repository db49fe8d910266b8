import 'server-only';
import { sql, type Kysely, type Migration } from 'kysely';
import { columnTypes } from './dialect';

/**
 * Tracks (issue 12): imports of position files, the positions they brought, and the events
 * detected in each vessel's track.
 *
 * - `imports`: one row per import, with its progress counters and report. `seq` is the integer
 *   key positions carry (a uuid per position would double the table); `id` is the public uuid.
 *   `owner` and `heartbeat_at` say which process runs it, so a sweep can tell an import whose
 *   process died (`kill -9`) from one still running. A file's sha256 is unique among completed
 *   imports that are not themselves duplicates: re-importing a file adds nothing.
 * - `positions`: keyed by (vessel_id, t), WITHOUT ROWID on SQLite (on PostgreSQL: see below): the key is the unique rule (overlapping
 *   data adds nothing twice) and the order a vessel's track is read in, in one B-tree. No foreign
 *   key to vessels: positions are written, batch by batch, before the draft vessel they name is
 *   created in the import's final transaction. Readers see only positions of imports whose status
 *   is `done` (lib/server/imports/visible.ts); `positions_import` lets a cancelled or interrupted
 *   import's rows be deleted in short batches.
 * - `track_events`: a vessel's detected events, replaced whenever its track changes. `key` names
 *   the event across detections (kind, port, times) so the drafts made from it are made once.
 * - `track_drafts`: which draft record (observation, voyage) was made for which event key.
 */
export const tracks: Migration = {
  async up(db: Kysely<unknown>) {
    const T = columnTypes(db);
    await db.schema
      .createTable('imports')
      .addColumn('seq', T.integer, T.serial)
      .addColumn('id', 'text', (c) => c.notNull().unique())
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('format', 'text', (c) => c.notNull())
      .addColumn('options', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('checksum', 'text', (c) => c.notNull())
      .addColumn('size_bytes', T.integer, (c) => c.notNull())
      .addColumn('status', 'text', (c) =>
        c.notNull().check(sql`status in ('running', 'done', 'failed', 'cancelled', 'interrupted')`),
      )
      .addColumn('bytes_read', T.integer, (c) => c.notNull().defaultTo(0))
      .addColumn('rows_read', T.integer, (c) => c.notNull().defaultTo(0))
      .addColumn('positions_added', T.integer, (c) => c.notNull().defaultTo(0))
      .addColumn('rejected_count', T.integer, (c) => c.notNull().defaultTo(0))
      .addColumn('rejected_sample', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('vessel_ids', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('summary', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('duplicate_of', 'text')
      .addColumn('error', 'text')
      .addColumn('created_by', T.integer, (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('finished_at', 'text')
      .addColumn('source_id', 'text', (c) => c.references('sources.id'))
      .addColumn('licence', 'text')
      .addColumn('owner', 'text', (c) => c.notNull())
      .addColumn('heartbeat_at', T.integer, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('imports_checksum_done')
      .on('imports')
      .column('checksum')
      .unique()
      .where(sql.ref('status'), '=', 'done')
      .where(sql.ref('duplicate_of'), 'is', null)
      .execute();
    await db.schema.createIndex('imports_created').on('imports').columns(['created_at', 'seq']).execute();

    let positions = db.schema
      .createTable('positions')
      .addColumn('vessel_id', 'text', (c) => c.notNull())
      .addColumn('t', T.integer, (c) => c.notNull())
      .addColumn('import_seq', T.integer, (c) => c.notNull())
      .addColumn('lon', T.real, (c) => c.notNull())
      .addColumn('lat', T.real, (c) => c.notNull())
      .addColumn('sog', T.real)
      .addColumn('cog', T.real);
    if (T.postgres) {
      // PostgreSQL (issue 13): a PostGIS point made from lon and lat by the database (so writers
      // stay the same), the table partitioned by month of `t` (lib/server/db/partitions.ts makes
      // each month's partition before rows for it arrive; a default partition takes the rest), a
      // GiST index for spatial queries and a time index.
      positions = positions
        .addColumn('geom', sql`geometry(Point, 4326)`, (c) => c.generatedAlwaysAs(sql`ST_SetSRID(ST_MakePoint(lon, lat), 4326)`).stored())
        .addPrimaryKeyConstraint('positions_pk', ['vessel_id', 't'])
        .modifyEnd(sql`partition by range (t)`);
    } else {
      positions = positions.addPrimaryKeyConstraint('positions_pk', ['vessel_id', 't']).modifyEnd(sql`without rowid`);
    }
    await positions.execute();
    if (T.postgres) {
      await sql`create table positions_default partition of positions default`.execute(db);
      await sql`create index positions_geom on positions using gist (geom)`.execute(db);
      await sql`create index positions_t on positions (t)`.execute(db);
    }
    await db.schema.createIndex('positions_import').on('positions').columns(['import_seq', 'vessel_id', 't']).execute();

    await db.schema
      .createTable('track_events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('vessel_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('port_call', 'gap', 'possible_port_call')`))
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('t_start', T.integer, (c) => c.notNull())
      .addColumn('t_end', T.integer, (c) => c.notNull())
      .addColumn('import_ids', 'text', (c) => c.notNull().defaultTo('[]'))
      .execute();
    await db.schema.createIndex('track_events_vessel').on('track_events').columns(['vessel_id', 't_start']).execute();

    await db.schema
      .createTable('track_drafts')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('record_kind', 'text', (c) => c.notNull().check(sql`record_kind in ('observation', 'voyage')`))
      .addColumn('record_id', 'text', (c) => c.notNull())
      .addColumn('import_id', 'text', (c) => c.notNull())
      .execute();
  },
};
