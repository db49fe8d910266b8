/** Row ↔ DTO mapping shared by the query modules. */
import 'server-only';
import type { Selectable } from 'kysely';
import type { Claim, DateWindow, Identification, IdentityEntry, Observation, Port, Precision, Source, Vessel, VoyageBasis } from '@/lib/core/domain/schemas';
import type { RecordStatus } from '@/lib/core/domain/records';
import type { ClaimsTable, ObservationsTable, PortsTable, SourcesTable, VesselsTable } from './schema';

export function windowOf(earliest: string, latest: string, precision: string, asReported: string | null): DateWindow {
  const w: DateWindow = { earliest, latest, precision: precision as Precision };
  if (asReported) w.asReported = asReported;
  return w;
}

/** A JSON hedge column; NULL (a row stored before the field existed) reads as null: "not recorded". */
function jsonOrNull<T>(text: string | null): T | null {
  return text === null ? null : (JSON.parse(text) as T);
}

export const identificationOf = (text: string | null) => jsonOrNull<Identification>(text);
export const basisOf = (text: string | null) => jsonOrNull<VoyageBasis>(text);

/** A record as the lists answer it: its fields and the desk's bookkeeping. */
export type Listed<T> = T & { version: number; status: RecordStatus };

export function listed<T>(record: T, r: { version: number; status: string }): Listed<T> {
  return { ...record, version: r.version, status: r.status as RecordStatus };
}

export function sourceFromRow(r: Selectable<SourcesTable>): Source {
  return {
    id: r.id,
    publisher: r.publisher,
    title: r.title,
    url: r.url,
    published:
      r.published_earliest && r.published_latest && r.published_precision
        ? windowOf(r.published_earliest, r.published_latest, r.published_precision, r.published_as_reported)
        : null,
    kind: r.kind as Source['kind'],
    access: r.access as Source['access'],
    notes: r.notes,
  };
}

export function portFromRow(r: Selectable<PortsTable>, sourceIds: string[]): Port {
  return {
    id: r.id,
    name: r.name,
    altNames: JSON.parse(r.alt_names) as string[],
    country: r.country,
    unlocode: r.unlocode,
    wpiNumber: r.wpi_number,
    position: [r.lon, r.lat],
    approximate: r.approximate === 1,
    approximateReason: r.approximate_reason,
    geofenceRadiusNm: r.geofence_radius_nm,
    kind: r.kind as Port['kind'],
    sourceIds,
    notes: r.notes,
  };
}

export function vesselFromRow(r: Selectable<VesselsTable>, sourceIds: string[]): Vessel {
  return {
    id: r.id,
    name: r.name,
    formerNames: JSON.parse(r.former_names) as string[],
    imo: r.imo,
    imoVerification: r.imo_verification as Vessel['imoVerification'],
    mmsi: r.mmsi,
    mmsiVerification: r.mmsi_verification as Vessel['mmsiVerification'],
    flag: r.flag,
    type: r.type,
    owner: r.owner,
    sanctions: (JSON.parse(r.sanctions) as Vessel['sanctions']).map((x) => ({ ...x, asReported: x.asReported ?? null })),
    identityHistory: JSON.parse(r.identity_history) as IdentityEntry[],
    sourceIds,
    notes: r.notes,
  };
}

export function observationFromRow(r: Selectable<ObservationsTable>, sourceIds: string[]): Observation {
  return {
    id: r.id,
    vesselId: r.vessel_id,
    vesselDescription: r.vessel_description,
    portId: r.port_id,
    position: r.lon !== null && r.lat !== null ? [r.lon, r.lat] : null,
    placeName: r.place_name,
    activity: r.activity as Observation['activity'],
    window: windowOf(r.window_earliest, r.window_latest, r.window_precision, r.window_as_reported),
    identification: identificationOf(r.identification),
    sourceIds,
    notes: r.notes,
  };
}

export function claimFromRow(r: Selectable<ClaimsTable>, vesselIds: string[]): Claim {
  return {
    id: r.id,
    sourceId: r.source_id,
    readInSourceIds: JSON.parse(r.read_in_source_ids) as string[],
    statement: r.statement,
    originPortId: r.origin_port_id,
    destinationPortId: r.destination_port_id,
    vesselIds,
    period:
      r.period_earliest && r.period_latest && r.period_precision
        ? windowOf(r.period_earliest, r.period_latest, r.period_precision, r.period_as_reported)
        : null,
    count: r.count,
    countQualifier: r.count_qualifier as Claim['countQualifier'],
    countAsReported: r.count_as_reported,
    countUnit: r.count_unit,
    notes: r.notes,
  };
}

/** Groups `(record_id, source_id)` link rows, already ordered by position, into a lookup. */
export function groupLinks(rows: { record_id: string; source_id: string }[]): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const r of rows) {
    const list = m.get(r.record_id);
    if (list) list.push(r.source_id);
    else m.set(r.record_id, [r.source_id]);
  }
  return m;
}
