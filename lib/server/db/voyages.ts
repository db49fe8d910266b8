/**
 * Voyage queries and writes. A row's route and metrics come from lib/core/domain/voyage when it is
 * written and are stored beside it, so listing 10,000 voyages reads numbers rather than
 * recomputing geometry.
 */
import 'server-only';
import type { Insertable, Selectable } from 'kysely';
import type { VoyageDetail, VoyageList, VoyageMetrics, VoyageSummary } from '@/lib/core/domain/dto';
import type { RecordStatus, Visibility } from '@/lib/core/domain/records';
import type { Confidence, LineStringGeometry, Port, RouteKind, VoyageSeed } from '@/lib/core/domain/schemas';
import { apiVoyageMetrics, assembleVoyage, type VoyageRouting } from '@/lib/core/domain/voyage';
import { voyageEvidence } from '@/lib/core/domain/voyageEvidence';
import type { DB } from './connection';
import { listClaims, listObservations, listSources, sourceLinks, visibleTo } from './reference';
import { basisOf, identificationOf, windowOf } from './rows';
import type { VoyagesTable } from './schema';
import { type VoyageFilter, voyageGeneration } from './voyage-index';

export type { VoyageFilter } from './voyage-index';

export type VoyageWithRoute = VoyageSummary & { route: LineStringGeometry };

/** A voyage's stored row, from its seed record through {@link assembleVoyage}. */
export function voyageRow(v: VoyageSeed, ports: ReadonlyMap<string, Port>, routing: VoyageRouting): Insertable<VoyagesTable> {
  const { route, routeKind, metrics } = assembleVoyage(v, ports, routing.drawRoute, routing.land);
  return {
    id: v.id,
    vessel_id: v.vesselId,
    origin_port_id: v.originPortId,
    destination_port_id: v.destinationPortId,
    departure_earliest: v.departure.earliest,
    departure_latest: v.departure.latest,
    departure_precision: v.departure.precision,
    departure_as_reported: v.departure.asReported ?? null,
    arrival_earliest: v.arrival.earliest,
    arrival_latest: v.arrival.latest,
    arrival_precision: v.arrival.precision,
    arrival_as_reported: v.arrival.asReported ?? null,
    route_kind: routeKind,
    route_geojson: JSON.stringify(route),
    cargo: v.cargo,
    confidence: v.confidence,
    basis: v.basis && JSON.stringify(v.basis),
    identification: v.identification && JSON.stringify(v.identification),
    notes: v.notes,
    great_circle_nm: metrics.greatCircleNm,
    route_nm: metrics.routeLengthNm,
    crosses_land: metrics.crossesLand ? 1 : 0,
    min_hours: metrics.duration.minHours,
    max_hours: metrics.duration.maxHours,
  };
}

const summaryColumns = [
  'v.id',
  'v.vessel_id',
  'vs.name as vessel_name',
  'v.origin_port_id',
  'po.name as origin_name',
  'v.destination_port_id',
  'pd.name as destination_name',
  'v.departure_earliest',
  'v.departure_latest',
  'v.departure_precision',
  'v.departure_as_reported',
  'v.arrival_earliest',
  'v.arrival_latest',
  'v.arrival_precision',
  'v.arrival_as_reported',
  'v.route_kind',
  'v.confidence',
  'v.cargo',
  'v.great_circle_nm',
  'v.route_nm',
  'v.crosses_land',
  'v.min_hours',
  'v.max_hours',
  'v.basis',
  'v.identification',
  'v.version',
  'v.status',
] as const;

function baseQuery(db: DB) {
  return db
    .selectFrom('voyages as v')
    .innerJoin('ports as po', 'po.id', 'v.origin_port_id')
    .innerJoin('ports as pd', 'pd.id', 'v.destination_port_id')
    .leftJoin('vessels as vs', 'vs.id', 'v.vessel_id');
}

type SummaryRow = Pick<
  Selectable<VoyagesTable>,
  | 'id'
  | 'vessel_id'
  | 'origin_port_id'
  | 'destination_port_id'
  | 'departure_earliest'
  | 'departure_latest'
  | 'departure_precision'
  | 'departure_as_reported'
  | 'arrival_earliest'
  | 'arrival_latest'
  | 'arrival_precision'
  | 'arrival_as_reported'
  | 'route_kind'
  | 'confidence'
  | 'cargo'
  | 'great_circle_nm'
  | 'route_nm'
  | 'crosses_land'
  | 'min_hours'
  | 'max_hours'
  | 'basis'
  | 'identification'
  | 'version'
  | 'status'
> & { vessel_name: string | null; origin_name: string; destination_name: string };

function metricsOf(r: SummaryRow): VoyageMetrics {
  return apiVoyageMetrics({
    greatCircleNm: r.great_circle_nm,
    routeLengthNm: r.route_nm,
    duration: { minHours: r.min_hours, maxHours: r.max_hours },
    crossesLand: r.crosses_land === 1,
  });
}

function summaryOf(r: SummaryRow, sourceIds: string[]): VoyageSummary {
  return {
    id: r.id,
    vessel: r.vessel_id && r.vessel_name ? { id: r.vessel_id, name: r.vessel_name } : null,
    origin: { id: r.origin_port_id, name: r.origin_name },
    destination: { id: r.destination_port_id, name: r.destination_name },
    departure: windowOf(r.departure_earliest, r.departure_latest, r.departure_precision, r.departure_as_reported),
    arrival: windowOf(r.arrival_earliest, r.arrival_latest, r.arrival_precision, r.arrival_as_reported),
    routeKind: r.route_kind as RouteKind,
    confidence: r.confidence as Confidence,
    basis: basisOf(r.basis),
    identification: identificationOf(r.identification),
    cargo: r.cargo,
    sourceIds,
    metrics: metricsOf(r),
    version: r.version,
    status: r.status as RecordStatus,
  };
}

/** Rows for the given ids, returned in the ids' order. */
function inOrder<T extends { id: string }>(ids: readonly string[], rows: readonly T[]): T[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r) => r !== undefined);
}

/** The voyages with these ids, in the ids' order (an id no longer there is left out). */
export async function voyageSummaries(db: DB, ids: readonly string[]): Promise<VoyageSummary[]> {
  if (!ids.length) return [];
  const [rows, links] = await Promise.all([
    baseQuery(db).select(summaryColumns).where('v.id', 'in', ids).execute(),
    sourceLinks(db, 'voyage_sources', ids),
  ]);
  return inOrder(ids, rows).map((r) => summaryOf(r, links.get(r.id) ?? []));
}

/** {@link voyageSummaries} with each voyage's route geometry. */
export async function voyageSummariesWithRoutes(db: DB, ids: readonly string[]): Promise<VoyageWithRoute[]> {
  if (!ids.length) return [];
  const [rows, links] = await Promise.all([
    baseQuery(db).select([...summaryColumns, 'v.route_geojson']).where('v.id', 'in', ids).execute(),
    sourceLinks(db, 'voyage_sources', ids),
  ]);
  return inOrder(ids, rows).map((r) => ({
    ...summaryOf(r, links.get(r.id) ?? []),
    route: JSON.parse(r.route_geojson) as LineStringGeometry,
  }));
}

/**
 * One page of matching voyages and the number of matches. The page's ids and the count come from
 * the voyage index (voyage-index.ts), one consistent read per data version.
 */
export async function listVoyages(db: DB, f: VoyageFilter): Promise<VoyageList> {
  const { ids, total } = (await voyageGeneration(db, f.visibility ?? 'published')).page(f);
  return { voyages: await voyageSummaries(db, ids), total, limit: f.limit, offset: f.offset };
}

/** Voyages with their route geometry, for the map and the GeoJSON export. */
export async function listVoyageRoutes(db: DB, f: VoyageFilter): Promise<{ voyages: VoyageWithRoute[]; total: number }> {
  const { ids, total } = (await voyageGeneration(db, f.visibility ?? 'published')).page(f);
  return { voyages: await voyageSummariesWithRoutes(db, ids), total };
}

export async function getVoyage(db: DB, id: string, visibility: Visibility = 'published'): Promise<VoyageDetail | null> {
  const r = await baseQuery(db)
    .select([...summaryColumns, 'v.route_geojson', 'v.notes'])
    .where('v.id', '=', id)
    .where(visibleTo(visibility, 'v'))
    .executeTakeFirst();
  if (!r) return null;
  const sourceIds = (await sourceLinks(db, 'voyage_sources', [id])).get(id) ?? [];
  const [observations, claims] = await Promise.all([
    r.vessel_id ? listObservations(db, { vessel: r.vessel_id }, visibility) : Promise.resolve([]),
    listClaims(db, { anyPort: [r.origin_port_id, r.destination_port_id] }, visibility),
  ]);
  const summary = summaryOf(r, sourceIds);
  const { sightings, routeClaims, portClaims, citedSourceIds } = voyageEvidence(
    { originPortId: r.origin_port_id, destinationPortId: r.destination_port_id, departure: summary.departure, arrival: summary.arrival },
    observations,
    claims,
  );
  // One read for the voyage's own sources and those its sightings and claims cite.
  const byId = new Map((await listSources(db, [...new Set([...sourceIds, ...citedSourceIds])], visibility)).map((s) => [s.id, s]));
  const pick = (ids: Iterable<string>) => [...ids].map((sid) => byId.get(sid)).filter((s) => s !== undefined);
  return {
    ...summary,
    route: JSON.parse(r.route_geojson) as LineStringGeometry,
    notes: r.notes,
    sources: pick(sourceIds),
    observations: sightings,
    claims: routeClaims,
    portClaims,
    citedSources: pick(citedSourceIds),
  };
}
