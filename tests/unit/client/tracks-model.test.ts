import { describe, expect, it } from 'vitest';
import { buildTrackModel, chunkRange, levelAt, mercatorX, mercatorY, nearestFix, pixelAt } from '@/components/map/tracks/model';
import { fixLines, formatFixTime } from '@/components/map/tracks/text';
import { gapLabel } from '@/lib/core/track/gapLabel';
import { splitAtGaps } from '@/lib/core/track/splitAtGaps';
import type { TrackDto } from '@/lib/core/track/types';

const H = 3600;
/** Rajin out to sea at 10-minute fixes, silent for 20 h, then 10-minute fixes off Vostochny. */
function rajinToVostochny(): TrackDto {
  const t: number[] = [];
  const coords: number[] = [];
  const sog: (number | null)[] = [];
  const t0 = Date.UTC(2024, 1, 6, 0, 0, 0) / 1000;
  for (let i = 0; i < 30; i++) {
    t.push(t0 + i * 600);
    coords.push(130.31 + i * 0.02, 42.24 + i * 0.005);
    sog.push(10.5);
  }
  const back = t.at(-1)! + 20 * H;
  for (let i = 0; i < 30; i++) {
    t.push(back + i * 600);
    coords.push(132.6 + i * 0.01, 42.6 + i * 0.004);
    sog.push(i === 0 ? null : 9);
  }
  return { vesselId: 'v1', vesselName: 'Angara', t, coords, sog };
}

describe('splitAtGaps: a track is cut where it falls silent', () => {
  it('splits at a silence longer than gapMinHours, with its length in hours', () => {
    expect(splitAtGaps([0, H, 25 * H, 26 * H], 6)).toEqual({ breaks: [2], gaps: [{ from: 1, hours: 24 }] });
  });

  it('does not split at a silence of exactly gapMinHours, nor at shorter ones', () => {
    expect(splitAtGaps([0, 6 * H, 7 * H], 6).gaps).toEqual([]);
  });

  it('splits where the detection reported a gap even when it is shorter than the threshold', () => {
    expect(splitAtGaps([0, H, 3 * H], 6, [H]).gaps).toEqual([{ from: 1, hours: 2 }]);
  });

  it('does not throw on zero or one fix, and names a bad threshold', () => {
    expect(splitAtGaps([], 6)).toEqual({ breaks: [], gaps: [] });
    expect(splitAtGaps([5], 6)).toEqual({ breaks: [], gaps: [] });
    expect(() => splitAtGaps([0], 0)).toThrow(/splitAtGaps: gapMinHours must be/);
  });

  it('labels a gap with its duration', () => {
    expect(gapLabel(20.2)).toBe('20 h silent');
    expect(gapLabel(76)).toBe('3 d 4 h silent');
    expect(gapLabel(48)).toBe('2 d silent');
    expect(gapLabel(0.5)).toBe('30 min silent');
  });
});

describe('buildTrackModel and levelAt: a track prepared for the map', () => {
  const dto = rajinToVostochny();
  const model = buildTrackModel(dto, 6);

  it('projects like Leaflet: 0° at the middle, north up (smaller y)', () => {
    expect(mercatorX(0)).toBe(0.5);
    expect(mercatorY(0)).toBeCloseTo(0.5, 12);
    expect(mercatorY(42)).toBeLessThan(0.5);
    expect(model.xy[0]).toBeCloseTo(mercatorX(130.31), 12);
  });

  it('finds the 20-hour silence and lifts the line there', () => {
    expect(model.gaps).toEqual([{ from: 29, hours: 20 }]);
    expect(model.partStart[30]).toBe(1);
    expect(model.partStart.reduce((a, b) => a + b, 0)).toBe(1);
  });

  it('keeps the fixes on both sides of a gap at every zoom, and more fixes as it zooms in', () => {
    let before = 0;
    for (const zoom of [4, 6, 8, 10, 13]) {
      const level = levelAt(model, zoom, 13);
      const kept = Array.from(level.kept);
      expect(kept).toEqual(expect.arrayContaining([0, 29, 30, 59]));
      expect(kept.length).toBeLessThanOrEqual(dto.t.length);
      expect(kept.length).toBeGreaterThanOrEqual(before);
      before = kept.length;
    }
  });

  it('computes each integer zoom once, and serves a fractional zoom from the next one up', () => {
    const a = levelAt(model, 8.25, 13);
    expect(levelAt(model, 9, 13)).toBe(a);
    expect(levelAt(model, 8.75, 13)).toBe(a);
  });

  it('cuts the kept fixes into chunks that share their ends and bound their fixes', () => {
    const level = levelAt(model, 13, 13);
    const [k0, k1] = chunkRange(level, 0);
    expect(k0).toBe(0);
    expect(k1).toBe(level.kept.length - 1);
    for (const i of level.kept) {
      expect(model.xy[2 * i]).toBeGreaterThanOrEqual(level.bounds[0]!);
      expect(model.xy[2 * i]).toBeLessThanOrEqual(level.bounds[2]!);
    }
  });

  it('does not mutate the track it was given', () => {
    const fresh = rajinToVostochny();
    const copy = structuredClone(fresh);
    levelAt(buildTrackModel(fresh, 6), 10, 13);
    expect(fresh).toEqual(copy);
  });

  it('names a track whose columns disagree', () => {
    expect(() => buildTrackModel({ ...dto, coords: dto.coords.slice(2) }, 6)).toThrow(/buildTrackModel: track v1 has 60 times but 59 positions/);
  });
});

describe('nearestFix: the hover picks the nearest fix through a spatial index', () => {
  const model = buildTrackModel(rajinToVostochny(), 6);
  const px = pixelAt(10);

  it('picks the nearest fix within reach, not merely one within reach', () => {
    // Between fixes 4 and 5, a third of the way from 5 to 4: 5 is nearer.
    const x = (model.xy[8]! + 2 * model.xy[10]!) / 3;
    const y = (model.xy[9]! + 2 * model.xy[11]!) / 3;
    expect(nearestFix(model, x, y, 100 * px)).toBe(5);
    const x2 = (2 * model.xy[8]! + model.xy[10]!) / 3;
    const y2 = (2 * model.xy[9]! + model.xy[11]!) / 3;
    expect(nearestFix(model, x2, y2, 100 * px)).toBe(4);
  });

  it('answers -1 out of reach, and finds fixes simplification leaves out', () => {
    expect(nearestFix(model, model.xy[0]! - 50 * px, model.xy[1]!, 8 * px)).toBe(-1);
    const coarse = Array.from(levelAt(model, 4, 13).kept);
    expect(coarse).not.toContain(17);
    expect(nearestFix(model, model.xy[34]!, model.xy[35]!, 8 * pixelAt(18))).toBe(17);
  });

  it('says the fix time in UTC, with speed, and leaves out what the source did not report', () => {
    expect(formatFixTime(Date.UTC(2024, 1, 6, 14, 5, 30) / 1000)).toBe('2024-02-06 14:05:30 UTC');
    expect(fixLines(model, 1)).toEqual(['Angara', '2024-02-06 00:10:00 UTC', '10.5 kn']);
    expect(fixLines(model, 30)).toEqual(['Angara', '2024-02-07 00:50:00 UTC']);
    const withCourse = buildTrackModel({ ...rajinToVostochny(), cog: Array(60).fill(44.6) }, 6);
    expect(fixLines(withCourse, 1)[2]).toBe('10.5 kn · course 45°');
  });
});
