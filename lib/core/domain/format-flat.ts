/**
 * Voyages as flat, typed rows for GIS tools: one scalar per field, each field with the type GDAL
 * and QGIS should read it as. The nested API shapes (`vessel`, `departure`, `metrics`) reach GDAL
 * as JSON strings; these rows feed the flat GeoJSON, the KML's typed ExtendedData and the GPX's
 * extensions instead.
 */
import type { VoyageSummary } from './dto';
import { basisLabel, hedgedVesselName } from './hedges';

/** OGR's field types, by the names `ogrinfo` prints. */
export type FlatFieldType = 'String' | 'Integer' | 'Real' | 'Date';
export type FlatValue = string | number | null;

/** What a flat row knows of a vessel beyond its id and name (the voyage list carries only those). */
export interface VesselIdentifiers {
  imo: string | null;
  mmsi: string | null;
}

/**
 * The fields, in order, with their types. Identifiers (IMO, MMSI) are String: they are codes, and
 * an MMSI may start with 0. `crosses_land` is 0 or 1 (every format here has integers, not all booleans).
 */
export const VOYAGE_FLAT_FIELDS = [
  ['id', 'String'],
  ['vessel_id', 'String'],
  ['vessel_name', 'String'],
  ['vessel_label', 'String'],
  ['vessel_imo', 'String'],
  ['vessel_mmsi', 'String'],
  ['identification', 'String'],
  ['identification_words', 'String'],
  ['origin_id', 'String'],
  ['origin_name', 'String'],
  ['destination_id', 'String'],
  ['destination_name', 'String'],
  ['departure_earliest', 'Date'],
  ['departure_latest', 'Date'],
  ['departure_precision', 'String'],
  ['departure_as_reported', 'String'],
  ['arrival_earliest', 'Date'],
  ['arrival_latest', 'Date'],
  ['arrival_precision', 'String'],
  ['arrival_as_reported', 'String'],
  ['route_kind', 'String'],
  ['basis', 'String'],
  ['basis_label', 'String'],
  ['basis_observation_ids', 'String'],
  ['confidence', 'String'],
  ['cargo', 'String'],
  ['great_circle_nm', 'Real'],
  ['route_nm', 'Real'],
  ['min_hours', 'Real'],
  ['max_hours', 'Real'],
  ['min_knots', 'Real'],
  ['max_knots', 'Real'],
  ['crosses_land', 'Integer'],
  ['sources', 'String'],
  ['source_count', 'Integer'],
  ['status', 'String'],
  ['version', 'Integer'],
] as const satisfies readonly (readonly [string, FlatFieldType])[];

export type FlatFieldName = (typeof VOYAGE_FLAT_FIELDS)[number][0];
export type FlatVoyageRow = Record<FlatFieldName, FlatValue>;

/**
 * One voyage as a flat row. `vessels` supplies IMO and MMSI by vessel id (null when absent).
 * @example flatVoyageRow(voyage).route_nm // 260.2
 */
export function flatVoyageRow(v: VoyageSummary, vessels?: ReadonlyMap<string, VesselIdentifiers>): FlatVoyageRow {
  const ids = v.vessel ? vessels?.get(v.vessel.id) : undefined;
  const m = v.metrics;
  return {
    id: v.id,
    vessel_id: v.vessel?.id ?? null,
    vessel_name: v.vessel?.name ?? null,
    vessel_label: hedgedVesselName(v.vessel?.name ?? null, v),
    vessel_imo: ids?.imo ?? null,
    vessel_mmsi: ids?.mmsi ?? null,
    identification: v.identification?.method ?? null,
    identification_words: v.identification?.words ?? null,
    origin_id: v.origin.id,
    origin_name: v.origin.name,
    destination_id: v.destination.id,
    destination_name: v.destination.name,
    departure_earliest: v.departure.earliest,
    departure_latest: v.departure.latest,
    departure_precision: v.departure.precision,
    departure_as_reported: v.departure.asReported ?? null,
    arrival_earliest: v.arrival.earliest,
    arrival_latest: v.arrival.latest,
    arrival_precision: v.arrival.precision,
    arrival_as_reported: v.arrival.asReported ?? null,
    route_kind: v.routeKind,
    basis: v.basis?.kind ?? null,
    basis_label: basisLabel(v.basis),
    basis_observation_ids: v.basis?.kind === 'inferred_from_sightings' ? v.basis.observationIds.join(' ') : null,
    confidence: v.confidence,
    cargo: v.cargo,
    great_circle_nm: m.greatCircleNm,
    route_nm: m.routeNm,
    min_hours: m.minHours,
    max_hours: m.maxHours,
    min_knots: m.minKnots,
    max_knots: m.maxKnots,
    crosses_land: m.crossesLand ? 1 : 0,
    sources: v.sourceIds.join(' '),
    source_count: v.sourceIds.length,
    status: v.status,
    version: v.version,
  };
}

/**
 * A real number as text that every reader takes for a real: GDAL types a GeoJSON, GPX or CSV field
 * from its values, and a `260` in every row would make `route_nm` an Integer.
 * @example realText(260) // '260.0'
 */
export function realText(x: number): string {
  if (!Number.isFinite(x)) throw new Error(`realText: ${x} is not a finite number; pass a finite metric or null`);
  const s = String(x);
  return /[.e]/.test(s) ? s : `${s}.0`;
}

/**
 * A voyage in one paragraph, for a GPX `<desc>` or a KML `<description>`: vessel, ports, the
 * windows as the sources give them, how the route was drawn, basis, confidence and sources.
 */
export function voyageDescription(v: VoyageSummary): string {
  const w = (x: VoyageSummary['departure']) =>
    `${x.earliest === x.latest ? x.earliest : `${x.earliest} to ${x.latest}`} (${x.precision}${x.asReported ? `; '${x.asReported}'` : ''})`;
  const route =
    v.routeKind === 'inferred'
      ? 'Route inferred along the sea graph: its points have no times (the windows above are all the sources give).'
      : 'Route observed from positions; the imported fixes with their times are in the tracks export.';
  return [
    `${hedgedVesselName(v.vessel?.name ?? null, v)}: ${v.origin.name} to ${v.destination.name}.`,
    `Departure ${w(v.departure)}; arrival ${w(v.arrival)}.`,
    route,
    `Basis: ${basisLabel(v.basis)}. Confidence: ${v.confidence}. Sources: ${v.sourceIds.join(', ')}.`,
  ].join(' ');
}
