/**
 * The accounts and annotations API, handlers called directly against a real temporary SQLite
 * file: every mutating endpoint against anonymous, viewer, editor, another editor and admin;
 * cross-site Origins; concurrent edits of one version; the revision history.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import seedVoyages from '@/data/seed/voyages.json';
import seedPorts from '@/data/seed/ports.json';
import { resetConfigForTests } from '@/lib/server/config';
import { tempDbFile } from '../helpers';

type Handler = (request: Request, ctx: { params: Promise<Record<string, unknown>> }) => Promise<Response>;
type Mod = Partial<Record<'GET' | 'POST' | 'PATCH' | 'DELETE', Handler>>;
const m: Record<string, Mod> = {};
let tmp: ReturnType<typeof tempDbFile>;
const ORIGIN = 'http://localhost';
const cookies: Record<string, string | null> = { anonymous: null };
const ids: Record<string, number> = {};
const voyage = seedVoyages[0]!.id;
const PASSWORD = 'correct horse battery';

beforeAll(async () => {
  tmp = tempDbFile('annotations-api');
  process.env.DATABASE_URL = `file:${tmp.file}`;
  resetConfigForTests();
  const load = async (name: string, mod: Promise<unknown>) => {
    m[name] = (await mod) as Mod;
  };
  await load('login', import('@/app/api/auth/login/route'));
  await load('logout', import('@/app/api/auth/logout/route'));
  await load('me', import('@/app/api/auth/me/route'));
  await load('voyageAnnotations', import('@/app/api/voyages/[id]/annotations/route'));
  await load('portAnnotations', import('@/app/api/ports/[id]/annotations/route'));
  await load('annotation', import('@/app/api/annotations/[id]/route'));
  await load('history', import('@/app/api/annotations/[id]/history/route'));
  await load('restore', import('@/app/api/annotations/[id]/restore/route'));
  await load('users', import('@/app/api/users/route'));
  await load('user', import('@/app/api/users/[id]/route'));
  await load('voyages', import('@/app/api/voyages/route'));
  await load('openapi', import('@/app/api/openapi.json/route'));

  const { getDb } = await import('@/lib/server/db');
  const { createUser } = await import('@/lib/server/db/users');
  const { createSession } = await import('@/lib/server/db/sessions');
  const db = await getDb();
  for (const [name, role] of [
    ['vera', 'viewer'],
    ['ed', 'editor'],
    ['otto', 'editor'],
    ['ada', 'admin'],
  ] as const) {
    const u = await createUser(db, { username: name, role, password: PASSWORD });
    ids[role === 'editor' && name === 'otto' ? 'other' : role] = u.id;
    cookies[role === 'editor' && name === 'otto' ? 'other' : role] = `wakeline_session=${await createSession(db, u.id)}`;
  }
});

afterAll(async () => {
  const { getDb } = await import('@/lib/server/db');
  await (await getDb()).destroy();
  tmp.cleanup();
});

interface CallOptions {
  as?: string;
  body?: unknown;
  rawBody?: string;
  origin?: string | null;
  query?: string;
  headers?: Record<string, string>;
}

async function call(mod: string, method: keyof Mod, params: Record<string, unknown> = {}, o: CallOptions = {}) {
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

const newNote = (as = 'editor', body = 'A note') =>
  call('voyageAnnotations', 'POST', { id: voyage }, { as, body: { kind: 'note', body } });

async function created(as = 'editor', text = 'A note') {
  const r = await newNote(as, text);
  expect(r.status).toBe(201);
  return r.body.annotation as { id: string; version: number; author: { username: string } };
}

describe('login, me and logout', () => {
  it('signs in with the right password, sets an HttpOnly SameSite=Lax cookie with a new id, and knows who you are', async () => {
    const r = await call('login', 'POST', {}, { body: { username: 'ED', password: PASSWORD } });
    expect(r.status).toBe(200);
    expect(r.body.user).toEqual({ id: ids.editor, username: 'ed', role: 'editor' });
    const setCookie = r.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^wakeline_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax/);
    const cookie = setCookie.split(';')[0]!;
    expect(cookie).not.toBe(cookies.editor);
    cookies.fresh = cookie;
    const me = await call('me', 'GET', {}, { as: 'fresh' });
    expect(me.body.user).toMatchObject({ username: 'ed', role: 'editor' });
    const out = await call('logout', 'POST', {}, { as: 'fresh' });
    expect(out.headers.get('set-cookie')).toContain('Max-Age=0');
    expect((await call('me', 'GET', {}, { as: 'fresh' })).body.user).toBeNull();
  });

  it('refuses a wrong password or unknown user with 401, the same message for both', async () => {
    const a = await call('login', 'POST', {}, { body: { username: 'vera', password: 'wrong password!' }, headers: { 'x-forwarded-for': '10.0.0.1' } });
    const b = await call('login', 'POST', {}, { body: { username: 'nobody', password: 'wrong password!' }, headers: { 'x-forwarded-for': '10.0.0.1' } });
    expect(a.status).toBe(401);
    expect(b.status).toBe(401);
    expect(a.body.error.message).toBe(b.body.error.message);
  });

  it('answers 429 with Retry-After and a clear message after five failures on one account', async () => {
    for (let i = 0; i < 5; i++) {
      const r = await call('login', 'POST', {}, { body: { username: 'otto', password: `wrong ${i}` }, headers: { 'x-forwarded-for': `10.1.0.${i}` } });
      expect(r.status).toBe(401);
    }
    const r = await call('login', 'POST', {}, { body: { username: 'otto', password: PASSWORD }, headers: { 'x-forwarded-for': '10.1.0.9' } });
    expect(r.status).toBe(429);
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(r.body.error.message).toMatch(/Too many failed sign-ins for this account\. Try again in \d+ minutes?/);
  });

  it('answers 429 after twenty failures from one address across accounts', async () => {
    for (let i = 0; i < 20; i++) {
      await call('login', 'POST', {}, { body: { username: `spray${i}`, password: 'guess guess' }, headers: { 'x-forwarded-for': '10.2.0.1' } });
    }
    const r = await call('login', 'POST', {}, { body: { username: 'ada', password: PASSWORD }, headers: { 'x-forwarded-for': '10.2.0.1' } });
    expect(r.status).toBe(429);
    expect(r.body.error.message).toMatch(/from your address/);
  });

  it.each([
    ['not JSON', '{"username":', '(body)'],
    ['a missing password', '{"username":"ed"}', 'password'],
    ['an unknown field', '{"username":"ed","password":"x","admin":true}', 'admin'],
    ['an array', '[]', '(body)'],
  ])('answers 400 for %s, naming the field', async (_what, raw, field) => {
    const r = await call('login', 'POST', {}, { rawBody: raw });
    expect(r.status).toBe(400);
    expect(r.body.error.details.issues[0].field).toBe(field);
  });
});

describe('who may write what', () => {
  const actors = ['anonymous', 'viewer', 'editor', 'other', 'admin'] as const;

  it('POST annotations: anonymous 401, viewer 403, editors and admin 201', async () => {
    const statuses = [];
    for (const as of actors) statuses.push((await newNote(as, `by ${as}`)).status);
    expect(statuses).toEqual([401, 403, 201, 201, 201]);
    const port = seedPorts[0]!.id;
    const p = await call('portAnnotations', 'POST', { id: port }, { as: 'viewer', body: { body: 'x' } });
    expect(p.status).toBe(403);
  });

  it('PATCH: only the author or an admin', async () => {
    const a = await created('editor');
    const statuses = [];
    let version = a.version;
    for (const as of actors) {
      const r = await call('annotation', 'PATCH', { id: a.id }, { as, body: { version, body: `edited by ${as}` } });
      statuses.push(r.status);
      if (r.status === 200) version = r.body.annotation.version;
    }
    expect(statuses).toEqual([401, 403, 200, 403, 200]);
  });

  it('DELETE: only the author or an admin; restore: only an admin', async () => {
    for (const as of actors) {
      const a = await created('editor', `to delete by ${as}`);
      const r = await call('annotation', 'DELETE', { id: a.id }, { as });
      expect([as, r.status]).toEqual([as, { anonymous: 401, viewer: 403, editor: 200, other: 403, admin: 200 }[as]]);
      if (r.status === 200) {
        for (const who of actors) {
          const back = await call('restore', 'POST', { id: a.id }, { as: who });
          expect([who, back.status]).toEqual([who, { anonymous: 401, viewer: 403, editor: 403, other: 403, admin: 200 }[who]]);
        }
      }
    }
  });

  it('users: listing and role changes are for admins only', async () => {
    for (const as of actors) {
      const list = await call('users', 'GET', {}, { as });
      const patch = await call('user', 'PATCH', { id: String(ids.viewer) }, { as, body: { role: 'viewer' } });
      const want = { anonymous: 401, viewer: 403, editor: 403, other: 403, admin: 200 }[as];
      expect([as, list.status, patch.status]).toEqual([as, want, want]);
    }
    const list = await call('users', 'GET', {}, { as: 'admin' });
    expect(JSON.stringify(list.body)).not.toMatch(/scrypt|password/);
  });

  it('the last active admin cannot be demoted', async () => {
    const r = await call('user', 'PATCH', { id: String(ids.admin) }, { as: 'admin', body: { role: 'editor' } });
    expect(r.status).toBe(409);
  });

  it('a viewer made editor by an admin must sign in again, then can write', async () => {
    const { getDb } = await import('@/lib/server/db');
    const { createUser } = await import('@/lib/server/db/users');
    const { createSession } = await import('@/lib/server/db/sessions');
    const db = await getDb();
    const u = await createUser(db, { username: 'promoted', role: 'viewer', password: PASSWORD });
    cookies.promoted = `wakeline_session=${await createSession(db, u.id)}`;
    expect((await call('user', 'PATCH', { id: String(u.id) }, { as: 'admin', body: { role: 'editor' } })).status).toBe(200);
    expect((await newNote('promoted')).status).toBe(401);
    cookies.promoted = `wakeline_session=${await createSession(db, u.id)}`;
    expect((await newNote('promoted')).status).toBe(201);
  });
});

describe('cross-site requests', () => {
  it.each([
    ['an Origin of another site', { origin: 'https://evil.example' }],
    ['Origin null', { origin: 'null' }],
    ['a same-host Origin on another port', { origin: 'http://localhost:9999' }],
    ['no Origin but Sec-Fetch-Site cross-site', { origin: null, headers: { 'sec-fetch-site': 'cross-site' } }],
  ] as [string, CallOptions][])('are refused with 403 on every mutating endpoint: %s', async (_what, o) => {
    const a = await created('admin', 'cross-site target');
    const tries = [
      await call('voyageAnnotations', 'POST', { id: voyage }, { ...o, as: 'admin', body: { body: 'x' } }),
      await call('annotation', 'PATCH', { id: a.id }, { ...o, as: 'admin', body: { version: 1, body: 'x' } }),
      await call('annotation', 'DELETE', { id: a.id }, { ...o, as: 'admin' }),
      await call('restore', 'POST', { id: a.id }, { ...o, as: 'admin' }),
      await call('user', 'PATCH', { id: String(ids.viewer) }, { ...o, as: 'admin', body: { role: 'editor' } }),
      await call('login', 'POST', {}, { ...o, body: { username: 'ada', password: PASSWORD } }),
      await call('logout', 'POST', {}, { ...o, as: 'admin' }),
    ];
    expect(tries.map((t) => t.status)).toEqual(Array(tries.length).fill(403));
    expect(tries[0]!.body.error.code).toBe('cross_site');
    const after = await call('annotation', 'GET', { id: a.id });
    expect(after.body.annotation).toMatchObject({ version: 1, body: 'cross-site target', deletedAt: null });
  });

  it('lets a same-origin request and a non-browser client without Origin through', async () => {
    expect((await newNote('editor')).status).toBe(201);
    const r = await call('voyageAnnotations', 'POST', { id: voyage }, { as: 'editor', origin: null, body: { body: 'from curl' } });
    expect(r.status).toBe(201);
  });
});

describe('annotations', () => {
  it('stores kind, text, evidence URLs, map location and author; lists them without caching', async () => {
    const r = await call('voyageAnnotations', 'POST', { id: voyage }, {
      as: 'editor',
      body: {
        kind: 'evidence',
        body: '<img src=x onerror=alert(1)> see https://example.org/ship',
        evidenceUrls: ['https://example.org/sat.png'],
        location: [131.9, 42.8],
      },
    });
    expect(r.status).toBe(201);
    expect(r.body.annotation).toMatchObject({
      kind: 'evidence',
      body: '<img src=x onerror=alert(1)> see https://example.org/ship',
      evidenceUrls: ['https://example.org/sat.png'],
      location: [131.9, 42.8],
      author: { username: 'ed' },
      version: 1,
      resolved: false,
      editedAt: null,
      target: { type: 'voyage', id: voyage },
    });
    const list = await call('voyageAnnotations', 'GET', { id: voyage });
    expect(list.status).toBe(200);
    expect(list.headers.get('cache-control')).toBe('no-store');
    expect(list.body.annotations.map((a: { id: string }) => a.id)).toContain(r.body.annotation.id);
  });

  it('threads replies one level deep and resolves questions', async () => {
    const q = (await call('voyageAnnotations', 'POST', { id: voyage }, { as: 'editor', body: { kind: 'question', body: 'Which berth?' } })).body
      .annotation;
    const reply = await call('voyageAnnotations', 'POST', { id: voyage }, { as: 'other', body: { body: 'Berth 3', parentId: q.id } });
    expect(reply.body.annotation.parentId).toBe(q.id);
    const nested = await call('voyageAnnotations', 'POST', { id: voyage }, {
      as: 'editor',
      body: { body: 'thanks', parentId: reply.body.annotation.id },
    });
    expect(nested.body.annotation.parentId).toBe(q.id);
    const resolved = await call('annotation', 'PATCH', { id: q.id }, { as: 'editor', body: { version: 1, resolved: true } });
    expect(resolved.body.annotation).toMatchObject({ resolved: true, version: 2 });
    const note = await created();
    const bad = await call('annotation', 'PATCH', { id: note.id }, { as: 'editor', body: { version: 1, resolved: true } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('"resolved"');
  });

  it.each([
    [{ body: '   ' }, 'body'],
    [{ body: 'x', kind: 'rumour' }, 'kind'],
    [{ body: 'x', evidenceUrls: ['javascript:alert(1)'] }, 'evidenceUrls.0'],
    [{ body: 'x', location: [200, 0] }, 'location.0'],
    [{ body: 'x', parentId: 'nope' }, 'parentId'],
    [{ body: 'x', parentId: '00000000-0000-0000-0000-000000000000' }, 'parentId'],
    [{ body: 'x', author: 'ada' }, 'author'],
  ])('refuses %j with 400 naming "%s"', async (body, field) => {
    const r = await call('voyageAnnotations', 'POST', { id: voyage }, { as: 'editor', body });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toContain(`"${field}"`);
  });

  it('answers 400 for bad JSON and a bad id, 404 for unknown voyages and annotations, never 500', async () => {
    expect((await call('voyageAnnotations', 'POST', { id: voyage }, { as: 'editor', rawBody: '{oops' })).status).toBe(400);
    expect((await call('voyageAnnotations', 'POST', { id: 'no-such-voyage' }, { as: 'editor', body: { body: 'x' } })).status).toBe(404);
    expect((await call('voyageAnnotations', 'GET', { id: 'no-such-voyage' })).status).toBe(404);
    expect((await call('voyageAnnotations', 'GET', { id: 'Bad Id' })).status).toBe(400);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await call('annotation', 'PATCH', { id: unknown }, { as: 'admin', body: { version: 1, body: 'x' } })).status).toBe(404);
    expect((await call('annotation', 'DELETE', { id: unknown }, { as: 'admin' })).status).toBe(404);
    expect((await call('history', 'GET', { id: unknown })).status).toBe(404);
    expect((await call('annotation', 'PATCH', { id: 'x' }, { as: 'admin', body: { version: 1 } })).status).toBe(400);
    expect((await call('annotation', 'DELETE', { id: unknown }, { as: 'admin', query: '?version=abc' })).status).toBe(400);
  });

  it('gives a stale edit 409 with the current text', async () => {
    const a = await created('editor', 'first');
    expect((await call('annotation', 'PATCH', { id: a.id }, { as: 'editor', body: { version: 1, body: 'second' } })).status).toBe(200);
    const stale = await call('annotation', 'PATCH', { id: a.id }, { as: 'editor', body: { version: 1, body: 'mine' } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current).toMatchObject({ body: 'second', version: 2 });
  });

  it('accepts exactly one of twenty concurrent edits of one version; nineteen get 409', async () => {
    const a = await created('editor', 'original');
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        call('annotation', 'PATCH', { id: a.id }, { as: i % 2 ? 'admin' : 'editor', body: { version: 1, body: `edit ${i}` } }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const winner = results.find((r) => r.status === 200)!.body.annotation;
    const history = await call('history', 'GET', { id: a.id });
    expect(history.body.revisions.map((r: { action: string }) => r.action)).toEqual(['create', 'edit']);
    expect(history.body.revisions[1].after.body).toBe(winner.body);
  });

  it('keeps every accepted change in the history: who, when, before and after', async () => {
    const a = await created('editor', 'v1');
    await call('annotation', 'PATCH', { id: a.id }, { as: 'editor', body: { version: 1, body: 'v2' } });
    await call('annotation', 'PATCH', { id: a.id }, { as: 'admin', body: { version: 2, kind: 'correction', evidenceUrls: ['https://example.org/a'] } });
    await call('annotation', 'PATCH', { id: a.id }, { as: 'other', body: { version: 3, body: 'refused' } });
    await call('annotation', 'DELETE', { id: a.id }, { as: 'editor', query: '?version=3' });
    // deleted: gone for everyone but admins
    expect((await call('annotation', 'GET', { id: a.id })).status).toBe(404);
    expect((await call('history', 'GET', { id: a.id }, { as: 'editor' })).status).toBe(404);
    const listed = await call('voyageAnnotations', 'GET', { id: voyage }, { as: 'editor' });
    expect(listed.body.annotations.some((x: { id: string }) => x.id === a.id)).toBe(false);
    const adminList = await call('voyageAnnotations', 'GET', { id: voyage }, { as: 'admin' });
    expect(adminList.body.annotations.find((x: { id: string }) => x.id === a.id).deletedAt).toBeTruthy();
    await call('restore', 'POST', { id: a.id }, { as: 'admin' });
    const h = await call('history', 'GET', { id: a.id });
    expect(h.status).toBe(200);
    const revs = h.body.revisions as { version: number; action: string; actor: { username: string }; at: string; before: { body: string; kind: string } | null; after: { body: string; kind: string; deleted: boolean } }[];
    expect(revs.map((r) => [r.version, r.action, r.actor.username])).toEqual([
      [1, 'create', 'ed'],
      [2, 'edit', 'ed'],
      [3, 'edit', 'ada'],
      [4, 'delete', 'ed'],
      [5, 'restore', 'ada'],
    ]);
    expect(revs[0]!.before).toBeNull();
    expect(revs[1]!.before!.body).toBe('v1');
    expect(revs[1]!.after.body).toBe('v2');
    expect(revs[2]!.after.kind).toBe('correction');
    expect(revs[3]!.after.deleted).toBe(true);
    expect(revs[4]!.after.deleted).toBe(false);
    expect(revs.every((r) => !Number.isNaN(Date.parse(r.at)))).toBe(true);
  });

  it('a conditional delete of a stale version gets 409', async () => {
    const a = await created('editor', 'x');
    await call('annotation', 'PATCH', { id: a.id }, { as: 'editor', body: { version: 1, body: 'y' } });
    expect((await call('annotation', 'DELETE', { id: a.id }, { as: 'editor', query: '?version=1' })).status).toBe(409);
  });
});

describe('WAKELINE_READ_REQUIRES_LOGIN', () => {
  it('makes GET routes need a signed-in account', async () => {
    process.env.WAKELINE_READ_REQUIRES_LOGIN = '1';
    resetConfigForTests();
    try {
      expect((await call('voyages', 'GET')).status).toBe(401);
      expect((await call('voyageAnnotations', 'GET', { id: voyage })).status).toBe(401);
      expect((await call('voyages', 'GET', {}, { as: 'viewer' })).status).toBe(200);
      expect((await call('me', 'GET')).body).toEqual({ user: null, readRequiresLogin: true });
    } finally {
      delete process.env.WAKELINE_READ_REQUIRES_LOGIN;
      resetConfigForTests();
    }
    expect((await call('voyages', 'GET')).status).toBe(200);
  });
});

describe('OpenAPI', () => {
  it('describes the annotation and auth endpoints', async () => {
    const doc = (await call('openapi', 'GET')).body;
    for (const p of [
      '/api/auth/login',
      '/api/auth/logout',
      '/api/auth/me',
      '/api/voyages/{id}/annotations',
      '/api/annotations/{id}',
      '/api/annotations/{id}/history',
      '/api/annotations/{id}/restore',
    ]) {
      expect(doc.paths[p], p).toBeDefined();
    }
    expect(Object.keys(doc.paths['/api/annotations/{id}'])).toEqual(expect.arrayContaining(['patch', 'delete']));
  });
});
