import { describe, expect, it } from 'vitest';
import { SORT_OPTIONS, parseSort, sortToParam, sortVoyages } from '@/lib/core/domain/voyage-sort';

const w = (earliest: string, latest = earliest) => ({ earliest, latest });
function voyage(id: string, o: { vessel?: string | null; from?: string; to?: string; dep?: ReturnType<typeof w>; arr?: ReturnType<typeof w>; nm?: number }) {
  return {
    id,
    vessel: o.vessel === null ? null : { name: o.vessel ?? 'Lady R' },
    origin: { name: o.from ?? 'Rajin' },
    destination: { name: o.to ?? 'Vostochny' },
    departure: o.dep ?? w('2024-02-01'),
    arrival: o.arr ?? w('2024-02-05'),
    metrics: { routeNm: o.nm ?? 100 },
  };
}
const ids = (list: { id: string }[]) => list.map((v) => v.id);

describe('sortVoyages', () => {
  it('sorts a window by its earliest possible day, then its latest', () => {
    const list = [
      voyage('late-end', { dep: w('2024-03-02', '2024-03-09') }),
      voyage('early', { dep: w('2024-03-01', '2024-03-20') }),
      voyage('sure', { dep: w('2024-03-02', '2024-03-03') }),
    ];
    expect(ids(sortVoyages(list))).toEqual(['early', 'sure', 'late-end']);
    expect(ids(sortVoyages(list, { by: 'departure', dir: 'desc' }))).toEqual(['late-end', 'sure', 'early']);
    const arr = [voyage('a', { arr: w('2024-05-01', '2024-05-09') }), voyage('b', { arr: w('2024-05-01', '2024-05-02') })];
    expect(ids(sortVoyages(arr, { by: 'arrival', dir: 'asc' }))).toEqual(['b', 'a']);
  });

  it('sorts by distance, names, and keeps an unidentified vessel last both ways', () => {
    const list = [
      voyage('far', { nm: 900, vessel: 'Angara', from: 'Vostochny', to: 'Rajin' }),
      voyage('near', { nm: 50, vessel: null, from: 'Rajin', to: 'Dunai' }),
      voyage('mid', { nm: 300, vessel: 'Maia-1', from: 'Rajin', to: 'Vladivostok' }),
    ];
    expect(ids(sortVoyages(list, { by: 'distance', dir: 'asc' }))).toEqual(['near', 'mid', 'far']);
    expect(ids(sortVoyages(list, { by: 'distance', dir: 'desc' }))).toEqual(['far', 'mid', 'near']);
    expect(ids(sortVoyages(list, { by: 'vessel', dir: 'asc' }))).toEqual(['far', 'mid', 'near']);
    expect(ids(sortVoyages(list, { by: 'vessel', dir: 'desc' }))).toEqual(['mid', 'far', 'near']);
    expect(ids(sortVoyages(list, { by: 'origin', dir: 'asc' }))).toEqual(['near', 'mid', 'far']);
    expect(ids(sortVoyages(list, { by: 'destination', dir: 'asc' }))).toEqual(['near', 'far', 'mid']);
  });

  it('breaks ties by departure, then id, and leaves its input alone', () => {
    const list = [voyage('b', {}), voyage('a', {}), voyage('c', { dep: w('2024-01-01') })];
    expect(ids(sortVoyages(list, { by: 'distance', dir: 'desc' }))).toEqual(['c', 'a', 'b']);
    expect(ids(list)).toEqual(['b', 'a', 'c']);
  });
});

describe('sort parameter', () => {
  it('round-trips every option, leaving the default out of the URL', () => {
    for (const o of SORT_OPTIONS) expect(sortToParam(parseSort(o.value))).toBe(o.value || undefined);
    expect(SORT_OPTIONS).toHaveLength(12);
    expect(parseSort('departure')).toBeUndefined();
    expect(parseSort('-distance')).toEqual({ by: 'distance', dir: 'desc' });
  });

  it('forgives what it does not know', () => {
    for (const v of ['', 'speed', '--distance', 'distance-', '-', 'DISTANCE', null, undefined]) expect(parseSort(v)).toBeUndefined();
  });
});
