/**
 * The one mapping from a record in its seed format (what data/seed/*.json and the desk's forms
 * hold) to its table row and link rows. The seed writes with `insert` (an existing row is never
 * overwritten); the evidence desk writes with `replace` (the row's values and links become the
 * record's; its version, status and deletion columns are the desk's to set).
 */
import 'server-only';
import type { Insertable } from 'kysely';
import type { Claim, Observation, Port, Source, Vessel, VoyageSeed } from '@/lib/core/domain/schemas';
import type { VoyageRouting } from '@/lib/core/domain/voyage';
import type { DB } from './connection';
import type { ClaimsTable, ObservationsTable, PortsTable, SourcesTable, VesselsTable } from './schema';
import { voyageRow } from './voyages';

export interface RecordByKind {
  source: Source;
  port: Port;
  vessel: Vessel;
  voyage: VoyageSeed;
  observation: Observation;
  claim: Claim;
}
export type WritableKind = keyof RecordByKind;

export interface WriteContext {
  /** Every port a voyage may name, by id (a voyage's row is computed from its ports). */
  ports: ReadonlyMap<string, Port>;
  /** Asked for only when a voyage is written, so other writes never load the basemap. */
  routing: () => VoyageRouting;
}

export type WriteMode = 'insert' | 'replace';

function sourceValues(s: Source): Insertable<SourcesTable> {
  return {
    id: s.id,
    publisher: s.publisher,
    title: s.title,
    url: s.url,
    published_earliest: s.published?.earliest ?? null,
    published_latest: s.published?.latest ?? null,
    published_precision: s.published?.precision ?? null,
    published_as_reported: s.published?.asReported ?? null,
    kind: s.kind,
    access: s.access,
    notes: s.notes,
  };
}

function portValues(p: Port): Insertable<PortsTable> {
  return {
    id: p.id,
    name: p.name,
    alt_names: JSON.stringify(p.altNames),
    country: p.country,
    unlocode: p.unlocode,
    wpi_number: p.wpiNumber,
    lon: p.position[0],
    lat: p.position[1],
    approximate: p.approximate ? 1 : 0,
    approximate_reason: p.approximateReason,
    geofence_radius_nm: p.geofenceRadiusNm,
    kind: p.kind,
    notes: p.notes,
  };
}

function vesselValues(v: Vessel): Insertable<VesselsTable> {
  return {
    id: v.id,
    name: v.name,
    former_names: JSON.stringify(v.formerNames),
    imo: v.imo,
    imo_verification: v.imoVerification,
    mmsi: v.mmsi,
    mmsi_verification: v.mmsiVerification,
    flag: v.flag,
    type: v.type,
    owner: v.owner,
    sanctions: JSON.stringify(v.sanctions),
    identity_history: JSON.stringify(v.identityHistory),
    notes: v.notes,
  };
}

function observationValues(o: Observation): Insertable<ObservationsTable> {
  return {
    id: o.id,
    vessel_id: o.vesselId,
    vessel_description: o.vesselDescription,
    port_id: o.portId,
    lon: o.position?.[0] ?? null,
    lat: o.position?.[1] ?? null,
    place_name: o.placeName,
    activity: o.activity,
    window_earliest: o.window.earliest,
    window_latest: o.window.latest,
    window_precision: o.window.precision,
    window_as_reported: o.window.asReported ?? null,
    identification: o.identification && JSON.stringify(o.identification),
    notes: o.notes,
  };
}

function claimValues(c: Claim): Insertable<ClaimsTable> {
  return {
    id: c.id,
    source_id: c.sourceId,
    read_in_source_ids: JSON.stringify(c.readInSourceIds),
    statement: c.statement,
    origin_port_id: c.originPortId,
    destination_port_id: c.destinationPortId,
    period_earliest: c.period?.earliest ?? null,
    period_latest: c.period?.latest ?? null,
    period_precision: c.period?.precision ?? null,
    period_as_reported: c.period?.asReported ?? null,
    count: c.count,
    count_qualifier: c.countQualifier,
    count_as_reported: c.countAsReported,
    count_unit: c.countUnit,
    notes: c.notes,
  };
}

type LinkTable = 'port_sources' | 'vessel_sources' | 'voyage_sources' | 'observation_sources';

async function link(tx: DB, table: LinkTable, recordId: string, sourceIds: readonly string[], mode: WriteMode) {
  if (mode === 'replace') await tx.deleteFrom(table).where('record_id', '=', recordId).execute();
  if (sourceIds.length === 0) return;
  await tx
    .insertInto(table)
    .values(sourceIds.map((source_id, position) => ({ record_id: recordId, source_id, position })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

async function linkClaimVessels(tx: DB, claimId: string, vesselIds: readonly string[], mode: WriteMode) {
  if (mode === 'replace') await tx.deleteFrom('claim_vessels').where('claim_id', '=', claimId).execute();
  if (vesselIds.length === 0) return;
  await tx
    .insertInto('claim_vessels')
    .values(vesselIds.map((vessel_id) => ({ claim_id: claimId, vessel_id })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/**
 * Writes one record's row and link rows (inside the caller's transaction).
 *
 * @param mode - `insert`: an existing row with this id is left as it is (the seed never overwrites);
 *   `replace`: the row's record values and its links become the record's
 * @throws Error when a voyage names a port missing from `ctx.ports`
 */
export async function writeRecord<K extends WritableKind>(
  tx: DB,
  kind: K,
  record: RecordByKind[K],
  ctx: WriteContext,
  mode: WriteMode,
): Promise<void> {
  const r = { kind, record } as { [P in WritableKind]: { kind: P; record: RecordByKind[P] } }[WritableKind];
  switch (r.kind) {
    case 'source': {
      const v = sourceValues(r.record);
      await tx.insertInto('sources').values(v).onConflict((oc) => (mode === 'insert' ? oc.doNothing() : oc.column('id').doUpdateSet(v))).execute();
      return;
    }
    case 'port': {
      const v = portValues(r.record);
      await tx.insertInto('ports').values(v).onConflict((oc) => (mode === 'insert' ? oc.doNothing() : oc.column('id').doUpdateSet(v))).execute();
      await link(tx, 'port_sources', v.id, r.record.sourceIds, mode);
      return;
    }
    case 'vessel': {
      const v = vesselValues(r.record);
      await tx.insertInto('vessels').values(v).onConflict((oc) => (mode === 'insert' ? oc.doNothing() : oc.column('id').doUpdateSet(v))).execute();
      await link(tx, 'vessel_sources', v.id, r.record.sourceIds, mode);
      return;
    }
    case 'voyage': {
      const v = voyageRow(r.record, ctx.ports, ctx.routing());
      await tx.insertInto('voyages').values(v).onConflict((oc) => (mode === 'insert' ? oc.doNothing() : oc.column('id').doUpdateSet(v))).execute();
      await link(tx, 'voyage_sources', v.id, r.record.sourceIds, mode);
      return;
    }
    case 'observation': {
      const v = observationValues(r.record);
      await tx
        .insertInto('observations')
        .values(v)
        .onConflict((oc) => (mode === 'insert' ? oc.doNothing() : oc.column('id').doUpdateSet(v)))
        .execute();
      await link(tx, 'observation_sources', v.id, r.record.sourceIds, mode);
      return;
    }
    case 'claim': {
      const v = claimValues(r.record);
      await tx.insertInto('claims').values(v).onConflict((oc) => (mode === 'insert' ? oc.doNothing() : oc.column('id').doUpdateSet(v))).execute();
      await linkClaimVessels(tx, v.id, r.record.vesselIds, mode);
      return;
    }
  }
}
