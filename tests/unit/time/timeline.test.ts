import { describe, expect, it } from 'vitest';
import { formatDay } from '@/lib/core/domain/display';
import { addDays, dayOf, dayStart, weekStart } from '@/lib/core/time/days';
import { fitDomain, MIN_SPAN_MS, pan, rangeToDays, timeTicks, timeToX, xToTime, zoomAt } from '@/lib/core/time/scale';
import { timelineModel, weeklyCounts } from '@/lib/core/time/timeline';
import { voyageTimes } from '@/lib/core/time/possibleProgress';
import { routeStretch } from '@/lib/core/geo/routeStretch';

const w = (earliest: string, latest = earliest) => ({ earliest, latest });

describe('days', () => {
  it('round-trips days and finds the Monday of a week', () => {
    expect(dayOf(dayStart('2024-02-29') + 5)).toBe('2024-02-29');
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(dayOf(weekStart(dayStart('2024-02-08')))).toBe('2024-02-05'); // a Thursday → Monday 5 Feb
    expect(dayOf(weekStart(dayStart('2024-02-05')))).toBe('2024-02-05');
    expect(dayOf(weekStart(dayStart('2024-02-11')))).toBe('2024-02-05'); // Sunday
    expect(formatDay('2024-02-06')).toBe('6 Feb 2024');
    expect(Number.isNaN(dayStart('2023-02-29'))).toBe(true);
    // Asked again (from the memo), the answers are the same.
    expect(Number.isNaN(dayStart('2023-02-29'))).toBe(true);
    expect(dayStart('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
    for (const bad of ['0099-01-01', '2024-13-01', '2024-00-10', '2024-04-31', '2024-4-01']) expect(Number.isNaN(dayStart(bad)), bad).toBe(true);
  });
});

describe('timelineModel', () => {
  const voyages = [
    { id: 'b', vesselId: 'lady-r', vesselLabel: 'Lady R', departure: w('2024-03-12', '2024-03-14'), arrival: w('2024-03-12', '2024-03-14') },
    { id: 'a', vesselId: 'lady-r', vesselLabel: 'Lady R', departure: w('2024-02-04', '2024-02-08'), arrival: w('2024-02-04', '2024-02-08') },
    { id: 'c', vesselId: 'angara', vesselLabel: 'Angara', departure: w('2023-09-07', '2023-10-01'), arrival: w('2023-09-07', '2023-10-01') },
    { id: 'u', vesselId: null, vesselLabel: 'unidentified', departure: w('2023-01-01'), arrival: w('2023-01-02') },
    { id: 'bad', vesselId: 'x', vesselLabel: 'X', departure: w('2024-01-05'), arrival: w('2024-01-01') },
  ];

  it('makes one row per vessel, in order of first departure, the unidentified last; drops unreadable windows', () => {
    const m = timelineModel(voyages, [{ id: 's1', vesselIds: ['angara'], window: w('2023-09-20'), label: 'seen' }], [
      { id: 'c1', vesselIds: ['lady-r', 'nobody'], window: w('2024-02-01', '2024-02-29'), label: 'claim' },
    ]);
    expect(m.rows.map((r) => r.key)).toEqual(['angara', 'lady-r', 'unidentified']);
    expect(m.rows[1]!.bars.map((b) => b.id)).toEqual(['a', 'b']);
    expect(m.rows[0]!.sightings).toHaveLength(1);
    expect(m.rows[1]!.claims[0]).toMatchObject({ id: 'c1', start: dayStart('2024-02-01'), end: dayStart('2024-03-01') });
    expect(m.extent).toEqual({ start: dayStart('2023-01-01'), end: dayStart('2024-03-15') });
  });

  it('counts the voyages possibly under way in each ISO week, and is empty for no voyages', () => {
    const bars = [voyageTimes(w('2024-02-04', '2024-02-08'), w('2024-02-04', '2024-02-08')), voyageTimes(w('2024-02-06'), w('2024-02-07'))];
    const weeks = weeklyCounts(bars);
    // 4 Feb is a Sunday (week of 29 Jan); 8 Feb is in the week of 5 Feb.
    expect(weeks.map((x) => [dayOf(x.start), x.count])).toEqual([
      ['2024-01-29', 1],
      ['2024-02-05', 2],
    ]);
    expect(timelineModel([])).toEqual({ rows: [], weeks: [], extent: null, maxWeek: 1 });
  });
});

describe('time scale', () => {
  const d = { start: dayStart('2024-01-01'), end: dayStart('2024-03-01') };

  it('maps instants to pixels and back', () => {
    expect(timeToX(d, 600, d.start)).toBe(0);
    expect(timeToX(d, 600, d.end)).toBe(600);
    expect(xToTime(d, 600, 300)).toBe((d.start + d.end) / 2);
  });

  it('zooms about an anchor that stays put, within the narrowest span, and pans', () => {
    const anchor = dayStart('2024-02-01');
    const z = zoomAt(d, 2, anchor);
    expect(z.end - z.start).toBe((d.end - d.start) / 2);
    expect(timeToX(z, 600, anchor)).toBeCloseTo(timeToX(d, 600, anchor), 6);
    const tight = zoomAt(d, 1e6, anchor);
    expect(tight.end - tight.start).toBe(MIN_SPAN_MS);
    expect(pan(d, 10)).toEqual({ start: d.start + 10, end: d.end + 10 });
    expect(zoomAt(d, Number.NaN, anchor)).toBe(d);
  });

  it('picks tick steps that stay apart: weeks over two months at 600 px, years over a decade', () => {
    const ticks = timeTicks(d, 600);
    expect(ticks.length).toBeGreaterThan(4);
    for (let i = 1; i < ticks.length; i++) expect(timeToX(d, 600, ticks[i]!.t) - timeToX(d, 600, ticks[i - 1]!.t)).toBeGreaterThanOrEqual(60);
    const decade = timeTicks(fitDomain(dayStart('2015-01-01'), dayStart('2025-01-01')), 600);
    expect(decade.every((t) => /^\d{4}$/.test(t.label))).toBe(true);
  });

  it('turns a drag into whole days, either way round', () => {
    expect(rangeToDays(dayStart('2024-03-01'), dayStart('2024-02-01'))).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(rangeToDays(dayStart('2024-02-01') + 5e6, dayStart('2024-02-29') + 5e6)).toEqual({ from: '2024-02-01', to: '2024-02-29' });
  });
});

describe('routeStretch', () => {
  const line = [
    [130, 42],
    [130, 43],
    [131, 43],
  ];

  it('cuts the route between two fractions of its length', () => {
    const whole = routeStretch(line, 0, 1);
    expect(whole[0]).toEqual([130, 42]);
    expect(whole.at(-1)![0]).toBeCloseTo(131, 6);
    const first = routeStretch(line, 0, 0.25);
    expect(first.at(-1)![0]).toBeCloseTo(130, 6);
    expect(first.at(-1)![1]).toBeGreaterThan(42.3);
    expect(first.at(-1)![1]).toBeLessThan(42.7);
    expect(routeStretch(line, 0.9, 0.1)).toEqual(routeStretch(line, 0.1, 0.9));
  });
});
