/**
 * The OpenAPI 3.1 description of the HTTP API, served at /api/openapi.json, generated from the zod
 * schemas: answers from lib/core/domain/dto.ts (and the records of schemas.ts), request bodies from
 * the input schemas, path and query parameters from query.ts. No field or enum is written out here;
 * this file only says which schema answers which path, method and status, so a field added to a
 * schema reaches the document by itself. tests/unit/api/contract.test.ts validates real answers of
 * every endpoint against this document.
 */
import { z } from 'zod';
import { loginInput, updateUserInput } from './accounts';
import { API_PATHS, type ErrorStatus, HEADERS, type Operation } from './api-contract';
import {
  annotationRevisionSchema,
  annotationSchema,
  annotationSnapshotSchema,
  createAnnotationInput,
  sessionUserSchema,
  updateAnnotationInput,
  userAccountSchema,
  userRefSchema,
} from './annotations';
import {
  annotationAnswerSchema,
  annotationHistorySchema,
  annotationListSchema,
  apiErrorBodySchema,
  basemapLayerSchema,
  claimListSchema,
  healthAnswerSchema,
  loginAnswerSchema,
  logoutAnswerSchema,
  meAnswerSchema,
  nearestPortAnswerSchema,
  observationListSchema,
  openApiDocumentSchema,
  portListSchema,
  refSchema,
  sourceListSchema,
  userAnswerSchema,
  userListSchema,
  vesselListSchema,
  voyageAnswerSchema,
  voyageDetailSchema,
  voyageListSchema,
  voyageMetricsSchema,
  voyageSummarySchema,
} from './dto';
import { DATASET_COMPONENTS } from './dataset';
import { DESK_ANSWER_COMPONENTS, DESK_REQUEST_COMPONENTS } from './desk-dto';
import { FACET_COMPONENTS } from './facets';
import { portFeatureCollectionSchema, voyageFeatureCollectionSchema, voyagesCsvSchema, voyagesCsvtSchema } from './format';
import { voyageFlatFeatureCollectionSchema, voyageGeoJsonAnswerSchema } from './format-geojson-flat';
import { gpxDocumentSchema } from './format-gpx';
import { kmlDocumentSchema } from './format-kml';
import { claimSchema, dateWindow, observationSchema, portSchema, sourceSchema, vesselSchema } from './schemas';
import { SEARCH_COMPONENTS } from './search';
import { TEAM_ANNOTATION_COMPONENTS } from './team-annotations';
import { TRACK_COMPONENTS } from './api-contract-tracks';
import { VOYAGE_MAP_COMPONENTS } from './voyage-map-contract';

type JsonSchema = Record<string, unknown>;

/** Answers, generated as they leave the server (io: output); every object refuses unknown fields. */
const answers = z.registry<{ id: string }>();
for (const [id, schema] of Object.entries({
  DateWindow: dateWindow,
  Source: sourceSchema,
  Port: portSchema,
  Vessel: vesselSchema,
  Observation: observationSchema,
  Claim: claimSchema,
  Ref: refSchema,
  VoyageMetrics: voyageMetricsSchema,
  VoyageSummary: voyageSummarySchema,
  VoyageDetail: voyageDetailSchema,
  UserRef: userRefSchema,
  SessionUser: sessionUserSchema,
  UserAccount: userAccountSchema,
  Annotation: annotationSchema,
  AnnotationSnapshot: annotationSnapshotSchema,
  AnnotationRevision: annotationRevisionSchema,
  Error: apiErrorBodySchema,
  HealthAnswer: healthAnswerSchema,
  PortList: portListSchema,
  PortFeatureCollection: portFeatureCollectionSchema,
  NearestPortAnswer: nearestPortAnswerSchema,
  VesselList: vesselListSchema,
  SourceList: sourceListSchema,
  ClaimList: claimListSchema,
  ObservationList: observationListSchema,
  VoyageList: voyageListSchema,
  VoyageFeatureCollection: voyageFeatureCollectionSchema,
  VoyagesCsv: voyagesCsvSchema,
  VoyagesCsvt: voyagesCsvtSchema,
  VoyageFlatFeatureCollection: voyageFlatFeatureCollectionSchema,
  VoyageGeoJson: voyageGeoJsonAnswerSchema,
  KmlDocument: kmlDocumentSchema,
  GpxDocument: gpxDocumentSchema,
  VoyageAnswer: voyageAnswerSchema,
  AnnotationList: annotationListSchema,
  AnnotationAnswer: annotationAnswerSchema,
  AnnotationHistory: annotationHistorySchema,
  LoginAnswer: loginAnswerSchema,
  LogoutAnswer: logoutAnswerSchema,
  MeAnswer: meAnswerSchema,
  UserList: userListSchema,
  UserAnswer: userAnswerSchema,
  BasemapLayer: basemapLayerSchema,
  OpenApiDocument: openApiDocumentSchema,
  ...DESK_ANSWER_COMPONENTS,
  ...DATASET_COMPONENTS,
  ...TEAM_ANNOTATION_COMPONENTS,
  ...SEARCH_COMPONENTS,
  ...FACET_COMPONENTS,
  ...TRACK_COMPONENTS,
  ...VOYAGE_MAP_COMPONENTS,
})) {
  answers.add(schema, { id });
}

/** Request bodies, generated as clients send them (io: input: defaults make a field optional). */
const requests = z.registry<{ id: string }>();
requests.add(createAnnotationInput, { id: 'CreateAnnotationInput' });
requests.add(updateAnnotationInput, { id: 'UpdateAnnotationInput' });
requests.add(loginInput, { id: 'LoginInput' });
requests.add(updateUserInput, { id: 'UpdateUserInput' });
for (const [id, schema] of Object.entries(DESK_REQUEST_COMPONENTS)) requests.add(schema, { id });

const uri = (id: string) => `#/components/schemas/${id}`;

function components(registry: z.core.$ZodRegistry<{ id: string }>, io: 'input' | 'output'): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(registry, { io, uri });
  if ('__shared' in schemas) {
    throw new Error('openApiDocument: a schema is reused in a cycle; register it in lib/core/domain/openapi.ts under a name');
  }
  const out: Record<string, JsonSchema> = {};
  for (const [id, schema] of Object.entries(schemas)) {
    const { $schema: _drop, $id: _id, ...rest } = schema as JsonSchema;
    out[id] = rest;
  }
  return out;
}

function refTo(schema: z.ZodType): JsonSchema {
  const id = answers.get(schema)?.id ?? requests.get(schema)?.id;
  if (!id) throw new Error('openApiDocument: an operation names a schema that has no component name; add it to the registry in openapi.ts');
  return { $ref: uri(id) };
}

/** One parameter per field of a path or query schema, as the handler reads it after parsing. */
function parameters(where: 'path' | 'query', fields: Record<string, z.ZodType>) {
  return Object.entries(fields).map(([name, field]) => {
    const { $schema: _drop, description, ...schema } = z.toJSONSchema(field, { io: 'output' }) as JsonSchema;
    return {
      name,
      in: where,
      required: where === 'path' || !field.safeParse(undefined).success,
      ...(description === undefined ? {} : { description }),
      schema,
    };
  });
}

function shapeOf(schema: z.ZodType): Record<string, z.ZodType> {
  if (schema instanceof z.ZodObject) return schema.shape as Record<string, z.ZodType>;
  if (schema instanceof z.ZodPipe) return shapeOf(schema.in as z.ZodType);
  throw new Error('shapeOf: a query schema must be a zod object (optionally refined or transformed)');
}

const ERROR_TEXT: Record<ErrorStatus, string> = {
  '400': 'Bad input: a query or path parameter or a body field; the message and details.issues name it.',
  '401': 'Not signed in.',
  '403': 'The role does not allow it, or the request is cross-site (its Origin is not this app).',
  '404': 'Unknown id.',
  '409': 'Conflict with the current state.',
  '413': 'The body is larger than 256 KiB.',
  '415': 'The body is not sent with Content-Type: application/json.',
  '429': 'Too many attempts; see Retry-After.',
  '500': 'An unexpected failure; it is logged, and the answer holds no internals.',
  '503': 'The database does not answer.',
};

function operation(op: Operation) {
  const json = (schema: z.ZodType) => ({ schema: refTo(schema) });
  const error = { 'application/json': json(apiErrorBodySchema) };
  const responses: Record<string, unknown> = {
    [op.ok.status]: {
      description: op.ok.description ?? { '200': 'OK', '201': 'Created', '202': 'Accepted' }[op.ok.status],
      ...(op.ok.headers ? { headers: Object.fromEntries(op.ok.headers.map((h) => [h, HEADERS[h]])) } : {}),
      content: Object.fromEntries(Object.entries(op.ok.content).map(([media, schema]) => [media, json(schema)])),
    },
  };
  if (op.etag) responses['304'] = { description: 'Not modified: the If-None-Match ETag is still current.' };
  for (const [status, text] of Object.entries({ ...op.errors, '500': true })) {
    responses[status] = { description: text === true ? ERROR_TEXT[status as keyof typeof ERROR_TEXT] : text, content: error };
  }
  const params = [...parameters('path', op.path ?? {}), ...parameters('query', op.query ? shapeOf(op.query) : {})];
  return {
    summary: op.summary,
    ...(params.length ? { parameters: params } : {}),
    ...(op.body ? { requestBody: { required: true, content: { 'application/json': json(op.body) } } } : {}),
    ...(op.rawBody
      ? { requestBody: { required: true, description: op.rawBody.description, content: { [op.rawBody.media]: { schema: { type: 'string', format: 'binary' } } } } }
      : {}),
    responses,
  };
}

export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Wakeline API',
      version: '1.0.0',
      description:
        "Reported ship voyages between Rajin (DPRK) and Russia's Far East. Every record carries its sources; dates are windows; routes not observed are inferred. Errors are JSON {\"error\":{\"code\",\"message\",\"details\"}}; unknown query parameters are refused with 400, and a path no endpoint serves answers a JSON 404. Writes (POST, PATCH, DELETE) must come from this app's origin.",
    },
    paths: Object.fromEntries(
      Object.entries(API_PATHS).map(([path, ops]) => [path, Object.fromEntries(Object.entries(ops).map(([method, op]) => [method, operation(op)]))]),
    ),
    components: { schemas: { ...components(answers, 'output'), ...components(requests, 'input') } },
  };
}
