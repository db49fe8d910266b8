/**
 * The in-memory voyage index (lib/server/db/voyage-index.ts) and the answers built from kept JSON
 * fragments (voyage-pages.ts), against a real temporary SQLite file holding the seed plus clones
 * that share departure days: pages and counts agree with the same filter run in SQL, pages are
 * stable across ties, and a committed write is seen by the next request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { voyagesToGeoJSON } from '@/lib/core/domain/format';
import { type DB, openReadyDatabase } from '@/lib/server/db';
import { visibleTo } from '@/lib/server/db/reference';
import { type VoyageFilter, listVoyageRoutes, listVoyages, voyageSummaries } from '@/lib/server/db/voyages';
import { voyageGeneration } from '@/lib/server/db/voyage-index';
import { createDb } from '@/lib/server/db/connection';
import { MAX_SUMMARY_CHARS, voyageListJson, voyageRoutesGeoJson } from '@/lib/server/db/voyage-pages';
import { tempDatabase } from '../helpers';

let tmp: ReturnType<typeof tempDatabase>;
let db: DB;
/** Clones of the seeded voyages on a handful of departure days: many ties to order by id. */
const CLONES = 240;
const TIE_DAYS = ['2024-03-01', '2024-03-02', '2024-07-15'];

beforeAll(async () => {
  tmp = tempDatabase('voyage-index');
  db = await openReadyDatabase(tmp.target);
  const seeded = await db.selectFrom('voyages').selectAll().execute();
  const links = await db.selectFrom('voyage_sources').selectAll().execute();
  const rows = Array.from({ length: CLONES }, (_, i) => {
    const { created_at: _c, updated_at: _u, ...row } = seeded[i % seeded.length]!;
    // Ids not in departure order, so that an order by insertion or by id alone would show.
    const id = `clone-${String((i * 37) % CLONES).padStart(3, '0')}`;
    const status = i % 9 === 0 ? 'draft' : 'published';
    return { ...row, id, status, departure_earliest: TIE_DAYS[i % TIE_DAYS.length]!, arrival_latest: i % 2 ? '2024-08-01' : '2024-03-10' };
  });
  await db.insertInto('voyages').values(rows).execute();
  const cloneLinks = rows.flatMap((r, i) => links.filter((l) => l.record_id === seeded[i % seeded.length]!.id).map((l) => ({ ...l, record_id: r.id })));
  await db.insertInto('voyage_sources').values(cloneLinks).execute();
});

afterAll(async () => {
  await db.destroy();
  tmp.cleanup();
});

/** The same filter, page and count straight from SQL: what the index must agree with. */
async function inSql(f: VoyageFilter): Promise<{ ids: string[]; total: number }> {
  let q = db.selectFrom('voyages as v').where(visibleTo(f.visibility ?? 'published', 'v'));
  if (f.vessel) q = q.where('v.vessel_id', '=', f.vessel);
  const port = f.port;
  if (port) q = q.where((eb) => eb.or([eb('v.origin_port_id', '=', port), eb('v.destination_port_id', '=', port)]));
  if (f.from) q = q.where('v.arrival_latest', '>=', f.from);
  if (f.to) q = q.where('v.departure_earliest', '<=', f.to);
  if (f.confidence) q = q.where('v.confidence', '=', f.confidence);
  const rows = await q.select('v.id').orderBy('v.departure_earliest').orderBy('v.id').limit(f.limit).offset(f.offset).execute();
  const { n } = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { ids: rows.map((r) => r.id), total: Number(n) };
}

const FILTERS: Omit<VoyageFilter, 'limit' | 'offset'>[] = [
  {},
  { visibility: 'team' },
  { vessel: 'lady-r' },
  { port: 'dunai' },
  { port: 'rajin', from: '2024-03-05' },
  { from: '2024-03-01', to: '2024-03-02' },
  // Bounds equal to clones' days: both ends are inclusive.
  { from: '2024-03-10', to: '2024-03-01' },
  { confidence: 'corroborated', visibility: 'team' },
  { vessel: 'no-such-vessel' },
];

describe('the voyage index', () => {
  it.each(FILTERS)('pages and counts as SQL does for %j', async (filter) => {
    for (const [limit, offset] of [[5, 0], [7, 3], [50, 40], [1000, 0], [10, 100_000]] as const) {
      const f = { ...filter, limit, offset };
      const list = await listVoyages(db, f);
      expect({ ids: list.voyages.map((v) => v.id), total: list.total }, JSON.stringify([limit, offset])).toEqual(await inSql(f));
    }
  });

  it('gives every voyage exactly once when paging through ties, in departure then id order', async () => {
    const whole = await inSql({ limit: 10_000, offset: 0, visibility: 'team' });
    expect(whole.total).toBeGreaterThan(CLONES);
    const paged: string[] = [];
    for (let offset = 0; offset < whole.total; offset += 13) {
      const page = await listVoyages(db, { limit: 13, offset, visibility: 'team' });
      expect(page.total).toBe(whole.total);
      paged.push(...page.voyages.map((v) => v.id));
    }
    expect(paged).toEqual(whole.ids);
    const tied = paged.filter((id) => id.startsWith('clone-'));
    const keyed = (await listVoyages(db, { limit: 10_000, offset: 0, visibility: 'team' })).voyages.filter((v) => v.id.startsWith('clone-'));
    expect(keyed.map((v) => v.id)).toEqual(tied);
    for (let i = 1; i < keyed.length; i++) {
      const [a, b] = [keyed[i - 1]!, keyed[i]!];
      expect(a.departure.earliest < b.departure.earliest || (a.departure.earliest === b.departure.earliest && a.id < b.id)).toBe(true);
    }
  });

  it('answers JSON byte for byte as serialising the whole list does, from kept fragments too', async () => {
    for (const filter of FILTERS) {
      const f = { ...filter, limit: 60, offset: 10 };
      for (let round = 0; round < 2; round++) {
        const { body, total } = await voyageListJson(db, f);
        const list = await listVoyages(db, f);
        expect(body, JSON.stringify(filter)).toBe(JSON.stringify(list));
        expect(total).toBe(list.total);
      }
    }
  });

  it('answers the map layer’s GeoJSON byte for byte as voyagesToGeoJSON does', async () => {
    for (const filter of FILTERS) {
      const f = { ...filter, limit: 80, offset: 0 };
      for (let round = 0; round < 2; round++) {
        const { body, total } = await voyageRoutesGeoJson(db, f);
        const { voyages, total: expected } = await listVoyageRoutes(db, f);
        expect(body, JSON.stringify(filter)).toBe(JSON.stringify(voyagesToGeoJSON(voyages)));
        expect(total).toBe(expected);
      }
    }
  });

  it('sees a committed change at once: a moved departure, a vessel renamed, a voyage deleted', async () => {
    const f = { limit: 10_000, offset: 0, visibility: 'team' as const };
    const before = JSON.parse((await voyageListJson(db, f)).body) as { voyages: { id: string; vessel: { id: string; name: string } | null }[]; total: number };
    const moved = before.voyages[0]!.id;
    await db.updateTable('voyages').set({ departure_earliest: '2099-01-01' }).where('id', '=', moved).execute();
    const afterMove = (await listVoyages(db, f)).voyages.map((v) => v.id);
    expect(afterMove.at(-1)).toBe(moved);
    expect(afterMove).toEqual((await inSql(f)).ids);

    const named = before.voyages.find((v) => v.vessel)!.vessel!;
    await db.updateTable('vessels').set({ name: 'Renamed In Test' }).where('id', '=', named.id).execute();
    const renamed = JSON.parse((await voyageListJson(db, f)).body) as typeof before;
    expect(renamed.voyages.filter((v) => v.vessel?.id === named.id).every((v) => v.vessel!.name === 'Renamed In Test')).toBe(true);

    const gone = before.voyages[1]!.id;
    await db.deleteFrom('voyage_sources').where('record_id', '=', gone).execute();
    await db.deleteFrom('voyages').where('id', '=', gone).execute();
    const afterDelete = await voyageListJson(db, f);
    expect(afterDelete.total).toBe(before.total - 1);
    expect(afterDelete.body).not.toContain(`"${gone}"`);
  });

  it('moves its version on a write to voyages, their sources, vessels or ports, from any connection, and on nothing else', async () => {
    const g = await voyageGeneration(db, 'team');
    await db.insertInto('throttle').values({ key: 'test:unrelated', hits: 1, window_start: 0, last_at: 0, expires_at: 1 }).execute();
    await db.deleteFrom('throttle').where('key', '=', 'test:unrelated').execute();
    expect(await voyageGeneration(db, 'team')).toBe(g);
    const writes: [string, () => Promise<unknown>][] = [
      ['ports', () => db.updateTable('ports').set({ name: 'Rajin' }).where('id', '=', 'rajin').execute()],
      ['vessels', () => db.updateTable('vessels').set({ notes: 'touched' }).where('id', '=', 'lady-r').execute()],
      ['voyage_sources', () => db.updateTable('voyage_sources').set({ position: 5 }).where('record_id', '=', 'clone-002').execute()],
      ['voyages', () => db.updateTable('voyages').set({ cargo: 'touched' }).where('id', '=', 'clone-002').execute()],
    ];
    for (const [table, write] of writes) {
      const held = await voyageGeneration(db, 'team');
      await write();
      expect(await voyageGeneration(db, 'team'), table).not.toBe(held);
    }
    const other = createDb(tmp.target);
    try {
      const held = await voyageGeneration(db, 'team');
      await other.db.updateTable('voyages').set({ cargo: 'other connection' }).where('id', '=', 'clone-001').execute();
      expect(await voyageGeneration(db, 'team')).not.toBe(held);
      expect((await voyageSummaries(db, ['clone-001']))[0]!.cargo).toBe('other connection');
    } finally {
      await other.db.destroy();
    }
  });

  it('serialises every listed voyage in the background after the first page, and stops for a newer generation', async () => {
    await db.updateTable('voyages').set({ cargo: 'new generation' }).where('id', '=', 'clone-003').execute();
    const g = await voyageGeneration(db, 'team');
    const kept = g.fragmentsOf('summary', MAX_SUMMARY_CHARS);
    expect(kept.size).toBe(0);
    const listed = g.idsFor('team').length;
    await voyageListJson(db, { limit: 1, offset: 0, visibility: 'team' });
    for (let i = 0; i < 500 && kept.size < listed; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(kept.size).toBe(listed);

    await db.updateTable('voyages').set({ cargo: 'newer still' }).where('id', '=', 'clone-003').execute();
    const next = await voyageGeneration(db, 'team');
    await voyageListJson(db, { limit: 1, offset: 0, visibility: 'team' });
    // Superseded before its warm-up begins: it never starts.
    await db.updateTable('voyages').set({ cargo: 'newest' }).where('id', '=', 'clone-003').execute();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(next.fragmentsOf('summary', MAX_SUMMARY_CHARS).size).toBeLessThan(listed);
    expect(JSON.parse((await voyageListJson(db, { limit: 1000, offset: 0, visibility: 'team' })).body).voyages.find((v: { id: string }) => v.id === 'clone-003').cargo).toBe('newest');
  });
});
