/**
 * A record's stored row read back in its seed format (the inverse of write-record.ts), whatever its
 * status or deletion: what the seed revision step compares a seed record with.
 */
import 'server-only';
import type { Confidence, LineStringGeometry } from '@/lib/core/domain/schemas';
import type { DB } from './connection';
import { sourceLinks } from './reference';
import { basisOf, claimFromRow, identificationOf, observationFromRow, portFromRow, sourceFromRow, vesselFromRow, windowOf } from './rows';
import type { RecordByKind, WritableKind } from './write-record';

type Reader<K extends WritableKind> = (db: DB, id: string) => Promise<RecordByKind[K] | null>;

const links = async (db: DB, table: 'port_sources' | 'vessel_sources' | 'voyage_sources' | 'observation_sources', id: string) =>
  (await sourceLinks(db, table, [id])).get(id) ?? [];

const READERS: { [K in WritableKind]: Reader<K> } = {
  source: async (db, id) => {
    const r = await db.selectFrom('sources').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? sourceFromRow(r) : null;
  },
  port: async (db, id) => {
    const r = await db.selectFrom('ports').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? portFromRow(r, await links(db, 'port_sources', id)) : null;
  },
  vessel: async (db, id) => {
    const r = await db.selectFrom('vessels').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? vesselFromRow(r, await links(db, 'vessel_sources', id)) : null;
  },
  observation: async (db, id) => {
    const r = await db.selectFrom('observations').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? observationFromRow(r, await links(db, 'observation_sources', id)) : null;
  },
  claim: async (db, id) => {
    const r = await db.selectFrom('claims').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) return null;
    const vessels = await db.selectFrom('claim_vessels').select('vessel_id').where('claim_id', '=', id).orderBy('vessel_id').execute();
    return claimFromRow(r, vessels.map((v) => v.vessel_id));
  },
  voyage: async (db, id) => {
    const r = await db.selectFrom('voyages').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) return null;
    return {
      id: r.id,
      vesselId: r.vessel_id,
      originPortId: r.origin_port_id,
      destinationPortId: r.destination_port_id,
      departure: windowOf(r.departure_earliest, r.departure_latest, r.departure_precision, r.departure_as_reported),
      arrival: windowOf(r.arrival_earliest, r.arrival_latest, r.arrival_precision, r.arrival_as_reported),
      // Only an observed route is part of the record; an inferred one is computed when written.
      observedRoute: r.route_kind === 'observed' ? (JSON.parse(r.route_geojson) as LineStringGeometry) : null,
      cargo: r.cargo,
      confidence: r.confidence as Confidence,
      basis: basisOf(r.basis),
      identification: identificationOf(r.identification),
      sourceIds: await links(db, 'voyage_sources', id),
      notes: r.notes,
    };
  },
};

/** The record `id` of `kind` as stored, or null when there is no such row. */
export function readRecord<K extends WritableKind>(db: DB, kind: K, id: string): Promise<RecordByKind[K] | null> {
  return (READERS[kind] as Reader<K>)(db, id);
}
