import { describe, expect, it } from 'vitest';
import { hitTest } from '@/lib/client/timeline/hit';
import { HEADER_H, LANE_H, labelY, layoutTimeline, rowAt } from '@/lib/client/timeline/layout';
import { advance, dataDays, keyMove, playStart, step } from '@/lib/client/timeline/playback';
import { describeVoyage, timelineData } from '@/lib/client/timeline/voyages';
import { formatWindow } from '@/lib/core/domain/display';
import type { VoyageSummary } from '@/lib/core/domain/dto';
import { DAY_MS, dayOf, dayStart } from '@/lib/core/time/days';
import { timeToX } from '@/lib/core/time/scale';
import { type TimelineModel, timelineModel } from '@/lib/core/time/timeline';

const w = (earliest: string, latest = earliest) => ({ earliest, latest });

describe('window labels (formatWindow, as the list writes them)', () => {
  it('writes a window as people read it', () => {
    const d = (earliest: string, latest = earliest) => ({ earliest, latest, precision: 'day' as const });
    expect(formatWindow(d('2024-02-06'))).toBe('6 Feb 2024');
    expect(formatWindow(d('2024-02-04', '2024-02-08'))).toBe('4–8 Feb 2024');
    expect(formatWindow(d('2024-01-28', '2024-02-03'))).toBe('28 Jan – 3 Feb 2024');
    expect(formatWindow(d('2023-12-30', '2024-01-02'))).toBe('30 Dec 2023 – 2 Jan 2024');
  });
});

const voyages = [
  { id: 'a', vesselId: 'lady-r', vesselLabel: 'Lady R', departure: w('2024-02-04', '2024-02-08'), arrival: w('2024-02-10', '2024-02-12') },
  // Overlaps a: a second lane of the same row.
  { id: 'b', vesselId: 'lady-r', vesselLabel: 'Lady R', departure: w('2024-02-09'), arrival: w('2024-02-20') },
  // After a ends: back on the first lane.
  { id: 'c', vesselId: 'lady-r', vesselLabel: 'Lady R', departure: w('2024-03-01'), arrival: w('2024-03-03') },
  { id: 'd', vesselId: 'angara', vesselLabel: 'Angara', departure: w('2024-04-01'), arrival: w('2024-04-05') },
];

describe('layoutTimeline and hitTest', () => {
  const model = timelineModel(voyages);
  const layout = layoutTimeline(model);
  it('stacks overlapping voyages of one vessel on lanes', () => {
    expect(model.rows.map((r) => r.key)).toEqual(['lady-r', 'angara']);
    expect(layout.rows[0]!.lanes).toEqual([0, 1, 0]);
    expect(layout.rows[1]!.lanes).toEqual([0]);
    expect(layout.rows[0]!.height).toBeGreaterThan(layout.rows[1]!.height);
    expect(layout.rowsHeight).toBe(layout.rows[0]!.height + layout.rows[1]!.height);
    expect(rowAt(layout, layout.rows[1]!.y + 1)).toBe(1);
    expect(rowAt(layout, -1)).toBe(-1);
    expect(rowAt(layout, layout.rowsHeight)).toBe(-1);
  });
  it('puts each bar on the first lane free when it starts, as the plain walk of the lanes does, for thousands of bars', () => {
    // A seeded walk: starts ascending (as a row's bars come), spans up to a month, all in whole
    // hours so that bars often start the hour another ends (that lane is free again).
    let seed = 7;
    const random = () => ((seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647);
    for (const n of [1, 2, 3, 100, 4_000]) {
      let start = 0;
      const bars = Array.from({ length: n }, (_, i) => {
        start += Math.floor(random() * 4) * 3_600_000;
        return { id: `v${i}`, d1: start, a2: start + Math.floor(random() * 720) * 3_600_000 };
      });
      const ends: number[] = [];
      const plain = bars.map((b) => {
        let lane = ends.findIndex((end) => end <= b.d1);
        if (lane < 0) lane = ends.length;
        ends[lane] = b.a2;
        return lane;
      });
      const row = { key: 'x', label: 'x', bars, sightings: [], claims: [] } as unknown as TimelineModel['rows'][number];
      const laid = layoutTimeline({ rows: [row], weeks: [], extent: null, maxWeek: 1 });
      expect(laid.rows[0]!.lanes).toEqual(plain);
      expect(laid.rows[0]!.height).toBe((Math.max(...plain) + 1) * LANE_H + 8);
      if (n === 4_000) {
        expect(Math.max(...plain)).toBeGreaterThan(50);
        expect(bars.some((b, i) => bars.slice(Math.max(0, i - 300), i).some((a) => a.a2 === b.d1))).toBe(true);
      }
    }
  });
  it('finds the bar under a point, by lane and by time', () => {
    const domain = { start: dayStart('2024-02-01'), end: dayStart('2024-04-11') };
    const g = { width: 824, labelWidth: 124, scrollTop: 0 };
    const x = (day: string) => g.labelWidth + timeToX(domain, 700, dayStart(day) + DAY_MS / 2);
    const y = (row: number, lane: number) => HEADER_H + layout.rows[row]!.y + 4 + lane * LANE_H + LANE_H / 2;
    expect(hitTest(model, layout, domain, g, x('2024-02-05'), y(0, 0))).toEqual({ kind: 'bar', row: 0, id: 'a' });
    expect(hitTest(model, layout, domain, g, x('2024-02-15'), y(0, 1))).toEqual({ kind: 'bar', row: 0, id: 'b' });
    expect(hitTest(model, layout, domain, g, x('2024-02-15'), y(0, 0))).toEqual({ kind: 'row', row: 0 });
    expect(hitTest(model, layout, domain, g, x('2024-04-02'), y(1, 0))).toEqual({ kind: 'bar', row: 1, id: 'd' });
    expect(hitTest(model, layout, domain, g, 10, y(1, 0))).toEqual({ kind: 'label', row: 1 });
    expect(hitTest(model, layout, domain, g, 300, 5)).toEqual({ kind: 'axis' });
    expect(hitTest(model, layout, domain, g, 300, HEADER_H - 5)).toEqual({ kind: 'histogram' });
    // Scrolled by the first row's height, the second row is where the first was.
    const scrolled = { ...g, scrollTop: layout.rows[1]!.y };
    expect(hitTest(model, layout, domain, scrolled, x('2024-04-02'), y(0, 0))).toEqual({ kind: 'bar', row: 1, id: 'd' });
  });
});

describe('playback steps', () => {
  const days = { first: '2024-01-01', last: '2024-12-31' };
  it('starts at the cursor, the brushed from, or the first day', () => {
    expect(dataDays({ start: dayStart('2024-01-01'), end: dayStart('2025-01-01') })).toEqual(days);
    expect(dataDays(null)).toBeNull();
    expect(playStart('2024-05-05', '2024-02-01', days)).toBe('2024-05-05');
    expect(playStart('2024-12-31', undefined, days)).toBe('2024-01-01');
    expect(playStart(null, '2024-02-01', days)).toBe('2024-02-01');
    expect(playStart(null, '2020-02-01', days)).toBe('2024-01-01');
    expect(playStart(null, undefined, days)).toBe('2024-01-01');
  });
  it('advances at the speed and stops at the last day', () => {
    const t = dayStart('2024-02-01');
    expect(advance(t, 500, 7, days.last)).toEqual({ t: t + 250 / 1000 * 7 * DAY_MS, done: false }); // a long frame counts as 250 ms
    expect(dayOf(advance(t, 100, 10, days.last).t)).toBe('2024-02-02');
    expect(advance(dayStart('2024-12-30'), 200, 30, days.last)).toEqual({ t: dayStart('2024-12-31'), done: true });
    expect(step('2024-02-01', 7, days.last)).toEqual({ day: '2024-02-08', done: false });
    expect(step('2024-12-28', 7, days.last)).toEqual({ day: '2024-12-31', done: true });
  });
  it('moves the cursor by key, within the data', () => {
    expect(keyMove('ArrowRight', false, '2024-02-28', days)).toBe('2024-02-29');
    expect(keyMove('ArrowLeft', true, '2024-02-28', days)).toBe('2024-02-21');
    expect(keyMove('PageUp', false, '2024-02-28', days)).toBe('2024-03-06');
    expect(keyMove('PageDown', false, '2024-01-03', days)).toBe('2024-01-01');
    expect(keyMove('Home', false, '2024-06-01', days)).toBe('2024-01-01');
    expect(keyMove('End', false, '2024-06-01', days)).toBe('2024-12-31');
    expect(keyMove('ArrowRight', false, '2024-12-31', days)).toBe('2024-12-31');
    expect(keyMove('a', false, '2024-06-01', days)).toBeNull();
  });
});

describe('timelineData', () => {
  const summary = (id: string, vessel: { id: string; name: string } | null, dep: string, arr: string) =>
    ({
      id,
      vessel,
      origin: { id: 'rajin', name: 'Rajin' },
      destination: { id: 'vostochny', name: 'Vostochny' },
      departure: w(dep),
      arrival: w(arr),
      identification: vessel ? { kind: 'believed', sourceId: 's', words: 'believed to be' } : null,
      basis: null,
    }) as unknown as VoyageSummary;
  it('orders the voyages by departure and describes them', () => {
    const data = timelineData(
      [summary('late', { id: 'x', name: 'X' }, '2024-03-01', '2024-03-04'), summary('early', null, '2024-02-04', '2024-02-06'), summary('bad', null, '2024-02-09', '2024-02-01')],
      [{ id: 's1', vesselId: 'x', window: w('2024-03-02'), activity: 'loading', placeName: null } as never],
      [{ id: 'c1', vesselIds: ['x'], period: w('2024-01-01', '2024-06-30'), statement: 'Many visits' } as never],
    );
    expect(data.ordered.map((v) => v.id)).toEqual(['early', 'late']);
    expect(data.model.rows.find((r) => r.key === 'x')!.sightings).toHaveLength(1);
    expect(data.model.rows.find((r) => r.key === 'x')!.claims).toHaveLength(1);
    const lines = describeVoyage(data.byId.get('early')!);
    expect(lines).toEqual(['Unidentified vessel', 'Rajin → Vostochny', 'Departed 4 Feb 2024', 'Arrived 6 Feb 2024']);
  });
});

describe('row labels (labelY)', () => {
  // 300 voyages of one vessel, each at sea while the next leaves: one row of 300 lanes.
  const day = (n: number) => new Date(Date.UTC(2024, 0, 1) + n * DAY_MS).toISOString().slice(0, 10);
  const many = Array.from({ length: 300 }, (_, i) => ({ id: `m${i}`, vesselId: 'x', vesselLabel: 'X', departure: w(day(i % 3)), arrival: w(day(400)) }));
  const layout = layoutTimeline(timelineModel([...many, voyages[3]!]));
  const viewTop = HEADER_H;
  const viewBottom = 232;
  it('keeps a row taller than the view named wherever it is scrolled', () => {
    const tall = layout.rows[0]!;
    expect(tall.height).toBeGreaterThan(20 * (viewBottom - viewTop));
    for (const scrollTop of [0, 1000, tall.height / 2, tall.height - 40]) {
      const y = labelY(viewTop + tall.y - scrollTop, tall.height, viewTop, viewBottom)!;
      expect(y, `scrolled ${scrollTop}`).toBeGreaterThanOrEqual(viewTop + 8);
      expect(y).toBeLessThanOrEqual(viewBottom - 8);
    }
    // Unscrolled, by its first lane (not its middle, thousands of pixels below the view).
    expect(labelY(viewTop + tall.y, tall.height, viewTop, viewBottom)).toBe(viewTop + 4 + LANE_H / 2);
    // Scrolled past its end, it has none; the next row is named in the middle of its one lane.
    const next = layout.rows[1]!;
    expect(labelY(viewTop + tall.y - tall.height, tall.height, viewTop, viewBottom)).toBeNull();
    expect(labelY(viewTop + next.y - tall.height, next.height, viewTop, viewBottom)).toBe(viewTop + next.height / 2);
    // A row of a few lanes, all in view, is named in its middle.
    expect(labelY(100, 50, viewTop, viewBottom)).toBe(125);
  });
});
