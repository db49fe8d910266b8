/**
 * The API's answer cache (app/api/_lib/cache.ts) through GET /api/voyages, called directly as
 * Next.js calls it, against a real temporary SQLite file: revalidation, no stale answer after a
 * write from this or another connection, one build for simultaneous requests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetConfigForTests } from '@/lib/server/config';
import { tempDatabase } from '../helpers';

type Handler = (request: Request, ctx: { params: Promise<Record<string, unknown>> }) => Promise<Response>;
const routes: Record<string, Handler> = {};
let tmp: ReturnType<typeof tempDatabase>;

beforeAll(async () => {
  tmp = tempDatabase('api-cache');
  process.env.DATABASE_URL = tmp.url;
  resetConfigForTests();
  routes.voyages = (await import('@/app/api/voyages/route')).GET as unknown as Handler;
});

afterAll(async () => {
  const { getDb } = await import('@/lib/server/db');
  await (await getDb()).destroy();
  tmp.cleanup();
});

async function call(name: string, query = '') {
  const handler = routes[name];
  if (!handler) throw new Error(`no handler ${name}`);
  const res = await handler(new Request(`http://localhost/api/x${query}`), { params: Promise.resolve({}) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: JSON.parse(text) };
}

describe('answers from the cache', () => {
  it('revalidates an unchanged answer with a 304', async () => {
    const first = await routes.voyages!(new Request('http://localhost/api/voyages?vessel=lady-r'), { params: Promise.resolve({}) });
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await routes.voyages!(
      new Request('http://localhost/api/voyages?vessel=lady-r', { headers: { 'If-None-Match': etag! } }),
      { params: Promise.resolve({}) },
    );
    expect(again.status).toBe(304);
  });

  it('never serves a stale answer after the data changes', async () => {
    const { getDb } = await import('@/lib/server/db');
    const db = await getDb();
    const before = await call('voyages', '?port=rajin');
    const etagBefore = before.headers.get('etag');
    const victim = before.body.voyages[0].id as string;
    const saved = await db.selectFrom('voyages').selectAll().where('id', '=', victim).executeTakeFirstOrThrow();
    const links = await db.selectFrom('voyage_sources').selectAll().where('record_id', '=', victim).execute();
    await db.deleteFrom('voyages').where('id', '=', victim).execute();
    try {
      const after = await call('voyages', '?port=rajin');
      expect(after.body.total).toBe(before.body.total - 1);
      expect(after.headers.get('etag')).not.toBe(etagBefore);
    } finally {
      await db.insertInto('voyages').values(saved).execute();
      await db.insertInto('voyage_sources').values(links).execute();
    }
    expect((await call('voyages', '?port=rajin')).body.total).toBe(before.body.total);
  });

  it('sees a write made by another connection (another process) to the same file', async () => {
    const { createDb } = await import('@/lib/server/db/connection');
    const before = await call('voyages', '?vessel=angara');
    const other = createDb(tmp.target);
    try {
      await other.db.updateTable('voyages').set({ confidence: 'disputed' }).where('vessel_id', '=', 'angara').execute();
      const after = await call('voyages', '?vessel=angara');
      expect(after.body.voyages.every((v: { confidence: string }) => v.confidence === 'disputed')).toBe(true);
      expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
    } finally {
      await other.db.updateTable('voyages').set({ confidence: 'reported' }).where('vessel_id', '=', 'angara').execute();
      await other.db.destroy();
    }
  });

  it('keeps the voyage answers through writes they are not made from, and drops them on a vessel rename', async () => {
    const { getDb } = await import('@/lib/server/db');
    const db = await getDb();
    const before = await call('voyages', '?vessel=lady-r&limit=5');
    // A sign-in's throttle counter commits, but no voyage answer is made from it.
    await db.insertInto('throttle').values({ key: 'test:unrelated', hits: 1, window_start: 0, last_at: 0, expires_at: Date.now() + 60_000 }).execute();
    expect((await call('voyages', '?vessel=lady-r&limit=5')).headers.get('etag')).toBe(before.headers.get('etag'));
    const name = (await db.selectFrom('vessels').select('name').where('id', '=', 'lady-r').executeTakeFirstOrThrow()).name;
    await db.updateTable('vessels').set({ name: 'Lady R (renamed)' }).where('id', '=', 'lady-r').execute();
    try {
      const after = await call('voyages', '?vessel=lady-r&limit=5');
      expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
      expect(after.body.voyages.map((v: { vessel: { name: string } }) => v.vessel.name)).toEqual(Array(before.body.voyages.length).fill('Lady R (renamed)'));
    } finally {
      await db.updateTable('vessels').set({ name }).where('id', '=', 'lady-r').execute();
    }
  });

  it('pages the never-cached offsets of one filter without gaps or repeats', async () => {
    const whole = await call('voyages', '?port=rajin&limit=1000');
    const paged: string[] = [];
    for (let offset = 0; offset < whole.body.total; offset += 3) {
      const page = await call('voyages', `?port=rajin&limit=3&offset=${offset}`);
      expect(page.headers.get('x-total-count')).toBe(String(whole.body.total));
      paged.push(...page.body.voyages.map((v: { id: string }) => v.id));
    }
    expect(paged).toEqual(whole.body.voyages.map((v: { id: string }) => v.id));
  });

  it('makes an answer once for many simultaneous requests, and counts its size once', async () => {
    const { cachedResponse, cacheStats } = await import('@/app/api/_lib/cache');
    const { getDb } = await import('@/lib/server/db');
    const key = 'test: simultaneous requests';
    let builds = 0;
    const burst = async (body: string) => {
      const build = async () => {
        builds++;
        // Still building when the other requests arrive, as a slow query would be.
        await new Promise((resolve) => setTimeout(resolve, 25));
        return { body, contentType: 'text/plain' };
      };
      const responses = await Promise.all(Array.from({ length: 8 }, () => cachedResponse(new Request('http://localhost/api/x'), key, build)));
      expect(new Set(responses.map((r) => r.headers.get('etag'))).size).toBe(1);
      expect(await Promise.all(responses.map((r) => r.text()))).toEqual(Array(8).fill(body));
    };

    const before = cacheStats();
    await burst('a'.repeat(1000));
    expect(builds).toBe(1);
    expect(cacheStats()).toEqual({ entries: before.entries + 1, bytes: before.bytes + 1000 });

    // A write to a voyage (even one that changes nothing) moves the data version: the next burst makes a new
    // answer under the same key, whose size replaces the old one's instead of adding to it.
    const db = await getDb();
    const row = await db.selectFrom('voyages').select(['id', 'confidence']).limit(1).executeTakeFirstOrThrow();
    await db.updateTable('voyages').set({ confidence: row.confidence }).where('id', '=', row.id).execute();
    await burst('b'.repeat(3000));
    expect(builds).toBe(2);
    expect(cacheStats()).toEqual({ entries: before.entries + 1, bytes: before.bytes + 3000 });
  });
});
