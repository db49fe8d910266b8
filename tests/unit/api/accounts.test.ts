/**
 * The accounts API, handlers called directly against a real temporary SQLite file: sign-in and its
 * limits, every mutating endpoint against anonymous, viewer, editor, another editor and admin,
 * cross-site Origins, and reading behind WAKELINE_READ_REQUIRES_LOGIN.
 */
import { describe, expect, it, vi } from 'vitest';
import seedPorts from '@/data/seed/ports.json';
import { resetConfigForTests } from '@/lib/server/config';
import { type CallOptions, PASSWORD, call, cookies, created, ids, newNote, setUpAccountsApi, voyage } from './accounts-api';

setUpAccountsApi('accounts-api');

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

  it('answers 429 with Retry-After after five failures for one account from one address, and only there', async () => {
    // The clock (Date only) stands still, so the 1 s delay after the fifth failure is still running.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      for (let i = 0; i < 5; i++) {
        const r = await call('login', 'POST', {}, { body: { username: 'otto', password: `wrong ${i}` }, headers: { 'x-forwarded-for': '10.1.0.1' } });
        expect(r.status).toBe(401);
      }
      const r = await call('login', 'POST', {}, { body: { username: 'otto', password: PASSWORD }, headers: { 'x-forwarded-for': '10.1.0.1' } });
      expect(r.status).toBe(429);
      expect(r.headers.get('retry-after')).toBe('1');
      expect(r.body.error.message).toBe('Too many failed sign-ins from your address. Try again in 1 second.');
      // No account lock: the same password from another address signs in at once.
      const elsewhere = await call('login', 'POST', {}, { body: { username: 'otto', password: PASSWORD }, headers: { 'x-forwarded-for': '10.1.0.2' } });
      expect(elsewhere.status).toBe(200);
    } finally {
      vi.useRealTimers();
    }
  });

  it('answers 429 after twenty failures from one address across accounts', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      for (let i = 0; i < 20; i++) {
        await call('login', 'POST', {}, { body: { username: `spray${i}`, password: 'guess guess' }, headers: { 'x-forwarded-for': '10.2.0.1' } });
      }
      const r = await call('login', 'POST', {}, { body: { username: 'ada', password: PASSWORD }, headers: { 'x-forwarded-for': '10.2.0.1' } });
      expect(r.status).toBe(429);
      expect(r.body.error.message).toMatch(/from your address/);
    } finally {
      vi.useRealTimers();
    }
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

  it('in production without WAKELINE_ORIGIN, trusts no Host header: only http://localhost:PORT may write', async () => {
    const forged = { origin: 'http://evil.example', headers: { host: 'evil.example' } };
    vi.stubEnv('NODE_ENV', 'production');
    vi.stubEnv('PORT', '4321');
    resetConfigForTests();
    try {
      const refused = await call('voyageAnnotations', 'POST', { id: voyage }, { ...forged, as: 'editor', body: { body: 'forged host' } });
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toContain('WAKELINE_ORIGIN');
      const local = await call('voyageAnnotations', 'POST', { id: voyage }, { origin: 'http://localhost:4321', as: 'editor', body: { body: 'local' } });
      expect(local.status).toBe(201);
    } finally {
      vi.unstubAllEnvs();
      resetConfigForTests();
    }
  });

  it('lets a same-origin request and a non-browser client without Origin through', async () => {
    expect((await newNote('editor')).status).toBe(201);
    const r = await call('voyageAnnotations', 'POST', { id: voyage }, { as: 'editor', origin: null, body: { body: 'from curl' } });
    expect(r.status).toBe(201);
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
