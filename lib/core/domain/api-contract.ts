/**
 * The HTTP API's contract, path by path: which zod schema answers which method and status, which
 * schemas give the path and query parameters and the body. lib/core/domain/openapi.ts turns this
 * table into /api/openapi.json; every route file under app/api must have its path and method here
 * (tests/unit/api/contract.test.ts checks it, and validates real answers against the document).
 */
import { DATASET_PATHS } from './api-contract-dataset';
import { TRACK_PATHS } from './api-contract-tracks';
import { DESK_PATHS } from './api-contract-desk';
import type { Method, Operation } from './api-operation';
import { loginInput, updateUserInput } from './accounts';
import { ANNOTATION_WRITE_LIMIT } from './annotation-list';
import { type TargetType, annotationId, createAnnotationInput, targetIdParam, updateAnnotationInput } from './annotations';
import {
  annotationAnswerSchema,
  annotationHistorySchema,
  annotationListSchema,
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
  sourceListSchema,
  userAnswerSchema,
  userListSchema,
  vesselListSchema,
  voyageAnswerSchema,
} from './dto';
import { facetsAnswerSchema, facetsQuery } from './facets';
import { voyageMapOperation } from './voyage-map-contract';
import { portFeatureCollectionSchema } from './format';
import { VOYAGES_CONTENT } from './format-media';
import {
  annotationDeleteQuery,
  annotationListQuery,
  basemapLayer,
  claimsQuery,
  emptyQuery,
  idParam,
  nearestQuery,
  observationsQuery,
  portsQuery,
  userIdParam,
  voyageQuery,
} from './query';
import { searchAnswerSchema, searchQuery } from './search';
import { teamAnnotationListSchema, teamAnnotationsQuery } from './team-annotations';

export { HEADERS, type ErrorStatus, type Method, type Operation } from './api-operation';

const READ_401 = 'This instance requires a login to read (WAKELINE_READ_REQUIRES_LOGIN=1) and none was given.';
const reads = { '400': true, '401': READ_401 } as const;
const writes = { '400': true, '401': true, '403': true, '413': true, '415': true } as const;
const STALE = 'The edit started from an older version: error.details.current holds the annotation as it now is.';
const WRITE_LIMIT = `Too many annotation writes by this account (create, edit, delete and restore together: ${ANNOTATION_WRITE_LIMIT.max} a minute); see Retry-After.`;

function targetAnnotations(kind: TargetType): Partial<Record<Method, Operation>> {
  const path = { id: targetIdParam.describe(`The ${kind} id.`) };
  return {
    get: {
      summary: `Annotations on a ${kind}, a page at a time, newest first, or only those changed since an earlier answer (soft-deleted ones only for admins)`,
      path,
      query: annotationListQuery,
      ok: { status: '200', content: { 'application/json': annotationListSchema }, headers: ['ETag'] },
      errors: {
        ...reads,
        '400': 'A bad limit, cursor or since (a since given for another view of the list or newer than it: load the list again).',
        '404': `No ${kind} has this id.`,
      },
      etag: true,
    },
    post: {
      summary: `Annotate a ${kind} (editor or admin; same-origin only)`,
      path,
      query: emptyQuery,
      body: createAnnotationInput,
      ok: { status: '201', content: { 'application/json': annotationAnswerSchema } },
      errors: { ...writes, '404': `No ${kind} has this id.`, '429': WRITE_LIMIT },
    },
  };
}

const annotationPath = { id: annotationId.describe('The annotation id.') };

const BASE_PATHS: Record<string, Partial<Record<Method, Operation>>> = {
  '/api/health': {
    get: { summary: 'Database health', ok: { status: '200', content: { 'application/json': healthAnswerSchema } }, errors: { '503': true } },
  },
  '/api/openapi.json': {
    get: { summary: 'This document', ok: { status: '200', content: { 'application/json': openApiDocumentSchema } }, errors: {} },
  },
  '/api/ports': {
    get: {
      summary: 'Ports with positions and geofences',
      query: portsQuery,
      ok: { status: '200', content: { 'application/json': portListSchema, 'application/geo+json': portFeatureCollectionSchema } },
      errors: reads,
    },
  },
  '/api/ports/nearest': {
    get: {
      summary: 'Nearest port to a position, with distance and geofence test',
      query: nearestQuery,
      ok: { status: '200', content: { 'application/json': nearestPortAnswerSchema } },
      errors: { ...reads, '404': 'There are no ports in the database.' },
    },
  },
  '/api/vessels': {
    get: { summary: 'Vessels', query: emptyQuery, ok: { status: '200', content: { 'application/json': vesselListSchema } }, errors: reads },
  },
  '/api/search': {
    get: {
      summary: 'Search vessels (name, former names, IMO, MMSI, call sign), ports (name, alternative names, UN/LOCODE) and sources (title, publisher); hits grouped by kind, each saying what matched',
      query: searchQuery,
      ok: { status: '200', content: { 'application/json': searchAnswerSchema } },
      errors: reads,
    },
  },
  '/api/sources': {
    get: { summary: 'Sources', query: emptyQuery, ok: { status: '200', content: { 'application/json': sourceListSchema } }, errors: reads },
  },
  '/api/claims': {
    get: {
      summary: 'Aggregate claims, one per source statement (never summed)',
      query: claimsQuery,
      ok: { status: '200', content: { 'application/json': claimListSchema } },
      errors: reads,
    },
  },
  '/api/observations': {
    get: {
      summary: 'Dated sightings',
      query: observationsQuery,
      ok: { status: '200', content: { 'application/json': observationListSchema } },
      errors: reads,
    },
  },
  '/api/voyages': {
    get: {
      summary: 'Voyages with metrics; filterable; JSON, GeoJSON (nested or flat), CSV (with its .csvt), KML or GPX',
      query: voyageQuery,
      ok: {
        status: '200',
        content: VOYAGES_CONTENT,
        headers: ['X-Total-Count', 'ETag'],
      },
      errors: reads,
      etag: true,
    },
  },
  '/api/voyages/facets': {
    get: {
      summary: 'The vessels and ports with voyages under the other filters, each with its count (faceted counts for the filters)',
      query: facetsQuery,
      ok: { status: '200', content: { 'application/json': facetsAnswerSchema }, headers: ['ETag'] },
      errors: reads,
      etag: true,
    },
  },
  '/api/voyages/map': voyageMapOperation(reads),
  '/api/voyages/{id}': {
    get: {
      summary: 'One voyage with route geometry, metrics, sources, sightings and the claims about its ports',
      path: { id: idParam.describe('The voyage id.') },
      query: emptyQuery,
      ok: { status: '200', content: { 'application/json': voyageAnswerSchema }, headers: ['ETag'] },
      errors: { ...reads, '404': 'No voyage has this id.' },
      etag: true,
    },
  },
  '/api/voyages/{id}/annotations': targetAnnotations('voyage'),
  '/api/ports/{id}/annotations': targetAnnotations('port'),
  '/api/vessels/{id}/annotations': targetAnnotations('vessel'),
  '/api/annotations': {
    get: {
      summary: 'The team’s annotations across voyages, ports and vessels, newest first; status=open lists the unresolved questions and corrections (never deleted ones)',
      query: teamAnnotationsQuery,
      ok: { status: '200', content: { 'application/json': teamAnnotationListSchema } },
      errors: reads,
    },
  },
  '/api/annotations/{id}': {
    get: {
      summary: 'One annotation',
      path: annotationPath,
      query: emptyQuery,
      ok: { status: '200', content: { 'application/json': annotationAnswerSchema } },
      errors: { ...reads, '404': true },
    },
    patch: {
      summary: 'Edit an annotation (its author or an admin); carries the version it started from',
      path: annotationPath,
      query: emptyQuery,
      body: updateAnnotationInput,
      ok: { status: '200', content: { 'application/json': annotationAnswerSchema } },
      errors: { ...writes, '404': true, '409': STALE, '429': WRITE_LIMIT },
    },
    delete: {
      summary: 'Soft-delete an annotation (its author or an admin); an admin can restore it',
      path: annotationPath,
      query: annotationDeleteQuery,
      ok: { status: '200', content: { 'application/json': annotationAnswerSchema } },
      errors: { '400': true, '401': true, '403': true, '404': true, '409': STALE, '429': WRITE_LIMIT },
    },
  },
  '/api/annotations/{id}/history': {
    get: {
      summary: 'Every accepted change to an annotation: who, when, before and after',
      path: annotationPath,
      query: emptyQuery,
      ok: { status: '200', content: { 'application/json': annotationHistorySchema } },
      errors: { ...reads, '404': true },
    },
  },
  '/api/annotations/{id}/restore': {
    post: {
      summary: 'Restore a soft-deleted annotation (admin)',
      path: annotationPath,
      query: emptyQuery,
      ok: { status: '200', content: { 'application/json': annotationAnswerSchema } },
      errors: { '400': true, '401': true, '403': true, '404': true, '409': 'The annotation is not deleted.', '429': WRITE_LIMIT },
    },
  },
  '/api/auth/login': {
    post: {
      summary: 'Sign in; sets the session cookie',
      body: loginInput,
      ok: { status: '200', content: { 'application/json': loginAnswerSchema }, headers: ['Set-Cookie'] },
      errors: {
        '400': true,
        '401': 'Wrong username or password, or the account is deactivated.',
        '403': 'Cross-site request.',
        '413': true,
        '415': true,
        '429': 'Too many failed sign-ins for this username from this address (5 free, then 1 s doubling to 15 min) or from this address (20 free, then the same); see Retry-After.',
      },
    },
  },
  '/api/auth/logout': {
    post: {
      summary: 'Sign out: ends the session',
      ok: { status: '200', content: { 'application/json': logoutAnswerSchema }, headers: ['Set-Cookie'] },
      errors: { '403': 'Cross-site request.' },
    },
  },
  '/api/auth/me': {
    get: {
      summary: 'The signed-in account (or null), and whether reading needs a login',
      query: emptyQuery,
      ok: { status: '200', content: { 'application/json': meAnswerSchema } },
      errors: { '400': true },
    },
  },
  '/api/users': {
    get: {
      summary: 'Accounts and roles (admin)',
      query: emptyQuery,
      ok: { status: '200', content: { 'application/json': userListSchema } },
      errors: { '400': true, '401': true, '403': true },
    },
  },
  '/api/users/{id}': {
    patch: {
      summary: 'Change a role or (de)activate an account (admin); the last active admin stays',
      path: { id: userIdParam.describe('The account id.') },
      query: emptyQuery,
      body: updateUserInput,
      ok: { status: '200', content: { 'application/json': userAnswerSchema } },
      errors: { ...writes, '404': 'No account has this id.', '409': 'It would leave no active admin.' },
    },
  },
  '/api/basemap/{layer}': {
    get: {
      summary: 'Offline basemap layers (© OpenStreetMap contributors, ODbL; Natural Earth; GeoNames, CC BY 4.0)',
      path: {
        layer: basemapLayer.describe(
          'land: the region in detail; world: land for the rest of the globe; borders: land borders between countries; places: names of countries, seas and towns.',
        ),
      },
      query: emptyQuery,
      ok: { status: '200', content: { 'application/geo+json': basemapLayerSchema } },
      errors: { '400': true },
    },
  },
  ...DATASET_PATHS,
  ...TRACK_PATHS,
};

/** Every path: the reads and accounts above, and the evidence desk's writes (merged per path: /api/sources has GET and POST). */
export const API_PATHS: Record<string, Partial<Record<Method, Operation>>> = Object.fromEntries(
  [...new Set([...Object.keys(BASE_PATHS), ...Object.keys(DESK_PATHS)])].map((p) => [p, { ...BASE_PATHS[p], ...DESK_PATHS[p] }]),
);
