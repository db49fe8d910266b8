/**
 * Serialisations of voyages for download: CSV (spreadsheet-safe) and GeoJSON (RFC 7946).
 */
import type { FeatureCollection, LineString, Point } from 'geojson';
import { z } from 'zod';
import { type VoyageSummary, listedPort, voyageSummarySchema } from './dto';
import type { FlatFieldType } from './format-flat';
import { basisLabel, hedgedVesselName, identificationLabel } from './hedges';
import { type LineStringGeometry, type Port, lineString, position, slug } from './schemas';

const CSV_COLUMNS = [
  'id',
  'vessel',
  'origin',
  'destination',
  'departure_earliest',
  'departure_latest',
  'departure_precision',
  'arrival_earliest',
  'arrival_latest',
  'arrival_precision',
  'route_kind',
  'confidence',
  'basis',
  'basis_observation_ids',
  'identification',
  'identification_words',
  'great_circle_nm',
  'route_nm',
  'min_hours',
  'max_hours',
  'min_knots',
  'max_knots',
  'cargo',
  'source_ids',
] as const;

/**
 * Each column's type for GDAL's CSV driver, which reads them from a `.csvt` file beside the `.csv`
 * (same name) and otherwise takes every column as text. Typed by column name, so a column added
 * above without a type fails to compile.
 */
const CSV_TYPES: Record<(typeof CSV_COLUMNS)[number], FlatFieldType> = {
  id: 'String',
  vessel: 'String',
  origin: 'String',
  destination: 'String',
  departure_earliest: 'Date',
  departure_latest: 'Date',
  departure_precision: 'String',
  arrival_earliest: 'Date',
  arrival_latest: 'Date',
  arrival_precision: 'String',
  route_kind: 'String',
  confidence: 'String',
  basis: 'String',
  basis_observation_ids: 'String',
  identification: 'String',
  identification_words: 'String',
  great_circle_nm: 'Real',
  route_nm: 'Real',
  min_hours: 'Real',
  max_hours: 'Real',
  min_knots: 'Real',
  max_knots: 'Real',
  cargo: 'String',
  source_ids: 'String',
};

/**
 * The `.csvt` for {@link voyagesToCsv}: one line naming each column's type, in column order. Save
 * it beside the CSV under the same name (wakeline-voyages.csvt) and GDAL and QGIS read typed columns.
 * @example voyagesCsvt() // '"String","String",...,"Date",...,"Real",...\r\n'
 */
export function voyagesCsvt(): string {
  return `${CSV_COLUMNS.map((c) => `"${CSV_TYPES[c]}"`).join(',')}\r\n`;
}

/** The `.csvt` download as the API documents it. */
export const voyagesCsvtSchema = z
  .string()
  .regex(/^"(String|Integer|Real|Date)"(,"(String|Integer|Real|Date)")*\r\n$/, 'expected one line of quoted column types')
  .describe("GDAL's .csvt for the CSV: one line of column types (String, Real, Date), in column order.");

/**
 * One CSV cell: quoted when needed, and a leading `= + - @` (or tab/CR) prefixed with `'` so a
 * spreadsheet never runs a cell as a formula.
 */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function voyagesToCsv(voyages: readonly VoyageSummary[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const v of voyages) {
    const m = v.metrics;
    const row = [
      v.id,
      v.vessel?.name ?? 'unidentified',
      v.origin.name,
      v.destination.name,
      v.departure.earliest,
      v.departure.latest,
      v.departure.precision,
      v.arrival.earliest,
      v.arrival.latest,
      v.arrival.precision,
      v.routeKind,
      v.confidence,
      v.basis?.kind ?? null,
      v.basis?.kind === 'inferred_from_sightings' ? v.basis.observationIds.join(' ') : null,
      v.identification?.method ?? null,
      v.identification?.words ?? null,
      m.greatCircleNm,
      m.routeNm,
      m.minHours,
      m.maxHours,
      m.minKnots,
      m.maxKnots,
      v.cargo,
      v.sourceIds.join(' '),
    ];
    lines.push(row.map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The CSV download as the API documents it: the header row above, then one row per voyage. */
export const voyagesCsvSchema = z
  .string()
  .regex(new RegExp(`^${CSV_COLUMNS.join(',')}\\r\\n`), 'expected the CSV header row first')
  .describe('RFC 4180 CSV, CRLF line ends; a cell starting with = + - @ is prefixed with \' so no spreadsheet runs it.');

/**
 * A feature's properties: the summary, plus its hedges as flat text for GIS tools that do not read
 * nested objects (so a label drawn from them keeps the hedge).
 */
const voyageFeaturePropertiesSchema = voyageSummarySchema.extend({
  vesselLabel: z.string().describe('The vessel name with its hedges: "Lady R (believed)", "Unidentified vessel".'),
  identificationLabel: z.string().describe('Who identified the vessel, in a sentence: "believed to be Lady R (\'believed to be the Lady R\')".'),
  identificationWords: z.string().nullable().describe("The identifying source's own words. Null: not recorded."),
  basisLabel: z.string().describe('How the leg is known: "reported by a source", "inferred by the team from two sightings", "detected from AIS".'),
});

export const voyageFeatureCollectionSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({ type: z.literal('Feature'), id: slug, geometry: lineString, properties: voyageFeaturePropertiesSchema }),
  ),
});

export const portFeatureCollectionSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      id: slug,
      geometry: z.object({ type: z.literal('Point'), coordinates: position }),
      properties: listedPort.omit({ position: true }),
    }),
  ),
});

export type VoyageFeatureProperties = z.infer<typeof voyageFeatureCollectionSchema>['features'][number]['properties'];

export function voyagesToGeoJSON(
  voyages: readonly (VoyageSummary & { route: LineString | LineStringGeometry })[],
): FeatureCollection<LineString, VoyageFeatureProperties> {
  return {
    type: 'FeatureCollection',
    features: voyages.map(({ route, ...summary }) => ({
      type: 'Feature',
      id: summary.id,
      geometry: { type: 'LineString', coordinates: route.coordinates.map(([lon, lat]) => [lon, lat]) },
      properties: {
        ...summary,
        vesselLabel: hedgedVesselName(summary.vessel?.name ?? null, summary),
        identificationLabel: identificationLabel(summary.identification, summary.vessel?.name ?? null),
        identificationWords: summary.identification?.words ?? null,
        basisLabel: basisLabel(summary.basis),
      },
    })),
  };
}

export function portsToGeoJSON(ports: readonly Port[]): FeatureCollection<Point, Omit<Port, 'position'>> {
  return {
    type: 'FeatureCollection',
    features: ports.map(({ position, ...rest }) => ({
      type: 'Feature',
      id: rest.id,
      geometry: { type: 'Point', coordinates: [position[0], position[1]] },
      properties: rest,
    })),
  };
}
