/**
 * The harness of the evidence desk's API tests: every desk route handler, called directly as
 * Next.js calls it, against a real temporary SQLite file with five callers (anonymous, vera the
 * viewer, ed and otto the editors, ada the admin), and a valid new record of each kind made from
 * the seed's first record of that kind (so the fixtures follow the schema as it changes).
 */
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import seedClaims from '@/data/seed/claims.json';
import seedObservations from '@/data/seed/observations.json';
import seedPorts from '@/data/seed/ports.json';
import seedSources from '@/data/seed/sources.json';
import seedVessels from '@/data/seed/vessels.json';
import seedVoyages from '@/data/seed/voyages.json';
import { KIND_SEGMENTS, RECORD_KINDS, type RecordKind } from '@/lib/core/domain/records';
import { openTeamDatabase } from '../helpers';

export type Who = 'anonymous' | 'viewer' | 'editor' | 'other' | 'admin';
export const WHO: Who[] = ['anonymous', 'viewer', 'editor', 'other', 'admin'];
export { RECORD_KINDS, KIND_SEGMENTS, type RecordKind };

type Handler = (request: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const API_DIR = path.join(process.cwd(), 'app', 'api');
const ORIGIN = 'http://localhost';
const modules: Record<string, Partial<Record<string, Handler>>> = {};
const cookies: Record<Who, string | null> = { anonymous: null, viewer: null, editor: null, other: null, admin: null };
let team: Awaited<ReturnType<typeof openTeamDatabase>>;

/** The paths the desk serves, as route files: `/api/sources/{id}/publish` → app/api/sources/[id]/publish/route.ts. */
function fileOf(apiPath: string): string {
  return path.join(API_DIR, ...apiPath.replace(/^\/api\//, '').split('/').map((s) => s.replace(/^\{(\w+)\}$/, '[$1]')), 'route.ts');
}

export function setUpDeskApi(dbName: string) {
  beforeAll(async () => {
    team = await openTeamDatabase(dbName);
    Object.assign(cookies, team.cookies);
  }, 60_000);

  afterAll(() => team.close());
}

export interface CallOptions {
  as?: Who;
  params?: Record<string, string>;
  query?: string;
  body?: unknown;
  origin?: string;
}

/** Calls the handler of `apiPath` (`/api/sources/{id}`) with `method`. */
export async function call(apiPath: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', o: CallOptions = {}) {
  modules[apiPath] ??= (await import(/* @vite-ignore */ fileOf(apiPath))) as Record<string, Handler>;
  const handler = modules[apiPath][method];
  if (!handler) throw new Error(`call: no ${method} handler for ${apiPath}; check the path and method`);
  const headers: Record<string, string> = {};
  const cookie = cookies[o.as ?? 'anonymous'];
  if (cookie) headers.cookie = cookie;
  if (method !== 'GET') headers.origin = o.origin ?? ORIGIN;
  let body: string | undefined;
  if (o.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(o.body);
  }
  const url = `${ORIGIN}${apiPath.replace(/\{(\w+)\}/g, (_, k: string) => o.params?.[k] ?? '')}${o.query ?? ''}`;
  const res = await handler(new Request(url, { method, headers, body }), { params: Promise.resolve(o.params ?? {}) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

const without = (r: Record<string, unknown>) => {
  const { id: _id, ...rest } = r;
  return rest;
};

/** A valid new record of each kind (no id: the desk makes one), citing seed records. */
export function newRecord(kind: RecordKind): Record<string, unknown> {
  const first = {
    source: { ...seedSources[0]!, title: 'A new report' },
    port: { ...seedPorts[0]!, name: 'New Quay' },
    vessel: { ...seedVessels[0]!, name: 'New Ship' },
    observation: seedObservations[0]!,
    voyage: seedVoyages.find((v) => !('observedRoute' in v) || v.observedRoute === null) ?? seedVoyages[0]!,
    claim: seedClaims[0]!,
  }[kind];
  return without(structuredClone(first) as Record<string, unknown>);
}

export const collection = (kind: RecordKind) => `/api/${KIND_SEGMENTS[kind]}`;
export const one = (kind: RecordKind) => `/api/${KIND_SEGMENTS[kind]}/{id}`;

export interface Made {
  id: string;
  version: number;
  status: string;
  [field: string]: unknown;
}

/** Creates a draft of `kind` as `as` and returns it. */
export async function create(kind: RecordKind, as: Who = 'editor', changes: Record<string, unknown> = {}): Promise<Made> {
  const r = await call(collection(kind), 'POST', { as, body: { ...newRecord(kind), ...changes } });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.record as Made;
}

/** Publishes a record as `as` (default: the other editor, so never its author). */
export async function publish(kind: RecordKind, rec: { id: string; version: number }, as: Who = 'other', reason?: string) {
  return call(`${one(kind)}/publish`, 'POST', { as, params: { id: rec.id }, body: { version: rec.version, ...(reason ? { reason } : {}) } });
}

/** The field each kind's label-like text lives in (to make a visible edit). */
export const TEXT_FIELD: Record<RecordKind, string> = {
  source: 'title',
  port: 'name',
  vessel: 'name',
  observation: 'notes',
  voyage: 'notes',
  claim: 'statement',
};

/** Reads the row count of a table straight from the database (to prove nothing was written). */
export async function countRows(table: string): Promise<number> {
  const { getDb } = await import('@/lib/server/db');
  const { sql } = await import('kysely');
  const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(await getDb());
  return Number(rows[0]?.n ?? 0);
}

