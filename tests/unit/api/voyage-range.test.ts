/**
 * The dashboard narrows the map's whole answer by a range of days on the page (voyage-range.ts)
 * instead of asking GET /api/voyages/map?from&to again: against a real temporary database holding
 * voyages spread over three years, the page's narrowing must give exactly the server's answer, the
 * same voyages in the same order, for every kind of range.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type VoyageMapAnswer, decodeVoyageMap } from '@/lib/core/domain/voyage-map';
import { type DayRange, narrowToRange, rangeToNarrow, spansRange } from '@/lib/core/domain/voyage-range';
import { resetConfigForTests } from '@/lib/server/config';
import { tempDatabase } from '../helpers';

type Handler = (request: Request, ctx: { params: Promise<Record<string, unknown>> }) => Promise<Response>;
type Props = { id: string; departure: { earliest: string }; arrival: { latest: string } };
let map: Handler;
let tmp: ReturnType<typeof tempDatabase>;
const COPIES = 600;
const DAY = 86_400_000;
const shift = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

beforeAll(async () => {
  tmp = tempDatabase('voyage-range');
  process.env.DATABASE_URL = tmp.url;
  resetConfigForTests();
  map = (await import('@/app/api/voyages/map/route')).GET as unknown as Handler;
  const { getDb } = await import('@/lib/server/db');
  const db = await getDb();
  const rows = await db.selectFrom('voyages').selectAll().execute();
  // Copies of the seeded voyages moved by up to about two years either way, spans kept.
  const copies = Array.from({ length: COPIES }, (_, i) => {
    const r = rows[i % rows.length]!;
    const k = ((i * 37) % 1_400) - 700;
    return {
      ...r,
      id: `range-${String(i).padStart(4, '0')}`,
      departure_earliest: shift(r.departure_earliest, k),
      departure_latest: shift(r.departure_latest, k),
      arrival_earliest: shift(r.arrival_earliest, k),
      arrival_latest: shift(r.arrival_latest, k),
    };
  });
  await db.transaction().execute(async (tx) => {
    for (let i = 0; i < copies.length; i += 100) await tx.insertInto('voyages').values(copies.slice(i, i + 100)).execute();
  });
}, 120_000);

afterAll(async () => {
  const { getDb } = await import('@/lib/server/db');
  await (await getDb()).destroy();
  tmp.cleanup();
});

async function answer(query: string) {
  const res = await map(new Request(`http://localhost/api/voyages/map${query}`), { params: Promise.resolve({}) });
  expect(res.status).toBe(200);
  return decodeVoyageMap<Props>((await res.json()) as VoyageMapAnswer);
}
const ids = async (query: string) => (await answer(query)).features.map((f) => f.properties.id);

describe('a range of days narrowed on the page', () => {
  it('gives the server’s answer, in its order, for ranges of every length, open at either end, on the edges of spans', async () => {
    const [wholeAll, whole] = [await answer(''), await answer('?port=rajin')];
    const all = wholeAll.features.map((f) => f.properties.id);
    expect(all.length).toBeGreaterThan(COPIES);
    const ranges: DayRange[] = [];
    for (let t = Date.UTC(2021, 6, 3); t < Date.UTC(2027, 3, 1); t += 23 * DAY) {
      const from = new Date(t).toISOString().slice(0, 10);
      for (const days of [0, 6, 40]) ranges.push({ from, to: shift(from, days) });
      ranges.push({ from }, { to: from });
    }
    // Ranges that start or end on a voyage's own days: the bounds are inclusive.
    for (const f of wholeAll.features.slice(0, 40)) ranges.push({ from: f.properties.arrival.latest }, { to: f.properties.departure.earliest });
    let some = 0;
    for (const range of ranges) {
      const query = new URLSearchParams(range as Record<string, string>).toString();
      const narrowed = narrowToRange(wholeAll, rangeToNarrow(range)!).features.map((f) => f.properties.id);
      expect(narrowed, query).toEqual(await ids(`?${query}`));
      if (narrowed.length > 0 && narrowed.length < all.length) some++;
      // With another filter too: the whole answer for the port, narrowed.
      expect(narrowToRange(whole, rangeToNarrow(range)!).features.map((f) => f.properties.id), `port=rajin&${query}`).toEqual(await ids(`?port=rajin&${query}`));
    }
    // The comparison means something: most ranges keep some voyages and leave out others.
    expect(some).toBeGreaterThan(ranges.length / 2);
  }, 120_000);

  it('leaves to the server a range it must judge: a day that is not one, or the end before the start', () => {
    expect(rangeToNarrow({})).toBeNull();
    expect(rangeToNarrow({ from: '2024-02-30' })).toBeNull();
    expect(rangeToNarrow({ to: '2024-2-3' })).toBeNull();
    expect(rangeToNarrow({ from: '2024-03-02', to: '2024-03-01' })).toBeNull();
    expect(rangeToNarrow({ from: '2024-03-01', to: '2024-03-01' })).toEqual({ from: '2024-03-01', to: '2024-03-01' });
    expect(rangeToNarrow({ to: '2024-03-01' })).toEqual({ to: '2024-03-01' });
    const v = { departure: { earliest: '2024-03-01' }, arrival: { latest: '2024-03-05' } };
    expect([spansRange(v, { from: '2024-03-05' }), spansRange(v, { from: '2024-03-06' })]).toEqual([true, false]);
    expect([spansRange(v, { to: '2024-03-01' }), spansRange(v, { to: '2024-02-29' })]).toEqual([true, false]);
  });
});
