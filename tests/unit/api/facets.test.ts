/**
 * GET /api/voyages/facets against a real temporary SQLite file: the counts equal what the list
 * itself answers for the same filters, entries without voyages are left out, bad input is a 400.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import seedVoyages from '@/data/seed/voyages.json';
import { resetConfigForTests } from '@/lib/server/config';
import { tempDatabase } from '../helpers';

type Handler = (request: Request, ctx: { params: Promise<Record<string, unknown>> }) => Promise<Response>;
let facets: Handler;
let voyages: Handler;
let tmp: ReturnType<typeof tempDatabase>;

beforeAll(async () => {
  tmp = tempDatabase('facets');
  process.env.DATABASE_URL = tmp.url;
  resetConfigForTests();
  facets = (await import('@/app/api/voyages/facets/route')).GET as unknown as Handler;
  voyages = (await import('@/app/api/voyages/route')).GET as unknown as Handler;
}, 60_000);

afterAll(async () => {
  const { getDb } = await import('@/lib/server/db');
  await (await getDb()).destroy();
  tmp.cleanup();
});

async function get(handler: Handler, query: string) {
  const res = await handler(new Request(`http://localhost/api/x${query}`), { params: Promise.resolve({}) });
  return { status: res.status, body: await res.json(), total: Number(res.headers.get('x-total-count')) };
}

type Entry = { id: string; name: string; count: number };

describe('GET /api/voyages/facets', () => {
  it('counts the seeded voyages per vessel and per port (each end once)', async () => {
    const r = await get(facets, '');
    expect(r.status).toBe(200);
    const perVessel = new Map<string, number>();
    const perPort = new Map<string, number>();
    for (const v of seedVoyages) {
      if (v.vesselId) perVessel.set(v.vesselId, (perVessel.get(v.vesselId) ?? 0) + 1);
      for (const p of new Set([v.originPortId, v.destinationPortId])) perPort.set(p, (perPort.get(p) ?? 0) + 1);
    }
    expect(Object.fromEntries(r.body.vessels.map((e: Entry) => [e.id, e.count]))).toEqual(Object.fromEntries(perVessel));
    expect(Object.fromEntries(r.body.ports.map((e: Entry) => [e.id, e.count]))).toEqual(Object.fromEntries(perPort));
    expect(r.body.vessels.find((e: Entry) => e.id === 'lady-r')).toEqual({ id: 'lady-r', name: 'Lady R', count: 6 });
  });

  it('counts each facet under the other filters, as the list answers them', async () => {
    for (const filters of ['', '&port=vostochny', '&from=2024-03-01&to=2024-04-30', '&vessel=lady-r', '&vessel=lady-r&port=rajin']) {
      const f = await get(facets, filters ? `?${filters.slice(1)}` : '');
      expect(f.status).toBe(200);
      const params = new URLSearchParams(filters.slice(1));
      for (const e of f.body.vessels as Entry[]) {
        const p = new URLSearchParams(params);
        p.set('vessel', e.id);
        expect((await get(voyages, `?${p}`)).total, `${filters} vessel ${e.id}`).toBe(e.count);
      }
      for (const e of f.body.ports as Entry[]) {
        const p = new URLSearchParams(params);
        p.set('port', e.id);
        expect((await get(voyages, `?${p}`)).total, `${filters} port ${e.id}`).toBe(e.count);
      }
      // Left out: every entry with no voyage under the other filters.
      expect((f.body.vessels as Entry[]).every((e) => e.count > 0)).toBe(true);
    }
  });

  it('leaves out vessels with no voyage under the other filters', async () => {
    const r = await get(facets, '?from=2024-03-01&to=2024-04-30');
    expect(r.body.vessels.map((e: Entry) => e.id)).toEqual(['lady-r']);
    expect(r.body.vessels[0].count).toBe(3);
  });

  it('counts again after a voyage changes vessel, and after a vessel is renamed', async () => {
    const { getDb } = await import('@/lib/server/db');
    const db = await getDb();
    const before = (await get(facets, '')).body as { vessels: Entry[] };
    const leg = seedVoyages.find((v) => v.vesselId === 'lady-r')!;
    const count = (answer: { vessels: Entry[] }, id: string) => answer.vessels.find((v) => v.id === id)?.count ?? 0;
    await db.updateTable('voyages').set({ vessel_id: 'angara' }).where('id', '=', leg.id).execute();
    const { name } = await db.selectFrom('vessels').select('name').where('id', '=', 'angara').executeTakeFirstOrThrow();
    await db.updateTable('vessels').set({ name: 'Angara (renamed)' }).where('id', '=', 'angara').execute();
    try {
      const after = (await get(facets, '')).body as { vessels: Entry[] };
      expect(count(after, 'lady-r')).toBe(count(before, 'lady-r') - 1);
      expect(count(after, 'angara')).toBe(count(before, 'angara') + 1);
      expect(after.vessels.find((v) => v.id === 'angara')!.name).toBe('Angara (renamed)');
    } finally {
      await db.updateTable('voyages').set({ vessel_id: 'lady-r' }).where('id', '=', leg.id).execute();
      await db.updateTable('vessels').set({ name }).where('id', '=', 'angara').execute();
    }
  });

  it('refuses a reversed range and unknown parameters with a 400 naming the field', async () => {
    const reversed = await get(facets, '?from=2024-05-01&to=2024-01-01');
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.details.issues.map((i: { field: string }) => i.field)).toContain('to');
    const unknown = await get(facets, '?format=csv');
    expect(unknown.status).toBe(400);
    const badDay = await get(facets, '?from=2024-02-30');
    expect(badDay.status).toBe(400);
    expect(badDay.body.error.details.issues.map((i: { field: string }) => i.field)).toContain('from');
  });
});
