/**
 * The OpenAPI 3.1 description of the HTTP API, served at /api/openapi.json. The record schemas
 * (Source, Port, Vessel, Observation, Claim) are generated from the zod schemas the seed and the
 * handlers use; the query parameters and the voyage summary are written out here and must be kept
 * in step with lib/core/domain/query.ts and lib/core/domain/dto.ts (the route tests check every path is listed).
 */
import { z } from 'zod';
import { claimSchema, observationSchema, portSchema, sourceSchema, vesselSchema } from './schemas';

const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'output', unrepresentable: 'any'});

const errorRef = { $ref: '#/components/schemas/Error' };
const errors = {
  '400': { description: 'Bad input; the message names the field.', content: { 'application/json': { schema: errorRef } } },
};
const notFound = {
  '404': { description: 'Unknown id.', content: { 'application/json': { schema: errorRef } } },
};

const q = (name: string, description: string, s: Record<string, unknown>, required = false) => ({
  name,
  in: 'query',
  required,
  description,
  schema: s,
});
const slugParam = { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$' };
const dayParam = { type: 'string', format: 'date' };

const dateWindow = {
  type: 'object',
  required: ['earliest', 'latest', 'precision'],
  properties: {
    earliest: dayParam,
    latest: dayParam,
    precision: { type: 'string', enum: ['day', 'month', 'year'] },
    asReported: { type: 'string' },
  },
};

const ref = { type: 'object', required: ['id', 'name'], properties: { id: { type: 'string' }, name: { type: 'string' } } };

const voyageSummary = {
  type: 'object',
  required: ['id', 'vessel', 'origin', 'destination', 'departure', 'arrival', 'routeKind', 'confidence', 'sourceIds', 'metrics'],
  properties: {
    id: { type: 'string' },
    vessel: { oneOf: [ref, { type: 'null' }], description: 'null: unidentified vessel' },
    origin: ref,
    destination: ref,
    departure: dateWindow,
    arrival: dateWindow,
    routeKind: { type: 'string', enum: ['inferred', 'observed'] },
    confidence: { type: 'string', enum: ['reported', 'corroborated', 'disputed'] },
    cargo: { type: ['string', 'null'] },
    sourceIds: { type: 'array', items: { type: 'string' }, minItems: 1 },
    metrics: {
      type: 'object',
      description: 'Computed with turf (spherical earth, within ~0.5% of the WGS84 ellipsoid).',
      properties: {
        greatCircleNm: { type: 'number' },
        routeNm: { type: 'number' },
        minHours: { type: 'number' },
        maxHours: { type: 'number' },
        minKnots: { type: ['number', 'null'] },
        maxKnots: { type: ['number', 'null'], description: 'null when the windows allow a passage of ~0 h' },
        crossesLand: { type: 'boolean' },
      },
    },
  },
};

const authErrors = {
  '401': { description: 'Not signed in.', content: { 'application/json': { schema: errorRef } } },
  '403': {
    description: 'The role does not allow it, or the request is cross-site (its Origin is not this app).',
    content: { 'application/json': { schema: errorRef } },
  },
};
const jsonBody = (s: Record<string, unknown>) => ({ required: true, content: { 'application/json': { schema: s } } });
const annotationRef = { $ref: '#/components/schemas/Annotation' };
const oneAnnotation = { type: 'object', required: ['annotation'], properties: { annotation: annotationRef } };
const conflict = {
  '409': {
    description: 'The edit started from an older version: error.details.current holds the annotation as it now is.',
    content: { 'application/json': { schema: errorRef } },
  },
};
const annotationIdParam = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };
const userRef = { type: 'object', required: ['id', 'username'], properties: { id: { type: 'integer' }, username: { type: 'string' } } };
const position = { type: 'array', prefixItems: [{ type: 'number', minimum: -180, maximum: 180 }, { type: 'number', minimum: -90, maximum: 90 }], minItems: 2, maxItems: 2, description: '[lon, lat], WGS84' };
const annotationKinds = { type: 'string', enum: ['note', 'evidence', 'question', 'correction'] };
const snapshot = {
  type: ['object', 'null'],
  properties: {
    kind: annotationKinds,
    body: { type: 'string' },
    evidenceUrls: { type: 'array', items: { type: 'string' } },
    location: { oneOf: [position, { type: 'null' }] },
    resolved: { type: 'boolean' },
    deleted: { type: 'boolean' },
    version: { type: 'integer' },
  },
};

function targetAnnotations(kind: 'voyage' | 'port' | 'vessel') {
  return {
    get: {
      summary: `Annotations on a ${kind}, oldest first (soft-deleted ones only for admins)`,
      parameters: [{ name: 'id', in: 'path', required: true, schema: slugParam }],
      responses: {
        '200': {
          description: 'OK (Cache-Control: no-store)',
          content: { 'application/json': { schema: { type: 'object', properties: { annotations: { type: 'array', items: annotationRef } } } } },
        },
        ...errors,
        ...notFound,
      },
    },
    post: {
      summary: `Annotate a ${kind} (editor or admin; same-origin only)`,
      parameters: [{ name: 'id', in: 'path', required: true, schema: slugParam }],
      requestBody: jsonBody({
        type: 'object',
        required: ['body'],
        additionalProperties: false,
        properties: {
          kind: { ...annotationKinds, default: 'note' },
          body: { type: 'string', minLength: 1, maxLength: 10000, description: 'Plain text; URLs are shown as links, never as HTML.' },
          evidenceUrls: { type: 'array', items: { type: 'string', format: 'uri', description: 'http or https' }, maxItems: 20 },
          location: { oneOf: [position, { type: 'null' }] },
          parentId: { type: ['string', 'null'], format: 'uuid', description: 'Reply to this annotation (threads are one level deep).' },
        },
      }),
      responses: { '201': { description: 'Created', content: { 'application/json': { schema: oneAnnotation } } }, ...errors, ...authErrors, ...notFound },
    },
  };
}

const voyageFilters = [
  q('vessel', 'Vessel id.', slugParam),
  q('port', 'Port id, at either end of the leg.', slugParam),
  q('from', 'Keep voyages whose span (earliest departure to latest arrival) ends on or after this day.', dayParam),
  q('to', 'Keep voyages whose span starts on or before this day.', dayParam),
  q('confidence', 'Confidence of the record.', { type: 'string', enum: ['reported', 'corroborated', 'disputed'] }),
];

export function openApiDocument() {
  const list = (key: string, item: string) => ({
    type: 'object',
    required: [key],
    properties: { [key]: { type: 'array', items: { $ref: `#/components/schemas/${item}` } } },
  });
  const ok = (s: Record<string, unknown>, type = 'application/json') => ({
    '200': { description: 'OK', content: { [type]: { schema: s } } },
  });
  return {
    openapi: '3.1.0',
    info: {
      title: 'Wakeline API',
      version: '1.0.0',
      description:
        'Reported ship voyages between Rajin (DPRK) and Russia\'s Far East. Every record carries its sources; dates are windows; routes not observed are inferred. Errors are JSON {"error":{"code","message","details"}}; unknown query parameters are refused with 400.',
    },
    paths: {
      '/api/health': { get: { summary: 'Database health', responses: ok({ type: 'object', properties: { status: { const: 'ok' } } }) } },
      '/api/ports': {
        get: {
          summary: 'Ports with positions and geofences',
          parameters: [q('format', 'json (default) or geojson (FeatureCollection of points)', { type: 'string', enum: ['json', 'geojson'] })],
          responses: { ...ok(list('ports', 'Port')), ...errors },
        },
      },
      '/api/ports/nearest': {
        get: {
          summary: 'Nearest port to a position, with distance and geofence test',
          parameters: [
            q('lat', 'Latitude, WGS84 degrees', { type: 'number', minimum: -90, maximum: 90 }, true),
            q('lon', 'Longitude, WGS84 degrees', { type: 'number', minimum: -180, maximum: 180 }, true),
          ],
          responses: {
            ...ok({
              type: 'object',
              properties: {
                port: { $ref: '#/components/schemas/Port' },
                distanceNm: { type: 'number' },
                insideGeofence: { type: 'boolean' },
              },
            }),
            ...errors,
          },
        },
      },
      '/api/vessels': { get: { summary: 'Vessels', responses: { ...ok(list('vessels', 'Vessel')), ...errors } } },
      '/api/sources': { get: { summary: 'Sources', responses: { ...ok(list('sources', 'Source')), ...errors } } },
      '/api/claims': {
        get: {
          summary: 'Aggregate claims, one per source statement (never summed)',
          parameters: [q('vessel', 'Vessel id', slugParam), q('port', 'Port id at either end', slugParam)],
          responses: { ...ok(list('claims', 'Claim')), ...errors },
        },
      },
      '/api/observations': {
        get: {
          summary: 'Dated sightings',
          parameters: [q('vessel', 'Vessel id', slugParam), q('port', 'Port id', slugParam)],
          responses: { ...ok(list('observations', 'Observation')), ...errors },
        },
      },
      '/api/voyages': {
        get: {
          summary: 'Voyages with metrics; filterable; JSON, GeoJSON or CSV',
          parameters: [
            ...voyageFilters,
            q('format', 'json (default), geojson (LineString features) or csv', { type: 'string', enum: ['json', 'geojson', 'csv'] }),
            q('limit', 'Page size, 1–5000 (default 100 for JSON, 5000 for GeoJSON and CSV)', { type: 'integer', minimum: 1, maximum: 5000 }),
            q('offset', 'Records to skip (default 0)', { type: 'integer', minimum: 0 }),
          ],
          responses: {
            '200': {
              description: 'OK. X-Total-Count gives the number of matching voyages.',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    properties: {
                      voyages: { type: 'array', items: { $ref: '#/components/schemas/VoyageSummary' } },
                      total: { type: 'integer' },
                      limit: { type: 'integer' },
                      offset: { type: 'integer' },
                    },
                  },
                },
                'application/geo+json': { schema: { type: 'object', description: 'GeoJSON FeatureCollection of LineString' } },
                'text/csv': { schema: { type: 'string' } },
              },
            },
            ...errors,
          },
        },
      },
      '/api/voyages/{id}': {
        get: {
          summary: 'One voyage with route geometry, metrics, sources, sightings and the claims about its route',
          parameters: [{ name: 'id', in: 'path', required: true, schema: slugParam }],
          responses: {
            ...ok({
              type: 'object',
              properties: {
                voyage: {
                  allOf: [
                    { $ref: '#/components/schemas/VoyageSummary' },
                    {
                      type: 'object',
                      properties: {
                        route: { type: 'object', description: 'GeoJSON LineString, [lon, lat]' },
                        notes: { type: ['string', 'null'] },
                        sources: { type: 'array', items: { $ref: '#/components/schemas/Source' } },
                        observations: { type: 'array', items: { $ref: '#/components/schemas/Observation' } },
                        claims: { type: 'array', items: { $ref: '#/components/schemas/Claim' } },
                      },
                    },
                  ],
                },
              },
            }),
            ...errors,
            ...notFound,
          },
        },
      },
      '/api/voyages/{id}/annotations': targetAnnotations('voyage'),
      '/api/ports/{id}/annotations': targetAnnotations('port'),
      '/api/vessels/{id}/annotations': targetAnnotations('vessel'),
      '/api/annotations/{id}': {
        get: { summary: 'One annotation', parameters: [annotationIdParam], responses: { ...ok(oneAnnotation), ...errors, ...notFound } },
        patch: {
          summary: 'Edit an annotation (its author or an admin). Carries the version it started from.',
          parameters: [annotationIdParam],
          requestBody: jsonBody({
            type: 'object',
            required: ['version'],
            additionalProperties: false,
            properties: {
              version: { type: 'integer', minimum: 1 },
              kind: annotationKinds,
              body: { type: 'string', minLength: 1, maxLength: 10000 },
              evidenceUrls: { type: 'array', items: { type: 'string', format: 'uri' } },
              location: { oneOf: [position, { type: 'null' }] },
              resolved: { type: 'boolean', description: 'Questions only.' },
            },
          }),
          responses: { ...ok(oneAnnotation), ...errors, ...authErrors, ...notFound, ...conflict },
        },
        delete: {
          summary: 'Soft-delete an annotation (its author or an admin); an admin can restore it',
          parameters: [annotationIdParam, q('version', 'Only delete if this is still the current version.', { type: 'integer', minimum: 1 })],
          responses: { ...ok(oneAnnotation), ...errors, ...authErrors, ...notFound, ...conflict },
        },
      },
      '/api/annotations/{id}/history': {
        get: {
          summary: 'Every accepted change to an annotation: who, when, before and after',
          parameters: [annotationIdParam],
          responses: {
            ...ok({
              type: 'object',
              properties: {
                revisions: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      version: { type: 'integer' },
                      action: { type: 'string', enum: ['create', 'edit', 'delete', 'restore'] },
                      actor: userRef,
                      at: { type: 'string', format: 'date-time' },
                      before: snapshot,
                      after: snapshot,
                    },
                  },
                },
              },
            }),
            ...errors,
            ...notFound,
          },
        },
      },
      '/api/annotations/{id}/restore': {
        post: {
          summary: 'Restore a soft-deleted annotation (admin)',
          parameters: [annotationIdParam],
          responses: { ...ok(oneAnnotation), ...errors, ...authErrors, ...notFound, '409': { description: 'Not deleted.' } },
        },
      },
      '/api/auth/login': {
        post: {
          summary: 'Sign in; sets the session cookie (HttpOnly, SameSite=Lax; __Host- and Secure over https)',
          requestBody: jsonBody({
            type: 'object',
            required: ['username', 'password'],
            additionalProperties: false,
            properties: { username: { type: 'string' }, password: { type: 'string' } },
          }),
          responses: {
            ...ok({ type: 'object', properties: { user: { $ref: '#/components/schemas/Me' } } }),
            ...errors,
            '401': { description: 'Wrong username or password.', content: { 'application/json': { schema: errorRef } } },
            '403': { description: 'Cross-site request.', content: { 'application/json': { schema: errorRef } } },
            '429': {
              description: 'Too many failed sign-ins for the account (5 in 15 min) or the address (20 in 15 min); see Retry-After.',
              content: { 'application/json': { schema: errorRef } },
            },
          },
        },
      },
      '/api/auth/logout': {
        post: { summary: 'Sign out: ends the session', responses: { ...ok({ type: 'object', properties: { user: { type: 'null' } } }), ...authErrors } },
      },
      '/api/auth/me': {
        get: {
          summary: 'The signed-in account, or null',
          responses: ok({
            type: 'object',
            properties: { user: { oneOf: [{ $ref: '#/components/schemas/Me' }, { type: 'null' }] }, readRequiresLogin: { type: 'boolean' } },
          }),
        },
      },
      '/api/users': {
        get: {
          summary: 'Accounts and roles (admin)',
          responses: { ...ok({ type: 'object', properties: { users: { type: 'array', items: { $ref: '#/components/schemas/UserAccount' } } } }), ...authErrors },
        },
      },
      '/api/users/{id}': {
        patch: {
          summary: 'Change a role or (de)activate an account (admin); the last active admin stays',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }],
          requestBody: jsonBody({
            type: 'object',
            additionalProperties: false,
            properties: { role: { type: 'string', enum: ['viewer', 'editor', 'admin'] }, active: { type: 'boolean' } },
          }),
          responses: {
            ...ok({ type: 'object', properties: { user: { $ref: '#/components/schemas/UserAccount' } } }),
            ...errors,
            ...authErrors,
            ...notFound,
            '409': { description: 'Would leave no active admin.' },
          },
        },
      },
      '/api/basemap/{layer}': {
        get: {
          summary: 'Offline basemap land polygons (© OpenStreetMap contributors, ODbL; Natural Earth)',
          parameters: [{ name: 'layer', in: 'path', required: true, schema: { type: 'string', enum: ['land', 'world'] } }],
          responses: { ...ok({ type: 'object' }, 'application/geo+json'), ...errors },
        },
      },
    },
    components: {
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} },
            },
          },
        },
        Source: schema(sourceSchema),
        Port: schema(portSchema),
        Vessel: schema(vesselSchema),
        Observation: schema(observationSchema),
        Claim: schema(claimSchema),
        VoyageSummary: voyageSummary,
        Me: { allOf: [userRef, { type: 'object', properties: { role: { type: 'string', enum: ['viewer', 'editor', 'admin'] } } }] },
        UserAccount: {
          allOf: [
            userRef,
            {
              type: 'object',
              properties: {
                role: { type: 'string', enum: ['viewer', 'editor', 'admin'] },
                active: { type: 'boolean' },
                createdAt: { type: 'string', format: 'date-time' },
              },
            },
          ],
        },
        Annotation: {
          type: 'object',
          required: ['id', 'target', 'parentId', 'kind', 'body', 'evidenceUrls', 'location', 'resolved', 'author', 'createdAt', 'editedAt', 'version', 'deletedAt'],
          properties: {
            id: { type: 'string', format: 'uuid' },
            target: { type: 'object', properties: { type: { type: 'string', enum: ['voyage', 'port', 'vessel'] }, id: { type: 'string' } } },
            parentId: { type: ['string', 'null'] },
            kind: annotationKinds,
            body: { type: 'string', description: 'Plain text, never HTML.' },
            evidenceUrls: { type: 'array', items: { type: 'string' } },
            location: { oneOf: [position, { type: 'null' }] },
            resolved: { type: 'boolean' },
            author: userRef,
            createdAt: { type: 'string', format: 'date-time' },
            editedAt: { type: ['string', 'null'], format: 'date-time' },
            version: { type: 'integer', minimum: 1 },
            deletedAt: { type: ['string', 'null'], description: 'Set on soft-deleted annotations (admins only see these).' },
          },
        },
      },
    },
  };
}
