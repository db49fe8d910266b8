import { describe, expect, it } from 'vitest';
import { type Ordered, scan } from '@/lib/server/db/voyage-scan';
import { mulberry32 } from '@/lib/core/track/mulberry32';

const rand = mulberry32(11);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
const day = (t: number) => new Date(t).toISOString().slice(0, 10);
const START = Date.UTC(2023, 11, 20);

function ordered(n: number): Ordered {
  const o: Ordered = { ids: [], departureEarliest: [], arrivalLatest: [], vessel: [], origin: [], destination: [], confidence: [] };
  for (let i = 0; i < n; i++) {
    const dep = START + Math.floor(rand() * 40) * 86_400_000;
    o.ids.push(`v${i}`);
    o.departureEarliest.push(day(dep));
    o.arrivalLatest.push(day(dep + Math.floor(rand() * 9) * 86_400_000));
    o.vessel.push(rand() < 0.2 ? null : pick(['a', 'b', 'c']));
    o.origin.push(pick(['rajin', 'dunai']));
    o.destination.push(pick(['vostochny', 'rajin']));
    o.confidence.push(pick(['reported', 'corroborated']));
  }
  return o;
}

/** The filter as the SQL conditions state it, on the text. */
function naive(f: Parameters<typeof scan>[0], o: Ordered): number[] {
  return o.ids
    .map((_, i) => i)
    .filter(
      (i) =>
        (!f.vessel || o.vessel[i] === f.vessel) &&
        (!f.port || o.origin[i] === f.port || o.destination[i] === f.port) &&
        (!f.from || o.arrivalLatest[i]! >= f.from) &&
        (!f.to || o.departureEarliest[i]! <= f.to) &&
        (!f.confidence || o.confidence[i] === f.confidence),
    );
}

describe('scan', () => {
  it('matches what the filter says on the text, for dates across a year end and every other filter', () => {
    const o = ordered(3000);
    for (let k = 0; k < 200; k++) {
      const from = rand() < 0.7 ? day(START + Math.floor(rand() * 45) * 86_400_000) : undefined;
      const to = rand() < 0.7 ? day(START + Math.floor(rand() * 45) * 86_400_000) : undefined;
      const f = { from, to, vessel: rand() < 0.3 ? pick(['a', 'b', 'x']) : undefined, port: rand() < 0.3 ? 'rajin' : undefined, confidence: rand() < 0.3 ? ('reported' as const) : undefined };
      const got = scan(f, o);
      expect(got === null ? o.ids.map((_, i) => i) : [...got], JSON.stringify(f)).toEqual(naive(f, o));
    }
    expect(scan({}, o)).toBeNull();
  });

  it('gives the same matches in list order (departures ascending: only the part a date filter can match is walked)', () => {
    const o = ordered(4000);
    const order = o.ids.map((_, i) => i).sort((a, b) => (o.departureEarliest[a]! < o.departureEarliest[b]! ? -1 : o.departureEarliest[a]! > o.departureEarliest[b]! ? 1 : a - b));
    const sorted = Object.fromEntries(Object.entries(o).map(([k, xs]) => [k, order.map((i) => (xs as unknown[])[i])])) as unknown as Ordered;
    // One voyage with a long window: the walk must start early enough to reach it.
    sorted.departureEarliest[10] = sorted.departureEarliest[0]!;
    sorted.arrivalLatest[10] = '2024-12-31';
    for (let k = 0; k < 300; k++) {
      const from = rand() < 0.8 ? day(START + Math.floor(rand() * 400) * 86_400_000) : undefined;
      const to = rand() < 0.8 ? day(START + Math.floor(rand() * 60) * 86_400_000) : undefined;
      const f = { from, to, port: rand() < 0.2 ? 'dunai' : undefined };
      const got = scan(f, sorted);
      expect(got === null ? sorted.ids.map((_, i) => i) : [...got], JSON.stringify(f)).toEqual(naive(f, sorted));
    }
    expect([...scan({ from: '2024-06-01' }, sorted)!]).toEqual([10]);
  });

  it('compares the text when some stored day is not YYYY-MM-DD', () => {
    const o = ordered(50);
    o.arrivalLatest[3] = '2024-01-05T12:00';
    o.departureEarliest[4] = '2024-1-5';
    for (const f of [{ from: '2024-01-05' }, { to: '2024-01-05' }, { from: '2024-01-01', to: '2024-01-10' }]) {
      expect([...scan(f, o)!], JSON.stringify(f)).toEqual(naive(f, o));
    }
  });
});
