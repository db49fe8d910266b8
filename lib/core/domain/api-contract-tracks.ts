/**
 * The track imports' part of the API contract (api-contract.ts spreads TRACK_PATHS into
 * API_PATHS; openapi.ts registers TRACK_COMPONENTS): upload a track file, follow and cancel its
 * import, and read the stored tracks and the events detected in them.
 */
import { z } from 'zod';
import { CSV_PRESETS, TRACK_FORMATS } from '../track/types';
import type { Method, Operation } from './api-operation';
import { gpxDocumentSchema } from './format-gpx';
import { kmlDocumentSchema } from './format-kml';
import { isoDay, slug } from './primitives';

/** The largest track file an upload may send (the front server lets this much through to /api/imports). */
export const IMPORT_MAX_BYTES = 512 * 1024 * 1024;
/** The preview reads this much of a file: enough for a header and a few rows. */
export const PREVIEW_MAX_BYTES = 64 * 1024;

export const IMPORT_STATUSES = ['running', 'done', 'failed', 'cancelled', 'interrupted'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

const trackFormat = z.enum(TRACK_FORMATS);
const csvPreset = z.enum(CSV_PRESETS);
const header = z.string().min(1).max(200);
const csvMappingSchema = z.strictObject({
  time: header,
  lat: header,
  lon: header,
  mmsi: header.optional(),
  imo: header.optional(),
  name: header.optional(),
  sog: header.optional(),
  cog: header.optional(),
});

/** `mapping=` is JSON in the query string: `{"time":"When","lat":"Y","lon":"X"}`. */
const mappingParam = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'expected a JSON object such as {"time":"When","lat":"Y","lon":"X"}' });
      return z.NEVER;
    }
  })
  .pipe(csvMappingSchema);

const fileName = z.string().trim().min(1).max(255);

export const importQuery = z.strictObject({
  name: fileName.describe('The file name (it becomes the import source’s title).'),
  format: trackFormat.optional().describe('The format; sniffed from the first bytes when absent.'),
  preset: csvPreset.optional().describe('CSV only: a built-in column set; read from the header when absent.'),
  mapping: mappingParam.optional().describe('CSV only: JSON {time, lat, lon, mmsi?, imo?, name?, sog?, cog?} naming each column by its header.'),
  vessel: slug.optional().describe('Give every position to this vessel id, whatever the rows say.'),
  licence: z.string().trim().min(1).max(500).optional().describe('The licence the data came under (kept in the source’s notes).'),
});

export const previewQuery = z.strictObject({
  name: fileName.optional().describe('The file name (its extension helps the sniffing).'),
});

export const importIdParam = z.uuid();

export const importListQuery = z.strictObject({});

/** The dashboard's day filter (`from`, `to`, as GET /api/voyages takes them), read as UTC days. */
const dayWindow = (what: string) => ({
  from: isoDay.optional().describe(`Keep ${what} on or after 00:00Z of this day.`),
  to: isoDay.optional().describe(`Keep ${what} before the end (24:00Z) of this day; not before "from".`),
});
const toNotBeforeFrom = (q: { from?: string; to?: string }) => !q.from || !q.to || q.from <= q.to;
const toNotBeforeFromIssue = { message: 'must not be before "from"', path: ['to'] };

export const eventsQuery = z
  .strictObject({
    vessel: slug.optional().describe('Vessel id.'),
    kind: z.enum(['port_call', 'gap', 'possible_port_call']).optional().describe('Kind of event.'),
    ...dayWindow('events that overlap the days: those ending'),
  })
  .refine(toNotBeforeFrom, toNotBeforeFromIssue);

/** A bbox query value as [minLon, minLat, maxLon, maxLat], or null when it is not one (west to east without crossing 180°). */
export function parseBbox(text: string): [number, number, number, number] | null {
  const parts = text.split(',').map((p) => (p.trim() === '' ? NaN : Number(p)));
  const [w, s, e, n] = parts as [number, number, number, number];
  const ok = parts.length === 4 && parts.every(Number.isFinite) && w >= -180 && e <= 180 && s >= -90 && n <= 90 && w <= e && s <= n;
  return ok ? [w, s, e, n] : null;
}

const bboxParam = z.string().refine((text) => parseBbox(text) !== null, {
  message: 'must be minLon,minLat,maxLon,maxLat in degrees, west ≤ east (not across 180°) and south ≤ north, e.g. 129.5,41.5,133,43.5',
});

export const tracksQuery = z
  .strictObject({
    vessel: slug.optional().describe('Vessel id; every vessel with a track when absent.'),
    ...dayWindow('the fixes timed'),
    bbox: bboxParam
      .optional()
      .describe('minLon,minLat,maxLon,maxLat: only the fixes inside this box (on PostgreSQL, found through the PostGIS index); vessels with none are left out.'),
    format: z
      .enum(['json', 'gpx', 'kml'])
      .default('json')
      .describe('json (columns); gpx (a trk per vessel, a trkseg per stretch between AIS gaps, a time on every point); kml (gx:Track).'),
  })
  .refine(toNotBeforeFrom, toNotBeforeFromIssue);

const count = z.number().int().nonnegative();
const isoTime = z.iso.datetime();

export const importSchema = z.object({
  id: z.uuid(),
  status: z.enum(IMPORT_STATUSES),
  name: z.string(),
  format: trackFormat,
  preset: csvPreset.nullable(),
  mapping: csvMappingSchema.nullable(),
  /** The vessel every position was given (`vessel=`), or null: the rows' identities decided. */
  vesselId: slug.nullable(),
  bytes: count,
  bytesRead: count,
  rows: count,
  rejected: count,
  /** The first 100 rejected rows, by line. */
  rejectedSample: z.array(z.object({ line: count, reason: z.string() })),
  positionsAdded: count,
  vessels: z.array(z.object({ id: slug, name: z.string(), matched: z.boolean() })),
  events: z.object({ portCalls: count, gaps: count, possiblePortCalls: count }),
  /**
   * Draft records made for review; `leftOut`: detected sightings and voyages past the per-import
   * cap, not drafted (their events are kept); `refused`: those the evidence desk refused (a route
   * over land, a port deleted meanwhile), with the first few reasons in `refusedReasons`.
   */
  drafts: z.object({ vessels: count, observations: count, voyages: count, leftOut: count, refused: count, refusedReasons: z.array(z.string()) }),
  /** The completed import of the same file (same sha256): nothing was added again. */
  duplicateOf: z.uuid().nullable(),
  sourceId: slug.nullable(),
  checksum: z.string().regex(/^[0-9a-f]{64}$/),
  licence: z.string().nullable(),
  error: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: isoTime,
  finishedAt: isoTime.nullable(),
});
export type ImportDto = z.infer<typeof importSchema>;

const importAnswerSchema = z.object({ import: importSchema });
const importListSchema = z.object({ imports: z.array(importSchema) });
export const importPreviewSchema = z.object({
  format: trackFormat,
  headers: z.array(z.string()),
  preset: csvPreset.nullable(),
  sample: z.array(z.record(z.string(), z.string())),
});

const fixDto = z.object({ time: isoTime, lon: z.number(), lat: z.number() });
const eventBase = { id: z.string(), vesselId: slug, importIds: z.array(z.uuid()) };
const eventDtoSchema = z.discriminatedUnion('kind', [
  z.object({ ...eventBase, kind: z.literal('port_call'), portId: slug, arrival: isoTime, departure: isoTime, dwellHours: z.number(), fixes: count }),
  z.object({ ...eventBase, kind: z.literal('gap'), from: fixDto, to: fixDto, hours: z.number(), seaDistanceNm: z.number(), minSpeedKnots: z.number() }),
  z.object({
    ...eventBase,
    kind: z.literal('possible_port_call'),
    portId: slug,
    gap: z.object({ from: fixDto, to: fixDto }),
    inNm: z.number(),
    outNm: z.number(),
    marginHours: z.number(),
  }),
]);
const detectionParamsSchema = z.object({
  portCallMaxKnots: z.number(),
  portCallMinDwellHours: z.number(),
  gapMinHours: z.number(),
  darkTopSpeedKnots: z.number(),
  darkMinPortHours: z.number(),
});
const eventsAnswerSchema = z.object({ params: detectionParamsSchema, events: z.array(eventDtoSchema) });
const tracksAnswerSchema = z.object({
  tracks: z.array(
    z.object({
      vesselId: slug,
      vesselName: z.string(),
      t: z.array(z.number().int()),
      coords: z.array(z.number()),
      sog: z.array(z.number().nullable()),
    }),
  ),
});

export const TRACK_COMPONENTS: Record<string, z.ZodType> = {
  Import: importSchema,
  ImportAnswer: importAnswerSchema,
  ImportList: importListSchema,
  ImportPreview: importPreviewSchema,
  TrackEvent: eventDtoSchema,
  DetectionParams: detectionParamsSchema,
  EventsAnswer: eventsAnswerSchema,
  TracksAnswer: tracksAnswerSchema,
};

const MIB = IMPORT_MAX_BYTES / (1024 * 1024);
const reads = { '400': true, '401': 'This instance requires a login to read (WAKELINE_READ_REQUIRES_LOGIN=1) and none was given.' } as const;
const upload = { media: 'application/octet-stream', description: 'The track file’s bytes, as they are on disk.' } as const;

export const TRACK_PATHS: Record<string, Partial<Record<Method, Operation>>> = {
  '/api/imports': {
    get: {
      summary: 'Recent track imports, newest first (editor or admin)',
      query: importListQuery,
      ok: { status: '200', content: { 'application/json': importListSchema } },
      errors: { '400': true, '401': true, '403': true },
    },
    post: {
      summary: `Import a track file (CSV, NMEA AIVDM, GPX, KML/KMZ, GeoJSON; at most ${MIB} MiB) sent as the body: answered as soon as the file is stored and its format checked, processed in the background (follow GET /api/imports/{id}); all or nothing; the same file again adds nothing (duplicateOf) (editor or admin)`,
      query: importQuery,
      rawBody: upload,
      ok: { status: '202', content: { 'application/json': importAnswerSchema }, description: 'Accepted: the import runs (or, for a file imported before, is the earlier import).' },
      errors: {
        '400': 'A bad query parameter (named), an empty file, or one in a format imports do not read (the message says what was expected).',
        '401': true,
        '403': true,
        '404': 'vessel= names no vessel.',
        '413': `The file is larger than ${MIB} MiB.`,
      },
    },
  },
  '/api/imports/preview': {
    post: {
      summary: `What a track file is, from its first ${PREVIEW_MAX_BYTES / 1024} KiB: its format, a CSV's headers, the preset they match and a few rows, for the column mapping (editor or admin; writes nothing)`,
      query: previewQuery,
      rawBody: upload,
      ok: { status: '200', content: { 'application/json': importPreviewSchema } },
      errors: { '400': 'An empty file or one in a format imports do not read.', '401': true, '403': true, '413': `More than ${PREVIEW_MAX_BYTES / 1024} KiB.` },
    },
  },
  '/api/imports/{id}': {
    get: {
      summary: 'One import: its progress (bytes read of the file, rows, rejected rows by line and reason), status and report (editor or admin)',
      path: { id: importIdParam.describe('The import id.') },
      query: importListQuery,
      ok: { status: '200', content: { 'application/json': importAnswerSchema } },
      errors: { '400': true, '401': true, '403': true, '404': 'No import has this id.' },
    },
    delete: {
      summary: 'Cancel a running import: nothing of it stays (editor or admin)',
      path: { id: importIdParam.describe('The import id.') },
      query: importListQuery,
      ok: { status: '200', content: { 'application/json': importAnswerSchema } },
      errors: { '400': true, '401': true, '403': true, '404': 'No import has this id.', '409': 'The import is not running (done, failed or already cancelled).' },
    },
  },
  '/api/events': {
    get: {
      summary: 'Events detected in imported tracks: port calls, AIS gaps, possible dark port calls, with the detection parameters (draft vessels’ events only for signed-in readers)',
      query: eventsQuery,
      ok: { status: '200', content: { 'application/json': eventsAnswerSchema } },
      errors: reads,
    },
  },
  '/api/tracks': {
    get: {
      summary: 'Imported tracks, one per vessel, as columns in time order (draft vessels’ tracks only for signed-in readers)',
      query: tracksQuery,
      ok: {
        status: '200',
        content: { 'application/json': tracksAnswerSchema, 'application/gpx+xml': gpxDocumentSchema, 'application/vnd.google-earth.kml+xml': kmlDocumentSchema },
        headers: ['ETag'],
      },
      errors: reads,
      etag: true,
    },
  },
};
