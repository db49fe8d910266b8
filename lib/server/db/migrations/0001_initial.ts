import 'server-only';
import { sql, type Kysely, type Migration } from 'kysely';
import { columnTypes } from './dialect';

const sourced = ['port', 'vessel', 'voyage', 'observation'] as const;

/** The initial schema: reference tables, voyages with their computed metrics, and source links. */
export const initial: Migration = {
  async up(db: Kysely<unknown>) {
    const T = columnTypes(db);
    await db.schema
      .createTable('sources')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('publisher', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('url', 'text')
      .addColumn('published_earliest', 'text')
      .addColumn('published_latest', 'text')
      .addColumn('published_precision', 'text')
      .addColumn('published_as_reported', 'text')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('access', 'text', (c) => c.notNull())
      .addColumn('notes', 'text')
      .execute();

    await db.schema
      .createTable('ports')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('alt_names', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('country', 'text', (c) => c.notNull())
      .addColumn('unlocode', 'text')
      .addColumn('wpi_number', T.integer)
      .addColumn('lon', T.real, (c) => c.notNull())
      .addColumn('lat', T.real, (c) => c.notNull())
      .addColumn('approximate', T.integer, (c) => c.notNull().defaultTo(0))
      .addColumn('approximate_reason', 'text')
      .addColumn('geofence_radius_nm', T.real, (c) => c.notNull())
      .addColumn('kind', 'text')
      .addColumn('notes', 'text')
      .execute();

    await db.schema
      .createTable('vessels')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('former_names', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('imo', 'text')
      .addColumn('imo_verification', 'text')
      .addColumn('mmsi', 'text')
      .addColumn('mmsi_verification', 'text')
      .addColumn('flag', 'text')
      .addColumn('type', 'text')
      .addColumn('owner', 'text')
      .addColumn('sanctions', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('notes', 'text')
      .execute();

    await db.schema
      .createTable('voyages')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('vessel_id', 'text', (c) => c.references('vessels.id').onDelete('set null'))
      .addColumn('origin_port_id', 'text', (c) => c.notNull().references('ports.id'))
      .addColumn('destination_port_id', 'text', (c) => c.notNull().references('ports.id'))
      .addColumn('departure_earliest', 'text', (c) => c.notNull())
      .addColumn('departure_latest', 'text', (c) => c.notNull())
      .addColumn('departure_precision', 'text', (c) => c.notNull())
      .addColumn('departure_as_reported', 'text')
      .addColumn('arrival_earliest', 'text', (c) => c.notNull())
      .addColumn('arrival_latest', 'text', (c) => c.notNull())
      .addColumn('arrival_precision', 'text', (c) => c.notNull())
      .addColumn('arrival_as_reported', 'text')
      .addColumn('route_kind', 'text', (c) => c.notNull().check(sql`route_kind in ('inferred', 'observed')`))
      .addColumn('route_geojson', 'text', (c) => c.notNull())
      .addColumn('cargo', 'text')
      .addColumn('confidence', 'text', (c) =>
        c.notNull().check(sql`confidence in ('reported', 'corroborated', 'disputed')`),
      )
      .addColumn('notes', 'text')
      .addColumn('great_circle_nm', T.real, (c) => c.notNull())
      .addColumn('route_nm', T.real, (c) => c.notNull())
      .addColumn('crosses_land', T.integer, (c) => c.notNull())
      .addColumn('min_hours', T.real, (c) => c.notNull())
      .addColumn('max_hours', T.real, (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(T.nowIso))
      .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(T.nowIso))
      .execute();
    await db.schema.createIndex('voyages_vessel').on('voyages').column('vessel_id').execute();
    await db.schema.createIndex('voyages_origin').on('voyages').column('origin_port_id').execute();
    await db.schema.createIndex('voyages_destination').on('voyages').column('destination_port_id').execute();
    await db.schema.createIndex('voyages_departure').on('voyages').columns(['departure_earliest', 'id']).execute();

    await db.schema
      .createTable('observations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('vessel_id', 'text', (c) => c.references('vessels.id').onDelete('set null'))
      .addColumn('vessel_description', 'text')
      .addColumn('port_id', 'text', (c) => c.references('ports.id'))
      .addColumn('lon', T.real)
      .addColumn('lat', T.real)
      .addColumn('place_name', 'text')
      .addColumn('activity', 'text', (c) => c.notNull())
      .addColumn('window_earliest', 'text', (c) => c.notNull())
      .addColumn('window_latest', 'text', (c) => c.notNull())
      .addColumn('window_precision', 'text', (c) => c.notNull())
      .addColumn('window_as_reported', 'text')
      .addColumn('notes', 'text')
      .execute();
    await db.schema.createIndex('observations_vessel').on('observations').column('vessel_id').execute();

    await db.schema
      .createTable('claims')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('source_id', 'text', (c) => c.notNull().references('sources.id'))
      .addColumn('statement', 'text', (c) => c.notNull())
      .addColumn('origin_port_id', 'text', (c) => c.references('ports.id'))
      .addColumn('destination_port_id', 'text', (c) => c.references('ports.id'))
      .addColumn('period_earliest', 'text')
      .addColumn('period_latest', 'text')
      .addColumn('period_precision', 'text')
      .addColumn('period_as_reported', 'text')
      .addColumn('min_count', T.integer)
      .addColumn('count_unit', 'text')
      .addColumn('notes', 'text')
      .execute();

    await db.schema
      .createTable('claim_vessels')
      .addColumn('claim_id', 'text', (c) => c.notNull().references('claims.id').onDelete('cascade'))
      .addColumn('vessel_id', 'text', (c) => c.notNull().references('vessels.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('claim_vessels_pk', ['claim_id', 'vessel_id'])
      .execute();

    for (const record of sourced) {
      const table = `${record}_sources`;
      await db.schema
        .createTable(table)
        .addColumn('record_id', 'text', (c) => c.notNull().references(`${record}s.id`).onDelete('cascade'))
        .addColumn('source_id', 'text', (c) => c.notNull().references('sources.id'))
        .addColumn('position', T.integer, (c) => c.notNull())
        .addPrimaryKeyConstraint(`${table}_pk`, ['record_id', 'source_id'])
        .execute();
      await db.schema.createIndex(`${table}_source`).on(table).column('source_id').execute();
    }

    await db.schema
      .createTable('seed_log')
      .addColumn('record_type', 'text', (c) => c.notNull())
      .addColumn('record_id', 'text', (c) => c.notNull())
      .addColumn('seeded_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('seed_log_pk', ['record_type', 'record_id'])
      .execute();
  },

  async down(db: Kysely<unknown>) {
    for (const t of ['seed_log', ...sourced.map((r) => `${r}_sources`), 'claim_vessels', 'claims', 'observations', 'voyages', 'vessels', 'ports', 'sources']) {
      await db.schema.dropTable(t).ifExists().execute();
    }
  },
};
