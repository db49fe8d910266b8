/**
 * Query-string and path-parameter schemas for the HTTP API, shared by the route handlers (which
 * validate), the browser (which builds URLs) and the OpenAPI document (generated from them, so each
 * field's `describe` text is its parameter's documentation). Unknown parameters are refused so a
 * typo never silently widens a result.
 */
import { z } from 'zod';
import { annotationPageParams, parseRevisionToken } from './annotation-list';
import { confidence, isoDay, slug } from './schemas';

const intParam = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'expected a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

const numberParam = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^[-+]?(\d+(\.\d*)?|\.\d+)$/, 'expected a decimal number')
    .transform(Number)
    .pipe(z.number().min(min).max(max));

export const MAX_PAGE = 5000;
/** A JSON page is short by default; downloads (CSV, GeoJSON) take everything up to MAX_PAGE. */
const DEFAULT_JSON_PAGE = 100;

export const voyageQuery = z
  .strictObject({
    vessel: slug.optional().describe('Vessel id.'),
    port: slug.optional().describe('Port id, at either end of the leg.'),
    from: isoDay.optional().describe('Keep voyages whose span (earliest departure to latest arrival) ends on or after this day.'),
    to: isoDay.optional().describe('Keep voyages whose span starts on or before this day; not before "from".'),
    confidence: confidence.optional().describe('Confidence of the record.'),
    format: z
      .enum(['json', 'geojson', 'geojson-flat', 'csv', 'csvt', 'kml', 'gpx'])
      .default('json')
      .describe(
        'json; geojson (LineString features, nested properties); geojson-flat (flat typed properties for GIS tools); csv, and csvt (its column types for GDAL, saved beside it); kml; gpx.',
      ),
    limit: intParam(1, MAX_PAGE)
      .optional()
      .describe(`Page size; by default ${DEFAULT_JSON_PAGE} for JSON and ${MAX_PAGE} for GeoJSON and CSV.`),
    offset: intParam(0, 10_000_000).default(0).describe('Records to skip.'),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'must not be before "from"', path: ['to'] })
  .transform((q) => ({ ...q, limit: q.limit ?? (q.format === 'json' ? DEFAULT_JSON_PAGE : MAX_PAGE) }));

/** The answers GET /api/voyages gives, by `?format=`. */
export type VoyageFormat = z.output<typeof voyageQuery>['format'];

/** The query parameters that narrow the voyages (the rest choose a format or a page). */
export type VoyageFilterKey = Exclude<keyof z.input<typeof voyageQuery>, 'format' | 'limit' | 'offset'>;

export const portsQuery = z.strictObject({
  format: z.enum(['json', 'geojson']).default('json').describe('json or geojson (a FeatureCollection of points).'),
});

export const nearestQuery = z.strictObject({
  lat: numberParam(-90, 90).describe('Latitude, WGS84 degrees.'),
  lon: numberParam(-180, 180).describe('Longitude, WGS84 degrees.'),
});

export const observationsQuery = z.strictObject({
  vessel: slug.optional().describe('Vessel id.'),
  port: slug.optional().describe('Port id.'),
});

export const claimsQuery = z.strictObject({
  vessel: slug.optional().describe('Vessel id.'),
  port: slug.optional().describe('Port id, at either end.'),
});

export const emptyQuery = z.strictObject({});

/** DELETE /api/annotations/{id}: `?version=` makes the delete conditional, like an edit. */
export const annotationDeleteQuery = z.strictObject({
  version: z
    .string()
    .regex(/^[1-9]\d{0,8}$/, 'expected a version number')
    .transform(Number)
    .pipe(z.number().int().min(1).max(999_999_999))
    .optional()
    .describe('Only delete if this is still the current version.'),
});

/**
 * GET /api/{voyages,ports,vessels}/{id}/annotations: a page (newest first, `cursor` for older
 * ones), or with `since` only what changed after an earlier answer's `revision`.
 */
export const annotationListQuery = z
  .strictObject({
    ...annotationPageParams,
    since: z
      .string()
      .refine((t) => parseRevisionToken(t) !== null, 'expected the revision of an earlier answer')
      .optional()
      .describe(
        'The revision of an earlier answer: only the annotations changed after it (oldest change first), and in "removed" the ids that left the list.',
      ),
  })
  .refine((q) => !(q.cursor && q.since), { message: 'cannot be combined with "cursor"', path: ['since'] });

export const idParam = slug;

export const userIdParam = z
  .string()
  .regex(/^[1-9]\d{0,9}$/, 'expected a user id')
  .transform(Number)
  .pipe(z.number().int().min(1).max(9_999_999_999));

/** The offline basemap layers the server has files for (lib/server/basemap maps each to its file). */
export const basemapLayer = z.enum(['land', 'world', 'borders', 'places']);
export type BasemapLayerId = z.infer<typeof basemapLayer>;
