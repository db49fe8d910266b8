/**
 * What the HTTP API answers, as zod schemas: the types below are inferred from them, and
 * /api/openapi.json is generated from them (lib/core/domain/openapi.ts), so a field added here
 * reaches the route handlers' types and the published contract at once.
 */
import { z } from 'zod';
import { annotationId, annotationRevisionSchema, annotationSchema, sessionUserSchema, userAccountSchema } from './annotations';
import {
  claimSchema,
  confidence,
  dateWindow,
  identificationSchema,
  lineString,
  observationSchema,
  portSchema,
  routeKind,
  slug,
  sourceSchema,
  vesselSchema,
  voyageBasis,
} from './schemas';
import { recordStatus } from './records';

/** Every record answers with its desk bookkeeping. */
const recordBookkeeping = {
  version: z.number().int().min(1).describe('Goes up by one with every accepted change.'),
  status: recordStatus.describe('draft: not yet published by a second team member; only signed-in readers see it.'),
};

/* Records as the lists (and a voyage's detail) answer them: their fields and their bookkeeping. */
const listedSource = sourceSchema.safeExtend(recordBookkeeping);
export const listedPort = portSchema.safeExtend(recordBookkeeping);
const listedVessel = vesselSchema.safeExtend(recordBookkeeping);
const listedObservation = observationSchema.safeExtend(recordBookkeeping);
const listedClaim = claimSchema.safeExtend(recordBookkeeping);

export const refSchema = z.object({ id: slug, name: z.string() });

export const voyageMetricsSchema = z
  .object({
    greatCircleNm: z.number().describe('Great-circle distance between the two ports, nautical miles.'),
    routeNm: z.number().describe('Length of the drawn route (inferred or observed), nautical miles.'),
    minHours: z.number().describe('Shortest passage the date windows allow, hours.'),
    maxHours: z.number().describe('Longest passage the date windows allow, hours.'),
    minKnots: z.number().nullable(),
    maxKnots: z.number().nullable().describe('Null when the windows allow a passage of about 0 h.'),
    crossesLand: z.boolean(),
  })
  .describe('Computed by lib/core/geo when a voyage is written; never typed in. Distances are spherical (within ~0.5% of WGS84).');
export type VoyageMetrics = z.infer<typeof voyageMetricsSchema>;

export const voyageSummarySchema = z.object({
  id: slug,
  vessel: refSchema.nullable().describe('Null: an unidentified vessel.'),
  origin: refSchema,
  destination: refSchema,
  departure: dateWindow,
  arrival: dateWindow,
  routeKind,
  confidence,
  basis: voyageBasis.nullable().describe('How the leg is known. Null: not recorded.'),
  identification: identificationSchema.nullable().describe('Who identified the vessel, in what words. Null: not recorded.'),
  cargo: z.string().nullable(),
  sourceIds: z.array(slug).min(1),
  metrics: voyageMetricsSchema,
  ...recordBookkeeping,
});
export type VoyageSummary = z.infer<typeof voyageSummarySchema>;

export const voyageDetailSchema = voyageSummarySchema.extend({
  route: lineString.describe('GeoJSON LineString, [lon, lat].'),
  notes: z.string().nullable(),
  sources: z.array(listedSource),
  observations: z
    .array(listedObservation)
    .describe("Sightings of the same vessel at either end of the leg, within the leg's date windows."),
  claims: z.array(listedClaim).describe('Aggregate claims about this pair of ports (either direction), one per source, never summed.'),
  portClaims: z.array(listedClaim).describe("Claims that name one of these ports but not this route (a port's traffic, another route)."),
  citedSources: z.array(listedSource).describe('The sources the sightings and claims cite, so that the reader sees who said each.'),
});
export type VoyageDetail = z.infer<typeof voyageDetailSchema>;

export const voyageListSchema = z.object({
  voyages: z.array(voyageSummarySchema),
  total: z.number().int().nonnegative(),
  limit: z.number().int().positive(),
  offset: z.number().int().nonnegative(),
});
export type VoyageList = z.infer<typeof voyageListSchema>;

export const nearestPortAnswerSchema = z.object({
  port: listedPort,
  distanceNm: z.number().nonnegative(),
  insideGeofence: z.boolean(),
});
export type NearestPortAnswer = z.infer<typeof nearestPortAnswerSchema>;

export const apiErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z
      .unknown()
      .optional()
      .describe('Bad input: { issues: [{ field, message }] }. A stale edit (409): { current: Annotation }. 429: { retryAfter: seconds }.'),
  }),
});
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>;

/** The answers that wrap records in a named field: one schema per endpoint, one name per schema. */
export const healthAnswerSchema = z.object({ status: z.literal('ok') });
export const portListSchema = z.object({ ports: z.array(listedPort) });
export const vesselListSchema = z.object({ vessels: z.array(listedVessel) });
export const sourceListSchema = z.object({ sources: z.array(listedSource) });
export const claimListSchema = z.object({ claims: z.array(listedClaim) });
export const observationListSchema = z.object({ observations: z.array(listedObservation) });
export const voyageAnswerSchema = z.object({ voyage: voyageDetailSchema });
/** A page of a record's annotations, or (with `since`) what changed after an earlier answer. */
export const annotationListSchema = z.object({
  annotations: z
    .array(annotationSchema)
    .describe('A page: newest first. With since: the annotations changed after it, oldest change first.'),
  removed: z
    .array(annotationId)
    .describe('With since: annotations changed after it that this reader no longer sees (deleted); otherwise empty.'),
  nextCursor: z
    .string()
    .nullable()
    .describe('A page: pass as cursor for the older annotations; null at the end. With since: non-null when more changes wait (ask again with since=revision).'),
  revision: z.string().describe('Where this answer brings the reader up to: send it back as since to get only later changes.'),
  total: z.number().int().min(0).describe('Annotations on the record this reader sees (admins: with the deleted ones).'),
  live: z.number().int().min(0).describe('Annotations on the record that are not deleted.'),
});
export type AnnotationList = z.infer<typeof annotationListSchema>;
export const annotationAnswerSchema = z.object({ annotation: annotationSchema });
export const annotationHistorySchema = z.object({ revisions: z.array(annotationRevisionSchema) });
export const loginAnswerSchema = z.object({ user: sessionUserSchema });
export const logoutAnswerSchema = z.object({ user: z.null() });
export const meAnswerSchema = z.object({
  user: sessionUserSchema.nullable(),
  readRequiresLogin: z.boolean().describe('True when this instance lets only signed-in accounts read.'),
});
export const userListSchema = z.object({ users: z.array(userAccountSchema) });
export const userAnswerSchema = z.object({ user: userAccountSchema });

const ring = z.array(z.tuple([z.number(), z.number()])).min(4);
const lonLat = z.tuple([z.number(), z.number()]);
/** A committed basemap layer: land polygons, borders (lines) or names (points), [lon, lat]. */
export const basemapLayerSchema = z.object({
  type: z.literal('FeatureCollection'),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).optional(),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      properties: z.object({
        a3: z.string().optional().describe('ISO 3166-1 alpha-3 of the land, where known.'),
        kind: z.enum(['border', 'country', 'sea', 'city']).optional().describe('borders and places: what the feature is.'),
        name: z.string().optional().describe('places: the name drawn.'),
        minZoom: z.number().optional().describe('places: drawn from this zoom on...'),
        maxZoom: z.number().optional().describe('places: ...up to (not including) this one.'),
        rank: z.number().int().optional().describe('places, towns: lower is named first.'),
        population: z.number().int().optional().describe('places, towns: GeoNames population.'),
        source: z.string().optional().describe('borders and places: where it comes from (data/basemap/ATTRIBUTION.md).'),
      }),
      geometry: z.discriminatedUnion('type', [
        z.object({ type: z.literal('Polygon'), coordinates: z.array(ring) }),
        z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring)) }),
        z.object({ type: z.literal('MultiLineString'), coordinates: z.array(z.array(lonLat).min(2)) }),
        z.object({ type: z.literal('Point'), coordinates: lonLat }),
      ]),
    }),
  ),
});

/** Only the outline: the document's detail is generated, and read by the contract test. */
export const openApiDocumentSchema = z.looseObject({
  openapi: z.string(),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.unknown()),
  components: z.looseObject({ schemas: z.record(z.string(), z.unknown()) }),
});
