/**
 * The harness of the accounts and annotations API tests: the route handlers, called directly as
 * Next.js calls them, against a real temporary SQLite file with four signed-in accounts (vera the
 * viewer, ed and otto the editors, ada the admin).
 */
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import seedVoyages from '@/data/seed/voyages.json';
import { TEAM_PASSWORD, openTeamDatabase, resetAnnotationWriteLimits } from '../helpers';

type Handler = (request: Request, ctx: { params: Promise<Record<string, unknown>> }) => Promise<Response>;
type Mod = Partial<Record<'GET' | 'POST' | 'PATCH' | 'DELETE', Handler>>;
const m: Record<string, Mod> = {};
let team: Awaited<ReturnType<typeof openTeamDatabase>>;
const ORIGIN = 'http://localhost';
/** Session cookie by actor: anonymous, viewer, editor, other (the second editor), admin. */
export const cookies: Record<string, string | null> = { anonymous: null };
export const ids: Record<string, number> = {};
export const voyage = seedVoyages[0]!.id;
export const PASSWORD = TEAM_PASSWORD;

/** Opens the database and signs the accounts in before the file's tests; closes it after. */
export function setUpAccountsApi(dbName: string) {
  beforeAll(async () => {
    const load = async (name: string, mod: Promise<unknown>) => {
      m[name] = (await mod) as Mod;
    };
    await load('login', import('@/app/api/auth/login/route'));
    await load('logout', import('@/app/api/auth/logout/route'));
    await load('me', import('@/app/api/auth/me/route'));
    await load('voyageAnnotations', import('@/app/api/voyages/[id]/annotations/route'));
    await load('portAnnotations', import('@/app/api/ports/[id]/annotations/route'));
    await load('vesselAnnotations', import('@/app/api/vessels/[id]/annotations/route'));
    await load('annotation', import('@/app/api/annotations/[id]/route'));
    await load('history', import('@/app/api/annotations/[id]/history/route'));
    await load('restore', import('@/app/api/annotations/[id]/restore/route'));
    await load('users', import('@/app/api/users/route'));
    await load('user', import('@/app/api/users/[id]/route'));
    await load('voyages', import('@/app/api/voyages/route'));
    await load('openapi', import('@/app/api/openapi.json/route'));

    team = await openTeamDatabase(dbName);
    Object.assign(ids, team.ids);
    Object.assign(cookies, team.cookies);
  }, 60_000);

  beforeEach(() => resetAnnotationWriteLimits());
  afterAll(() => team.close());
}

export interface CallOptions {
  as?: string;
  body?: unknown;
  rawBody?: string;
  origin?: string | null;
  query?: string;
  headers?: Record<string, string>;
}

export async function call(mod: string, method: keyof Mod, params: Record<string, unknown> = {}, o: CallOptions = {}) {
  const handler = m[mod]?.[method];
  if (!handler) throw new Error(`no ${method} ${mod}`);
  const headers: Record<string, string> = { ...o.headers };
  const cookie = cookies[o.as ?? 'anonymous'];
  if (cookie) headers.cookie = cookie;
  if (method !== 'GET' && o.origin !== null) headers.origin = o.origin ?? ORIGIN;
  let body: string | undefined;
  if (o.rawBody !== undefined || o.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = o.rawBody ?? JSON.stringify(o.body);
  }
  const res = await handler(new Request(`${ORIGIN}/api/x${o.query ?? ''}`, { method, headers, body }), {
    params: Promise.resolve(params),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
}

export const newNote = (as = 'editor', body = 'A note') =>
  call('voyageAnnotations', 'POST', { id: voyage }, { as, body: { kind: 'note', body } });

export async function created(as = 'editor', text = 'A note') {
  const r = await newNote(as, text);
  expect(r.status).toBe(201);
  return r.body.annotation as { id: string; version: number; author: { username: string } };
}

