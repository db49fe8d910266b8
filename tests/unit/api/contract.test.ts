/* eslint-disable max-lines -- one table of calls per endpoint, so that every documented answer is produced in one run */
/**
 * The API contract: every endpoint called directly, as Next.js calls it, against a real temporary
 * SQLite file, and every answer (successes and errors alike) validated against the generated
 * /api/openapi.json for its path, method, status and media type. The document's objects refuse
 * undocumented fields, so an answer that gains or loses a field fails here. The last test checks
 * that each answer the document promises was actually produced by some call above it.
 */
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import seedPorts from '@/data/seed/ports.json';
import seedVessels from '@/data/seed/vessels.json';
import seedVoyages from '@/data/seed/voyages.json';
import { IMPORT_MAX_BYTES } from '@/lib/core/domain/api-contract-tracks';
import { marineCadastreLines, syntheticTrack } from '@/lib/core/track';
import { resetConfigForTests } from '@/lib/server/config';
import { importsSettled } from '@/lib/server/imports/queue';
import { TEAM_PASSWORD as PASSWORD, openTeamDatabase, resetAnnotationWriteLimits } from '../helpers';
import { KIND_SEGMENTS, RECORD_KINDS, type RecordKind, newRecord } from './desk-api';

type Method = 'get' | 'post' | 'patch' | 'delete';
type Handler = (request: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Who = 'anonymous' | 'viewer' | 'editor' | 'other' | 'admin';
interface Doc {
  paths: Record<string, Partial<Record<Method, { responses: Record<string, { content?: Record<string, unknown> }> }>>>;
}

const API_DIR = path.join(process.cwd(), 'app', 'api');
const ORIGIN = 'http://localhost';
const MISSING_ID = '00000000-0000-4000-8000-000000000000';
const voyageId = seedVoyages[0]!.id;
const portId = seedPorts[0]!.id;
const vesselId = seedVessels[0]!.id;

/** Every route.ts under app/api, as its OpenAPI path (`[id]` → `{id}`), except the catch-all. */
function routeFiles(): { apiPath: string; file: string }[] {
  const found: { apiPath: string; file: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'route.ts') {
        const rel = path.relative(API_DIR, dir).split(path.sep);
        found.push({ apiPath: `/api/${rel.map((s) => s.replace(/^\[(\w+)\]$/, '{$1}')).join('/')}`, file: full });
      }
    }
  };
  walk(API_DIR);
  return found;
}

// The catch-all answers a JSON 404 for paths nobody serves: it is the absence of an endpoint.
const CATCH_ALL = '/api/[...path]';
const modules: Record<string, Partial<Record<string, Handler>>> = {};
const cookies: Record<Who, string | null> = { anonymous: null, viewer: null, editor: null, other: null, admin: null };
const userIds: Partial<Record<Who, number>> = {};
let close: () => Promise<void>;
let doc: Doc;
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
// The document's top level is OpenAPI, not JSON Schema: ajv only resolves pointers into it.
for (const keyword of ['openapi', 'info', 'paths', 'components']) ajv.addKeyword(keyword);
const produced = new Set<string>();

beforeAll(async () => {
  for (const { apiPath, file } of routeFiles()) {
    modules[apiPath] = (await import(/* @vite-ignore */ file)) as Record<string, Handler>;
  }
  const res = await modules['/api/openapi.json']!.GET!(new Request(`${ORIGIN}/api/openapi.json`), { params: Promise.resolve({}) });
  doc = (await res.json()) as Doc;
  ajv.addSchema(doc, 'openapi.json');

  const team = await openTeamDatabase('contract');
  close = team.close;
  Object.assign(userIds, team.ids);
  Object.assign(cookies, team.cookies);
  // Four scrypt hashes, the migrations, the seed and two dozen route modules: slow on a busy machine.
}, 60_000);

beforeEach(() => resetAnnotationWriteLimits());
afterAll(() => close());

const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

/** Fails unless the document lists this status for the operation and the body fits its schema. */
function expectConforms(apiPath: string, method: Method, status: number, media: string, text: string) {
  const label = `${method.toUpperCase()} ${apiPath} → ${status} ${media}`;
  const response = doc.paths[apiPath]?.[method]?.responses[String(status)];
  expect(response, `${label}: status not in /api/openapi.json`).toBeDefined();
  produced.add(`${method} ${apiPath} ${status} ${response!.content ? media : ''}`);
  if (!response!.content) {
    expect(text, `${label}: documented without a body`).toBe('');
    return;
  }
  expect(Object.keys(response!.content), `${label}: media type not documented`).toContain(media);
  const validate = ajv.getSchema(`openapi.json#/${pointer('paths', apiPath, method, 'responses', String(status), 'content', media, 'schema')}`)!;
  const body: unknown = media.endsWith('json') ? JSON.parse(text) : text;
  const valid = validate(body);
  expect(valid ? [] : validate.errors, `${label}: answer does not match the document`).toEqual([]);
}

interface CallOptions {
  as?: Who;
  params?: Record<string, string>;
  query?: string;
  body?: unknown;
  rawBody?: string;
  contentType?: string;
  origin?: string | null;
  headers?: Record<string, string>;
}

/** Calls the route handler for a documented path and checks the answer against the document. */
async function call(apiPath: string, method: Method, o: CallOptions = {}) {
  const handler = modules[apiPath]?.[method.toUpperCase()];
  if (!handler) throw new Error(`call: no ${method.toUpperCase()} handler for ${apiPath}; check the path and method`);
  const headers: Record<string, string> = { ...o.headers };
  const cookie = cookies[o.as ?? 'anonymous'];
  if (cookie) headers.cookie = cookie;
  if (method !== 'get' && o.origin !== null) headers.origin = o.origin ?? ORIGIN;
  let body: string | undefined;
  if (o.rawBody !== undefined || o.body !== undefined) {
    headers['content-type'] = o.contentType ?? 'application/json';
    body = o.rawBody ?? JSON.stringify(o.body);
  }
  const url = `${ORIGIN}${apiPath.replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(o.params?.[k] ?? ''))}${o.query ?? ''}`;
  const res = await handler(new Request(url, { method: method.toUpperCase(), headers, body }), { params: Promise.resolve(o.params ?? {}) });
  const text = await res.text();
  const media = (res.headers.get('content-type') ?? '').split(';')[0]!.trim();
  expectConforms(apiPath, method, res.status, media, text);
  return { status: res.status, headers: res.headers, body: media.endsWith('json') && text ? JSON.parse(text) : text };
}

/** Runs `fn` with WAKELINE_READ_REQUIRES_LOGIN=1, so anonymous reads answer 401. */
async function withLoginRequired(fn: () => Promise<void>) {
  process.env.WAKELINE_READ_REQUIRES_LOGIN = '1';
  resetConfigForTests();
  try {
    await fn();
  } finally {
    delete process.env.WAKELINE_READ_REQUIRES_LOGIN;
    resetConfigForTests();
  }
}

const READS: { apiPath: string; params?: Record<string, string>; query?: string }[] = [
  { apiPath: '/api/ports' },
  { apiPath: '/api/ports/nearest', query: '?lat=42.25&lon=130.3' },
  { apiPath: '/api/vessels' },
  { apiPath: '/api/sources' },
  { apiPath: '/api/search', query: '?q=lady' },
  { apiPath: '/api/claims' },
  { apiPath: '/api/observations' },
  { apiPath: '/api/voyages' },
  { apiPath: '/api/voyages/facets', query: '?port=rajin&from=2024-01-01' },
  { apiPath: '/api/voyages/map', query: '?port=rajin' },
  { apiPath: '/api/voyages/{id}', params: { id: voyageId } },
  { apiPath: '/api/annotations', query: '?status=open&kind=question,correction' },
];

describe('the document lists every route', () => {
  it('has a path and method for every exported handler under app/api, and nothing else', async () => {
    const served: string[] = [];
    for (const { apiPath } of routeFiles()) {
      if (apiPath === CATCH_ALL) continue;
      // Every route file exports every method (app/api/_lib/methods.ts); the ones it serves are in its Allow.
      const options = await modules[apiPath]!.OPTIONS!(new Request(`${ORIGIN}${apiPath}`, { method: 'OPTIONS' }), { params: Promise.resolve({}) });
      const allow = (options.headers.get('allow') ?? '').split(', ');
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
        if (allow.includes(method)) served.push(`${method.toLowerCase()} ${apiPath}`);
      }
    }
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`));
    expect(served.length).toBeGreaterThan(20);
    expect(documented.sort()).toEqual(served.sort());
  });

  it('answers an unserved path with the documented error shape', async () => {
    const res = await modules[CATCH_ALL]!.GET!(new Request(`${ORIGIN}/api/nowhere`), { params: Promise.resolve({}) });
    const validate = ajv.getSchema('openapi.json#/components/schemas/Error')!;
    expect(res.status).toBe(404);
    const valid = validate(await res.json());
    expect(valid ? [] : validate.errors).toEqual([]);
  });
});

describe('reference data and voyages', () => {
  it('health and the document itself', async () => {
    expect((await call('/api/health', 'get')).status).toBe(200);
    expect((await call('/api/openapi.json', 'get')).status).toBe(200);
  });

  it('answer every read as documented, and refuse a bad query with 400', async () => {
    for (const r of READS) {
      expect((await call(r.apiPath, 'get', r)).status, r.apiPath).toBe(200);
      expect((await call(r.apiPath, 'get', { ...r, query: `${r.query ?? '?'}&nope=1` })).status, r.apiPath).toBe(400);
    }
    expect((await call('/api/ports', 'get', { query: '?format=geojson' })).status).toBe(200);
    expect((await call('/api/claims', 'get', { query: `?port=${portId}` })).status).toBe(200);
    expect((await call('/api/observations', 'get', { query: `?vessel=${vesselId}` })).status).toBe(200);
    expect((await call('/api/voyages', 'get', { query: '?format=geojson' })).status).toBe(200);
    expect((await call('/api/voyages', 'get', { query: '?format=csv' })).status).toBe(200);
    for (const format of ['geojson-flat', 'csvt', 'kml', 'gpx']) {
      expect((await call('/api/voyages', 'get', { query: `?format=${format}` })).status, format).toBe(200);
    }
    expect((await call('/api/voyages', 'get', { query: '?limit=2&offset=1&confidence=reported' })).status).toBe(200);
  });

  it('answers every voyage in full as documented', async () => {
    for (const v of seedVoyages) expect((await call('/api/voyages/{id}', 'get', { params: { id: v.id } })).status).toBe(200);
  });

  it('answers 404 for an unknown voyage and 400 for a malformed id', async () => {
    expect((await call('/api/voyages/{id}', 'get', { params: { id: 'no-such-voyage' } })).status).toBe(404);
    expect((await call('/api/voyages/{id}', 'get', { params: { id: 'Not A Slug' } })).status).toBe(400);
  });

  it('answers 304 to a request that names the current ETag', async () => {
    for (const [apiPath, params] of [
      ['/api/voyages', {}],
      ['/api/voyages/facets', {}],
      ['/api/voyages/map', {}],
      ['/api/voyages/{id}', { id: voyageId }],
    ] as const) {
      const first = await call(apiPath, 'get', { params });
      const etag = first.headers.get('etag')!;
      expect((await call(apiPath, 'get', { params, headers: { 'if-none-match': etag } })).status).toBe(304);
    }
  });

  it('answers 401 to every anonymous read when reading needs a login', async () => {
    await withLoginRequired(async () => {
      for (const r of READS) expect((await call(r.apiPath, 'get', r)).status, r.apiPath).toBe(401);
      for (const apiPath of ['/api/voyages/{id}/annotations', '/api/ports/{id}/annotations', '/api/vessels/{id}/annotations', '/api/voyages/{id}/record']) {
        expect((await call(apiPath, 'get', { params: { id: voyageId } })).status).toBe(401);
      }
      for (const apiPath of ['/api/annotations/{id}', '/api/annotations/{id}/history']) {
        expect((await call(apiPath, 'get', { params: { id: MISSING_ID } })).status).toBe(401);
      }
      expect((await call('/api/auth/me', 'get')).body).toEqual({ user: null, readRequiresLogin: true });
    });
  });

  it('serves both basemap layers and refuses an unknown one', async () => {
    expect((await call('/api/basemap/{layer}', 'get', { params: { layer: 'land' } })).status).toBe(200);
    expect((await call('/api/basemap/{layer}', 'get', { params: { layer: 'world' } })).status).toBe(200);
    expect((await call('/api/basemap/{layer}', 'get', { params: { layer: 'moon' } })).status).toBe(400);
  });
});

const TARGETS = [
  ['/api/voyages/{id}/annotations', voyageId],
  ['/api/ports/{id}/annotations', portId],
  ['/api/vessels/{id}/annotations', vesselId],
] as const;
const BIG = 'x'.repeat(300 * 1024);

/** An annotation created through the API by `as`, for the tests below to change. */
async function annotate(body: Record<string, unknown> = { body: 'A note' }, as: Who = 'editor') {
  const r = await call('/api/voyages/{id}/annotations', 'post', { as, params: { id: voyageId }, body });
  expect(r.status).toBe(201);
  return r.body.annotation as { id: string; version: number };
}

describe('annotations', () => {
  it('creates, lists and refuses annotations on every kind of record', async () => {
    for (const [apiPath, id] of TARGETS) {
      const params = { id };
      const made = await call(apiPath, 'post', {
        as: 'editor',
        params,
        body: { kind: 'evidence', body: 'Seen at the quay', evidenceUrls: ['https://example.org/a'], location: [130.3, 42.25] },
      });
      expect(made.status).toBe(201);
      const reply = { body: 'A reply', parentId: made.body.annotation.id };
      expect((await call(apiPath, 'post', { as: 'editor', params, body: reply })).status).toBe(201);
      expect((await call(apiPath, 'get', { params })).status).toBe(200);
      expect((await call(apiPath, 'get', { params, query: '?x=1' })).status).toBe(400);
      expect((await call(apiPath, 'get', { params: { id: 'no-such-record' } })).status).toBe(404);
      expect((await call(apiPath, 'post', { as: 'editor', params, body: { body: '' } })).status).toBe(400);
      expect((await call(apiPath, 'post', { params, body: { body: 'hi' } })).status).toBe(401);
      expect((await call(apiPath, 'post', { as: 'viewer', params, body: { body: 'hi' } })).status).toBe(403);
      expect((await call(apiPath, 'post', { as: 'editor', params, body: { body: 'hi' }, origin: 'https://evil.example' })).status).toBe(403);
      expect((await call(apiPath, 'post', { as: 'editor', params: { id: 'no-such-record' }, body: { body: 'hi' } })).status).toBe(404);
      expect((await call(apiPath, 'post', { as: 'editor', params, rawBody: BIG })).status).toBe(413);
      expect((await call(apiPath, 'post', { as: 'editor', params, rawBody: 'hi', contentType: 'text/plain' })).status).toBe(415);
    }
  });

  it('reads one annotation and refuses a malformed or unknown id', async () => {
    const a = await annotate();
    expect((await call('/api/annotations/{id}', 'get', { params: { id: a.id } })).status).toBe(200);
    expect((await call('/api/annotations/{id}', 'get', { params: { id: 'nope' } })).status).toBe(400);
    expect((await call('/api/annotations/{id}', 'get', { params: { id: MISSING_ID } })).status).toBe(404);
  });

  it('edits, and answers each refused edit as documented', async () => {
    const a = await annotate({ kind: 'question', body: 'Which berth?' });
    const params = { id: a.id };
    expect((await call('/api/annotations/{id}', 'patch', { as: 'editor', params, body: { version: 1, resolved: true } })).status).toBe(200);
    const stale = await call('/api/annotations/{id}', 'patch', { as: 'editor', params, body: { version: 1, body: 'late' } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current.version).toBe(2);
    expect((await call('/api/annotations/{id}', 'patch', { as: 'editor', params, body: { version: 2 } })).status).toBe(400);
    expect((await call('/api/annotations/{id}', 'patch', { params, body: { version: 2, body: 'x' } })).status).toBe(401);
    expect((await call('/api/annotations/{id}', 'patch', { as: 'other', params, body: { version: 2, body: 'x' } })).status).toBe(403);
    expect((await call('/api/annotations/{id}', 'patch', { as: 'editor', params: { id: MISSING_ID }, body: { version: 1, body: 'x' } })).status).toBe(404);
    expect((await call('/api/annotations/{id}', 'patch', { as: 'editor', params, rawBody: BIG })).status).toBe(413);
    expect((await call('/api/annotations/{id}', 'patch', { as: 'editor', params, rawBody: '{}', contentType: 'text/plain' })).status).toBe(415);
  });

  it('deletes, restores and shows the history, and answers each refusal as documented', async () => {
    const a = await annotate();
    const params = { id: a.id };
    await call('/api/annotations/{id}', 'patch', { as: 'editor', params, body: { version: 1, body: 'edited' } });
    expect((await call('/api/annotations/{id}', 'delete', { as: 'editor', params, query: '?version=1' })).status).toBe(409);
    expect((await call('/api/annotations/{id}', 'delete', { as: 'editor', params, query: '?version=abc' })).status).toBe(400);
    expect((await call('/api/annotations/{id}', 'delete', { params })).status).toBe(401);
    expect((await call('/api/annotations/{id}', 'delete', { as: 'other', params })).status).toBe(403);
    expect((await call('/api/annotations/{id}', 'delete', { as: 'editor', params: { id: MISSING_ID } })).status).toBe(404);
    expect((await call('/api/annotations/{id}/restore', 'post', { as: 'admin', params })).status).toBe(409);
    expect((await call('/api/annotations/{id}', 'delete', { as: 'editor', params, query: '?version=2' })).status).toBe(200);
    // An admin sees the deleted annotation, with its deletedAt, in the list and on its own.
    expect((await call('/api/voyages/{id}/annotations', 'get', { as: 'admin', params: { id: voyageId } })).status).toBe(200);
    expect((await call('/api/annotations/{id}', 'get', { as: 'admin', params })).status).toBe(200);
    expect((await call('/api/annotations/{id}/restore', 'post', { params })).status).toBe(401);
    expect((await call('/api/annotations/{id}/restore', 'post', { as: 'editor', params })).status).toBe(403);
    expect((await call('/api/annotations/{id}/restore', 'post', { as: 'admin', params: { id: MISSING_ID } })).status).toBe(404);
    expect((await call('/api/annotations/{id}/restore', 'post', { as: 'admin', params: { id: 'nope' } })).status).toBe(400);
    expect((await call('/api/annotations/{id}/restore', 'post', { as: 'admin', params })).status).toBe(200);
    const history = await call('/api/annotations/{id}/history', 'get', { params });
    expect(history.body.revisions.map((r: { action: string }) => r.action)).toEqual(['create', 'edit', 'delete', 'restore']);
    expect((await call('/api/annotations/{id}/history', 'get', { params: { id: 'nope' } })).status).toBe(400);
    expect((await call('/api/annotations/{id}/history', 'get', { params: { id: MISSING_ID } })).status).toBe(404);
  });

  it('pages lists, answers changes since a revision and 304 to the current ETag, and refuses bad paging with 400', async () => {
    for (const [apiPath, id] of TARGETS) {
      const params = { id };
      for (const body of ['older', 'newer']) expect((await call(apiPath, 'post', { as: 'editor', params, body: { body } })).status).toBe(201);
      const first = await call(apiPath, 'get', { params, query: '?limit=1' });
      expect(first.body.nextCursor).toEqual(expect.any(String));
      expect((await call(apiPath, 'get', { params, query: `?limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}` })).status).toBe(200);
      expect((await call(apiPath, 'get', { as: 'admin', params, query: `?since=0-all` })).status).toBe(200);
      const etag = first.headers.get('etag')!;
      expect((await call(apiPath, 'get', { params, query: '?limit=1', headers: { 'if-none-match': etag } })).status).toBe(304);
      expect((await call(apiPath, 'get', { params, query: '?limit=201' })).status).toBe(400);
      expect((await call(apiPath, 'get', { params, query: '?cursor=nope' })).status).toBe(400);
    }
  });

  it('answers every annotation write past the per-account limit with 429', async () => {
    const a = await annotate({ body: 'the first of many' }, 'admin');
    for (let i = 1; i < 30; i += 1) await annotate({ body: `note ${i}` }, 'admin');
    for (const [apiPath, id] of TARGETS) {
      expect((await call(apiPath, 'post', { as: 'admin', params: { id }, body: { body: 'one too many' } })).status).toBe(429);
    }
    const params = { id: a.id };
    expect((await call('/api/annotations/{id}', 'patch', { as: 'admin', params, body: { version: 1, body: 'x' } })).status).toBe(429);
    expect((await call('/api/annotations/{id}', 'delete', { as: 'admin', params })).status).toBe(429);
    expect((await call('/api/annotations/{id}/restore', 'post', { as: 'admin', params })).status).toBe(429);
  });
});

describe('the evidence desk', () => {
  const segment = (kind: RecordKind) => `/api/${KIND_SEGMENTS[kind]}`;
  const status = async (apiPath: string, method: Method, o: CallOptions = {}) => (await call(apiPath, method, o)).status;

  it.each(RECORD_KINDS)('answers every %s write, read and refusal as documented', async (kind) => {
    const base = segment(kind);
    const one = `${base}/{id}`;
    const made = await call(base, 'post', { as: 'editor', body: newRecord(kind) });
    expect(made.status).toBe(201);
    const params = { id: made.body.record.id as string };
    const missing = { id: 'no-such-record' };
    expect(await status(base, 'post', { as: 'editor', body: { ...newRecord(kind), id: params.id } })).toBe(409);
    expect(await status(base, 'post', { as: 'editor', body: { ...newRecord(kind), nope: 1 } })).toBe(400);
    expect(await status(base, 'post', { body: newRecord(kind) })).toBe(401);
    expect(await status(base, 'post', { as: 'viewer', body: newRecord(kind) })).toBe(403);
    expect(await status(base, 'post', { as: 'editor', rawBody: BIG })).toBe(413);
    expect(await status(base, 'post', { as: 'editor', rawBody: '{}', contentType: 'text/plain' })).toBe(415);
    // A voyage's own URL is its detail (tested above); its editable form is at .../record.
    const editable = kind === 'voyage' ? `${one}/record` : one;
    expect(await status(editable, 'get', { as: 'viewer', params })).toBe(200);
    expect(await status(editable, 'get', { params, query: '?x=1' })).toBe(400);
    expect(await status(editable, 'get', { params: missing })).toBe(404);
    expect(await status(one, 'patch', { as: 'editor', params, body: { version: 1, notes: 'edited' } })).toBe(200);
    expect(await status(one, 'patch', { as: 'editor', params, body: { version: 1, notes: 'stale' } })).toBe(409);
    expect(await status(one, 'patch', { as: 'editor', params, body: { version: 2, nope: 1 } })).toBe(400);
    expect(await status(one, 'patch', { params, body: { version: 2 } })).toBe(401);
    expect(await status(one, 'patch', { as: 'viewer', params, body: { version: 2 } })).toBe(403);
    expect(await status(one, 'patch', { as: 'editor', params: missing, body: { version: 1 } })).toBe(404);
    expect(await status(one, 'patch', { as: 'editor', params, rawBody: BIG })).toBe(413);
    expect(await status(one, 'patch', { as: 'editor', params, rawBody: '{}', contentType: 'text/plain' })).toBe(415);
    const publish = `${one}/publish`;
    expect(await status(publish, 'post', { as: 'other', params, body: { version: 1 } })).toBe(409);
    expect(await status(publish, 'post', { as: 'other', params, body: {} })).toBe(400);
    expect(await status(publish, 'post', { params, body: { version: 2 } })).toBe(401);
    expect(await status(publish, 'post', { as: 'editor', params, body: { version: 2 } })).toBe(403);
    expect(await status(publish, 'post', { as: 'other', params: missing, body: { version: 1 } })).toBe(404);
    expect(await status(publish, 'post', { as: 'other', params, rawBody: BIG })).toBe(413);
    expect(await status(publish, 'post', { as: 'other', params, rawBody: '{}', contentType: 'text/plain' })).toBe(415);
    expect(await status(publish, 'post', { as: 'other', params, body: { version: 2 } })).toBe(200);
    const restore = `${one}/restore`;
    expect(await status(restore, 'post', { as: 'admin', params })).toBe(409);
    expect(await status(one, 'delete', { as: 'admin', params, query: '?version=1' })).toBe(409);
    expect(await status(one, 'delete', { as: 'admin', params, query: '?version=abc' })).toBe(400);
    expect(await status(one, 'delete', { params })).toBe(401);
    expect(await status(one, 'delete', { as: 'editor', params })).toBe(403);
    expect(await status(one, 'delete', { as: 'admin', params: missing })).toBe(404);
    expect(await status(one, 'delete', { as: 'admin', params, query: '?version=3' })).toBe(200);
    expect(await status(restore, 'post', { params })).toBe(401);
    expect(await status(restore, 'post', { as: 'editor', params })).toBe(403);
    expect(await status(restore, 'post', { as: 'admin', params: missing })).toBe(404);
    expect(await status(restore, 'post', { as: 'admin', params: { id: 'Bad Id' } })).toBe(400);
    expect(await status(restore, 'post', { as: 'admin', params })).toBe(200);
    const history = `${one}/history`;
    expect(await status(history, 'get', { params })).toBe(200);
    expect(await status(history, 'get', { params, query: '?x=1' })).toBe(400);
    expect(await status(history, 'get', { params: missing })).toBe(404);
    await withLoginRequired(async () => {
      expect(await status(history, 'get', { params })).toBe(401);
      if (kind !== 'voyage') expect(await status(one, 'get', { params })).toBe(401);
    });
  });

  it('answers the review queue as documented', async () => {
    expect(await status('/api/review', 'get', { as: 'editor' })).toBe(200);
    expect(await status('/api/review', 'get', { as: 'editor', query: '?x=1' })).toBe(400);
    expect(await status('/api/review', 'get')).toBe(401);
    expect(await status('/api/review', 'get', { as: 'viewer' })).toBe(403);
  });
});

describe('the dataset bundle', () => {
  it('exports, previews and imports as documented, and answers each refusal', async () => {
    const exported = await call('/api/dataset', 'get', { as: 'viewer' });
    expect(exported.status).toBe(200);
    expect((await call('/api/dataset', 'get', { as: 'viewer', query: '?x=1' })).status).toBe(400);
    expect((await call('/api/dataset', 'get')).status).toBe(401);
    const bundle = exported.body as Record<string, unknown>;
    const huge = `"${'x'.repeat(17 * 1024 * 1024)}"`;
    for (const apiPath of ['/api/dataset/preview', '/api/dataset/import']) {
      expect((await call(apiPath, 'post', { as: 'editor', body: bundle, query: '?file=contract.json' })).status).toBe(200);
      expect((await call(apiPath, 'post', { as: 'editor', body: { ...bundle, format: 'other' } })).status).toBe(400);
      expect((await call(apiPath, 'post', { body: bundle })).status).toBe(401);
      expect((await call(apiPath, 'post', { as: 'viewer', body: bundle })).status).toBe(403);
      expect((await call(apiPath, 'post', { as: 'editor', rawBody: huge })).status).toBe(413);
      expect((await call(apiPath, 'post', { as: 'editor', rawBody: '{}', contentType: 'text/plain' })).status).toBe(415);
    }
  });
});

describe('track imports, events and tracks', () => {
  const ports = seedPorts.map((p) => ({ id: p.id, position: p.position as [number, number], geofenceRadiusNm: p.geofenceRadiusNm }));
  const csv = (seed: number, fixes: number) =>
    [...marineCadastreLines(syntheticTrack({ seed, ports, vessels: 2, fixesPerVessel: fixes }))].join('\n');
  const upload = (rawBody: string, query = '?name=track.csv', o: CallOptions = {}) =>
    call('/api/imports', 'post', { as: 'editor', rawBody, contentType: 'application/octet-stream', query, ...o });

  it('accepts, reports, lists and cancels imports, and answers each refusal as documented', async () => {
    const small = csv(1, 200);
    const accepted = await upload(small);
    expect(accepted.status).toBe(202);
    const params = { id: accepted.body.import.id as string };
    expect((await upload('', '?name=empty.csv')).status).toBe(400);
    expect((await upload('%PDF-1.4', '?name=a.pdf')).status).toBe(400);
    expect((await upload(small, '?name=track.csv&preset=nope')).status).toBe(400);
    expect((await upload(small)).status).toBe(202);
    expect((await upload(small, '?name=track.csv', { as: undefined })).status).toBe(401);
    expect((await upload(small, '?name=track.csv', { as: 'viewer' })).status).toBe(403);
    expect((await upload(small, '?name=track.csv&vessel=no-such-vessel')).status).toBe(404);
    expect((await upload(small, '?name=track.csv', { headers: { 'content-length': String(IMPORT_MAX_BYTES + 1) } })).status).toBe(413);
    // A larger file is still running when the cancel arrives (imports run one at a time, in order).
    const big = await upload(csv(2, 30_000), '?name=big.csv');
    expect(big.status).toBe(202);
    const bigId = { id: big.body.import.id as string };
    expect((await call('/api/imports/{id}', 'delete', { as: 'editor', params: bigId })).status).toBe(200);
    expect((await call('/api/imports/{id}', 'delete', { as: 'editor', params: bigId })).status).toBe(409);
    expect((await call('/api/imports/{id}', 'delete', { as: 'editor', params: { id: 'nope' } })).status).toBe(400);
    expect((await call('/api/imports/{id}', 'delete', { params: bigId })).status).toBe(401);
    expect((await call('/api/imports/{id}', 'delete', { as: 'viewer', params: bigId })).status).toBe(403);
    expect((await call('/api/imports/{id}', 'delete', { as: 'editor', params: { id: MISSING_ID } })).status).toBe(404);
    await importsSettled();
    expect((await call('/api/imports/{id}', 'get', { as: 'editor', params })).body.import.status).toBe('done');
    expect((await call('/api/imports/{id}', 'get', { as: 'editor', params: bigId })).body.import.status).toBe('cancelled');
    expect((await call('/api/imports/{id}', 'get', { as: 'editor', params: { id: 'nope' } })).status).toBe(400);
    expect((await call('/api/imports/{id}', 'get', { params })).status).toBe(401);
    expect((await call('/api/imports/{id}', 'get', { as: 'viewer', params })).status).toBe(403);
    expect((await call('/api/imports/{id}', 'get', { as: 'editor', params: { id: MISSING_ID } })).status).toBe(404);
    expect((await call('/api/imports', 'get', { as: 'editor' })).status).toBe(200);
    expect((await call('/api/imports', 'get', { as: 'editor', query: '?x=1' })).status).toBe(400);
    expect((await call('/api/imports', 'get')).status).toBe(401);
    expect((await call('/api/imports', 'get', { as: 'viewer' })).status).toBe(403);
  });

  it('previews a file, and answers each refusal as documented', async () => {
    const preview = (rawBody: string, o: CallOptions = {}) =>
      call('/api/imports/preview', 'post', { as: 'editor', rawBody, contentType: 'application/octet-stream', query: '?name=a.csv', ...o });
    const ok = await preview(csv(3, 10));
    expect(ok.status).toBe(200);
    expect(ok.body.preset).toBe('marinecadastre');
    expect((await preview('')).status).toBe(400);
    expect((await preview('x', { query: '?nope=1' })).status).toBe(400);
    expect((await preview('x', { as: undefined })).status).toBe(401);
    expect((await preview('x', { as: 'viewer' })).status).toBe(403);
    expect((await preview('x'.repeat(65 * 1024))).status).toBe(413);
  });

  it('answers events and tracks as documented', async () => {
    for (const apiPath of ['/api/events', '/api/tracks']) {
      expect((await call(apiPath, 'get', { as: 'viewer' })).status).toBe(200);
      expect((await call(apiPath, 'get')).status).toBe(200);
      expect((await call(apiPath, 'get', { query: '?nope=1' })).status).toBe(400);
      await withLoginRequired(async () => expect((await call(apiPath, 'get')).status).toBe(401));
    }
    expect((await call('/api/events', 'get', { as: 'viewer', query: '?kind=port_call' })).status).toBe(200);
    for (const query of ['?format=json', '?format=gpx', '?format=kml']) {
      const first = await call('/api/tracks', 'get', { query });
      expect(first.status, query).toBe(200);
      expect((await call('/api/tracks', 'get', { query, headers: { 'if-none-match': first.headers.get('etag')! } })).status, query).toBe(304);
    }
  });
});

describe('accounts', () => {
  it('signs in and out, and answers each refused sign-in as documented', async () => {
    const login = (body: unknown, o: CallOptions = {}) =>
      call('/api/auth/login', 'post', { body, headers: { 'x-forwarded-for': '10.9.0.1' }, ...o });
    const ok = await login({ username: 'ed', password: PASSWORD });
    expect(ok.status).toBe(200);
    const fresh = ok.headers.get('set-cookie')!.split(';')[0]!;
    expect((await call('/api/auth/me', 'get', { headers: { cookie: fresh } })).body.user.username).toBe('ed');
    expect((await call('/api/auth/me', 'get')).body.user).toBeNull();
    expect((await call('/api/auth/me', 'get', { query: '?x=1' })).status).toBe(400);
    expect((await call('/api/auth/logout', 'post', { headers: { cookie: fresh }, origin: 'https://evil.example' })).status).toBe(403);
    expect((await call('/api/auth/logout', 'post', { headers: { cookie: fresh } })).status).toBe(200);
    expect((await login({ username: 'ed' })).status).toBe(400);
    expect((await login({ username: 'nobody', password: 'wrong password!' })).status).toBe(401);
    expect((await login({ username: 'ed', password: PASSWORD }, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await login(undefined, { rawBody: BIG })).status).toBe(413);
    expect((await login(undefined, { rawBody: 'x', contentType: 'text/plain' })).status).toBe(415);
    // The clock (Date only) stands still, so the 1 s delay after the fifth failure is still running at the sixth.
    vi.useFakeTimers({ toFake: ['Date'] });
    const statuses: number[] = [];
    try {
      for (let i = 0; i < 6; i += 1) statuses.push((await login({ username: 'vera', password: 'wrong password!' })).status);
    } finally {
      vi.useRealTimers();
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    // A dozen deliberate scrypt checks (logN 17) take seconds each on a busy machine.
  }, 90_000);

  it('lists and changes accounts, and answers each refusal as documented', async () => {
    expect((await call('/api/users', 'get', { as: 'admin' })).status).toBe(200);
    expect((await call('/api/users', 'get', { as: 'admin', query: '?x=1' })).status).toBe(400);
    expect((await call('/api/users', 'get')).status).toBe(401);
    expect((await call('/api/users', 'get', { as: 'editor' })).status).toBe(403);
    const vera = { id: String(userIds.viewer) };
    expect((await call('/api/users/{id}', 'patch', { as: 'admin', params: vera, body: { role: 'editor' } })).status).toBe(200);
    expect((await call('/api/users/{id}', 'patch', { as: 'admin', params: vera, body: { role: 'viewer', active: true } })).status).toBe(200);
    expect((await call('/api/users/{id}', 'patch', { as: 'admin', params: vera, body: {} })).status).toBe(400);
    expect((await call('/api/users/{id}', 'patch', { as: 'admin', params: { id: 'abc' }, body: { active: true } })).status).toBe(400);
    expect((await call('/api/users/{id}', 'patch', { params: vera, body: { active: true } })).status).toBe(401);
    expect((await call('/api/users/{id}', 'patch', { as: 'editor', params: vera, body: { active: true } })).status).toBe(403);
    expect((await call('/api/users/{id}', 'patch', { as: 'admin', params: { id: '999999' }, body: { active: true } })).status).toBe(404);
    const self = { id: String(userIds.admin) };
    expect((await call('/api/users/{id}', 'patch', { as: 'admin', params: self, body: { active: false } })).status).toBe(409);
    expect((await call('/api/users/{id}', 'patch', { as: 'admin', params: vera, rawBody: BIG })).status).toBe(413);
    expect((await call('/api/users/{id}', 'patch', { as: 'admin', params: vera, rawBody: '{}', contentType: 'text/plain' })).status).toBe(415);
  });
});

describe('coverage of the document', () => {
  // Answers no test can provoke without breaking the code or the database on purpose.
  const UNPROVOKED = new Set(['get /api/health 503', 'get /api/ports/nearest 404']);

  it('has produced every answer the document promises (except 500s and the few above)', () => {
    const missing: string[] = [];
    for (const [apiPath, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        for (const [status, response] of Object.entries(op.responses)) {
          if (status === '500' || UNPROVOKED.has(`${method} ${apiPath} ${status}`)) continue;
          for (const media of Object.keys(response.content ?? { '': null })) {
            if (!produced.has(`${method} ${apiPath} ${status} ${media}`)) missing.push(`${method} ${apiPath} ${status} ${media}`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
