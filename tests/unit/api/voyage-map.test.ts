/**
 * GET /api/voyages/map against a real temporary SQLite file holding more voyages than a page of
 * the list (MAX_PAGE): the map gets every one of them, decoded to the same features as the GeoJSON
 * answer, and an unchanged answer is confirmed with a 304.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeVoyage, timelineData } from '@/lib/client/timeline/voyages';
import type { VoyageSummary } from '@/lib/core/domain/dto';
import { MAX_PAGE } from '@/lib/core/domain/query';
import { MAP_SCALE, type VoyageMapAnswer, decodeVoyageMap } from '@/lib/core/domain/voyage-map';
import { resetConfigForTests } from '@/lib/server/config';
import { tempDatabase } from '../helpers';

type Handler = (request: Request, ctx: { params: Promise<Record<string, unknown>> }) => Promise<Response>;
let map: Handler;
let voyages: Handler;
let tmp: ReturnType<typeof tempDatabase>;
let seeded = 0;
const COPIES = 5_100;

beforeAll(async () => {
  tmp = tempDatabase('voyage-map');
  process.env.DATABASE_URL = tmp.url;
  resetConfigForTests();
  map = (await import('@/app/api/voyages/map/route')).GET as unknown as Handler;
  voyages = (await import('@/app/api/voyages/route')).GET as unknown as Handler;
  const { getDb } = await import('@/lib/server/db');
  const db = await getDb();
  const rows = await db.selectFrom('voyages').selectAll().execute();
  seeded = rows.length;
  // Copies of the seeded voyages under new ids, past one page of the list.
  const copies = Array.from({ length: COPIES }, (_, i) => ({ ...rows[i % rows.length]!, id: `copy-${String(i).padStart(5, '0')}` }));
  await db.transaction().execute(async (tx) => {
    for (let i = 0; i < copies.length; i += 200) await tx.insertInto('voyages').values(copies.slice(i, i + 200)).execute();
  });
}, 120_000);

afterAll(async () => {
  const { getDb } = await import('@/lib/server/db');
  await (await getDb()).destroy();
  tmp.cleanup();
});

const call = (handler: Handler, query: string, headers: Record<string, string> = {}) =>
  handler(new Request(`http://localhost/api/x${query}`, { headers }), { params: Promise.resolve({}) });

describe('GET /api/voyages/map', () => {
  it('has no page cap: every voyage beyond MAX_PAGE is on the map', async () => {
    expect(seeded + COPIES).toBeGreaterThan(MAX_PAGE);
    const res = await call(map, '');
    expect(res.status).toBe(200);
    const answer = (await res.json()) as VoyageMapAnswer;
    expect(answer.count).toBe(seeded + COPIES);
    expect(Number(res.headers.get('x-total-count'))).toBe(seeded + COPIES);
    const fc = decodeVoyageMap<{ id: string }>(answer);
    expect(new Set(fc.features.map((f) => f.properties.id)).size).toBe(seeded + COPIES);
    // The GeoJSON download stops at one page.
    const geojson = await (await call(voyages, '?format=geojson')).json();
    expect(geojson.features).toHaveLength(MAX_PAGE);
  });

  it('decodes to the GeoJSON answer, coordinates rounded to 1e-5 degrees, and sends each route once', async () => {
    const query = '?confidence=reported&from=2024-01-01';
    const answer = (await (await call(map, query)).json()) as VoyageMapAnswer;
    const geojson = await (await call(voyages, `${query}&format=geojson`)).json();
    expect(answer.count).toBe(geojson.features.length);
    const rounded = {
      ...geojson,
      features: geojson.features.map((f: { geometry: { coordinates: number[][] } }) => ({
        ...f,
        geometry: { ...f.geometry, coordinates: f.geometry.coordinates.map((p) => p.map((x) => Math.round(x * MAP_SCALE) / MAP_SCALE)) },
      })),
    };
    expect(decodeVoyageMap(answer)).toEqual(rounded);
    // Copies share their originals' routes: no more distinct routes than seeded voyages.
    expect(answer.paths.length).toBeLessThanOrEqual(seeded);
    expect(answer.paths.length).toBeGreaterThan(0);
  });

  it('carries every voyage summary the timeline reads: its model from the map answer is the one from the list', async () => {
    // The timeline reads this answer without from/to (lib/client/api/timeline.ts), in place of the list's pages.
    const query = '?confidence=reported';
    const fromMap = decodeVoyageMap<VoyageSummary>((await (await call(map, query)).json()) as VoyageMapAnswer).features.map((f) => f.properties);
    const fromList: VoyageSummary[] = [];
    for (let offset = 0; ; offset += MAX_PAGE) {
      const page = (await (await call(voyages, `${query}&format=json&limit=${MAX_PAGE}&offset=${offset}`)).json()) as { voyages: VoyageSummary[]; total: number };
      fromList.push(...page.voyages);
      if (fromList.length >= page.total || page.voyages.length === 0) break;
    }
    expect(fromList.length).toBeGreaterThan(MAX_PAGE);
    expect(fromMap).toHaveLength(fromList.length);
    const byId = new Map(fromMap.map((v) => [v.id, v]));
    for (const v of fromList) expect(byId.get(v.id)).toMatchObject(v);
    const a = timelineData(fromMap);
    const b = timelineData(fromList);
    expect(a.model).toEqual(b.model);
    expect(a.ordered.map((v) => v.id)).toEqual(b.ordered.map((v) => v.id));
    expect(a.ordered.map(describeVoyage)).toEqual(b.ordered.map(describeVoyage));
  });

  it('narrows by the filters and refuses a page or an unknown parameter', async () => {
    const all = (await (await call(map, '')).json()) as VoyageMapAnswer;
    const narrowed = (await (await call(map, '?port=vostochny')).json()) as VoyageMapAnswer;
    expect(narrowed.count).toBeGreaterThan(0);
    expect(narrowed.count).toBeLessThan(all.count);
    expect(narrowed.count).toBe(Number((await call(voyages, '?port=vostochny&limit=1')).headers.get('x-total-count')));
    expect((await call(map, '?limit=10')).status).toBe(400);
    expect((await call(map, '?nope=1')).status).toBe(400);
  });

  it('writes the same bytes from kept parts as encoding the voyages read afresh, and no stale part after a write', async () => {
    const { getDb } = await import('@/lib/server/db');
    const { listVoyageRoutes } = await import('@/lib/server/db/voyages');
    const { voyagesToGeoJSON } = await import('@/lib/core/domain/format');
    const { encodeVoyageMap } = await import('@/lib/core/domain/voyage-map');
    const db = await getDb();
    const fresh = async (f: Record<string, string>) =>
      JSON.stringify(encodeVoyageMap(voyagesToGeoJSON((await listVoyageRoutes(db, { ...f, limit: 1_000_000, offset: 0 })).voyages)));
    await call(map, ''); // every voyage's part kept
    const filters: Record<string, string>[] = [{ port: 'dunai' }, { from: '2024-03-01', to: '2024-03-09' }, { confidence: 'reported', port: 'rajin' }];
    for (const f of filters) expect(await (await call(map, `?${new URLSearchParams(f)}`)).text(), JSON.stringify(f)).toBe(await fresh(f));
    const victim = await db.selectFrom('voyages').select(['id', 'confidence']).where('id', 'like', 'copy-%').where((eb) => eb.or([eb('origin_port_id', '=', 'dunai'), eb('destination_port_id', '=', 'dunai')])).executeTakeFirstOrThrow();
    const other = victim.confidence === 'reported' ? 'corroborated' : 'reported';
    await db.updateTable('voyages').set({ confidence: other }).where('id', '=', victim.id).execute();
    const after = await (await call(map, '?port=dunai')).text();
    expect(after).toBe(await fresh({ port: 'dunai' }));
    const decoded = decodeVoyageMap<{ id: string; confidence: string }>(JSON.parse(after) as VoyageMapAnswer);
    expect(decoded.features.find((x) => x.properties.id === victim.id)?.properties.confidence).toBe(other);
  });

  it('answers 304 to the ETag of an unchanged answer, and a new answer after a write', async () => {
    const first = await call(map, '');
    const etag = first.headers.get('etag')!;
    expect(etag).toBeTruthy();
    expect((await call(map, '', { 'if-none-match': etag })).status).toBe(304);
    const { getDb } = await import('@/lib/server/db');
    await (await getDb()).deleteFrom('voyages').where('id', '=', 'copy-00000').execute();
    const after = await call(map, '', { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(((await after.json()) as VoyageMapAnswer).count).toBe(seeded + COPIES - 1);
  });
});
