import { describe, expect, it } from 'vitest';
import { greatCircleNm, type GeofencedPort } from '@/lib/core/geo';
import {
  DEFAULT_DETECTION,
  detectEvents,
  detectGaps,
  detectPortCalls,
  possibleDarkPortCalls,
  syntheticTrack,
  type GapEvent,
  type TrackPoint,
} from '@/lib/core/track';
import { mulberry32, ports } from '../geo/_load';
import { greatCircleSeaNm } from './_sea';

const H = 3_600_000;
const at = (hours: number, lon: number, lat: number, sog: number | null = 10): TrackPoint => ({ t: Date.UTC(2024, 1, 5) + hours * H, lon, lat, sog, cog: null });
const rajin = [130.3, 42.233333] as const;

describe('detection recovers what syntheticTrack planted', () => {
  it('finds exactly the planted port calls and gaps for several seeds', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      for (const vessel of syntheticTrack({ seed, ports, vessels: 2, fixesPerVessel: 3000 })) {
        const calls = detectPortCalls(vessel.points, ports, DEFAULT_DETECTION);
        const gaps = detectGaps(vessel.points, DEFAULT_DETECTION, greatCircleSeaNm);
        expect(calls.map(({ portId, arrival, departure }) => ({ portId, arrival, departure }))).toEqual(vessel.truth.portCalls);
        expect(gaps.map((g) => ({ from: g.from.t, to: g.to.t }))).toEqual(vessel.truth.gaps);
        expect(vessel.truth.gaps.length).toBeGreaterThan(0);
      }
    }
  });

  it('finds the same port calls from implied speeds when the track has no SOG', () => {
    for (const seed of [6, 7, 8]) {
      const [vessel] = syntheticTrack({ seed, ports, fixesPerVessel: 3000 });
      if (!vessel) throw new Error('no vessel');
      const noSog = vessel.points.map((p) => ({ ...p, sog: null }));
      const calls = detectPortCalls(noSog, ports, DEFAULT_DETECTION);
      expect(calls.map(({ portId, arrival, departure }) => ({ portId, arrival, departure }))).toEqual(vessel.truth.portCalls);
    }
  });
});

describe('detectPortCalls', () => {
  it('counts a stay of exactly portCallMinDwellHours and not a shorter one', () => {
    const stay = (hours: number) => [at(0, ...rajin, 0), at(hours, ...rajin, 0)];
    expect(detectPortCalls(stay(2), ports, DEFAULT_DETECTION)).toHaveLength(1);
    expect(detectPortCalls(stay(1.99), ports, DEFAULT_DETECTION)).toHaveLength(0);
  });

  it('ends a visit at a fix outside the geofence, so leaving and coming back gives two calls', () => {
    const out = [130.5, 42.0] as const;
    const points = [at(0, ...rajin, 0), at(3, ...rajin, 0), at(4, ...out), at(5, ...rajin, 0), at(8, ...rajin, 0)];
    expect(detectPortCalls(points, ports, DEFAULT_DETECTION).map((c) => c.dwellHours)).toEqual([3, 3]);
  });

  it('takes a fix\'s settled `port` as it is (null: outside), and classifies only the fixes without one', () => {
    const out = [130.5, 42.0] as const;
    const points = [at(0, ...rajin, 0), at(3, ...rajin, 0), at(4, ...out, 0), at(7, ...out, 0)];
    expect(detectPortCalls(points, ports, DEFAULT_DETECTION).map((c) => [c.portId, c.dwellHours])).toEqual([['rajin', 3]]);
    const settled = [{ ...points[0]!, port: null }, points[1]!, { ...points[2]!, port: 'dunai' }, { ...points[3]!, port: 'dunai' }];
    expect(detectPortCalls(settled, ports, DEFAULT_DETECTION).map((c) => [c.portId, c.dwellHours])).toEqual([['dunai', 3]]);
  });

  it('refuses points out of time order, saying how to fix them', () => {
    expect(() => detectPortCalls([at(1, ...rajin), at(0, ...rajin)], ports, DEFAULT_DETECTION)).toThrow(
      /^detectPortCalls: points must be in time order \(point 1 is earlier than point 0\); sort them by t, or call detectEvents/,
    );
  });
});

describe('detectGaps', () => {
  it('needs a silence strictly longer than gapMinHours', () => {
    const points = [at(0, 131, 42), at(6, 131.5, 42), at(12.001, 132, 42)];
    expect(detectGaps(points, DEFAULT_DETECTION, greatCircleSeaNm).map((g) => g.from.t)).toEqual([points[1]?.t]);
  });

  it('reports an infinite distance and minimum speed when no sea route joins the fixes', () => {
    const [gap] = detectGaps([at(0, 131, 42), at(10, 132, 42)], DEFAULT_DETECTION, () => Infinity);
    expect(gap?.seaDistanceNm).toBe(Infinity);
    expect(gap?.minSpeedKnots).toBe(Infinity);
  });

  it('refuses points out of time order', () => {
    expect(() => detectGaps([at(1, 131, 42), at(0, 131, 42)], DEFAULT_DETECTION, greatCircleSeaNm)).toThrow(/^detectGaps: points must be in time order/);
  });
});

describe('possibleDarkPortCalls', () => {
  // 1,000 seeded ports over the region, 1–3 nm geofences.
  const rand = mulberry32(1000);
  const many: GeofencedPort[] = Array.from({ length: 1000 }, (_, i) => ({ id: `p${i}`, position: [127 + rand() * 9, 38.5 + rand() * 6.5], geofenceRadiusNm: 1 + rand() * 2 }));
  const gap: GapEvent = { ...detectGaps([at(0, 130.52, 41.94), at(20, 133.05, 42.62)], DEFAULT_DETECTION, greatCircleSeaNm)[0]!, hours: 20 };

  it('gives what the unpruned formula gives while asking the sea distance only for ports within reach', () => {
    let asked = 0;
    const counting = (a: [number, number], b: [number, number]) => {
      asked++;
      return greatCircleSeaNm(a, b);
    };
    const found = possibleDarkPortCalls([gap], many, DEFAULT_DETECTION, counting);
    const brute = many
      .map((p) => {
        const inNm = greatCircleNm([gap.from.lon, gap.from.lat], p.position);
        const outNm = greatCircleNm(p.position, [gap.to.lon, gap.to.lat]);
        return { portId: p.id, marginHours: gap.hours - (inNm + outNm) / DEFAULT_DETECTION.darkTopSpeedKnots - DEFAULT_DETECTION.darkMinPortHours };
      })
      .filter((x) => x.marginHours >= 0);
    expect(found.map((f) => f.portId).sort()).toEqual(brute.map((b) => b.portId).sort());
    expect(found.length).toBeGreaterThan(10);
    expect(asked).toBeLessThanOrEqual(2 * found.length + 10);
  });

  it('lists a gap’s possible calls by margin, largest first', () => {
    const margins = possibleDarkPortCalls([gap], many, DEFAULT_DETECTION, greatCircleSeaNm).map((f) => f.marginHours);
    expect(margins).toEqual([...margins].sort((a, b) => b - a));
  });

  it('gives nothing for a gap shorter than the time it must allow in port', () => {
    expect(possibleDarkPortCalls([{ ...gap, hours: 1.5 }], many, DEFAULT_DETECTION, greatCircleSeaNm)).toEqual([]);
  });

  it('refuses a top speed of zero', () => {
    expect(() => possibleDarkPortCalls([gap], ports, { ...DEFAULT_DETECTION, darkTopSpeedKnots: 0 }, greatCircleSeaNm)).toThrow(/^possibleDarkPortCalls: darkTopSpeedKnots must be > 0/);
  });
});

describe('detectEvents', () => {
  const [vessel] = syntheticTrack({ seed: 21, ports, fixesPerVessel: 1500 });
  const points = vessel?.points ?? [];

  it('does not mutate its inputs, sorted or not', () => {
    const shuffled = [...points].reverse();
    const before = structuredClone({ shuffled, ports, params: DEFAULT_DETECTION });
    detectEvents(shuffled, ports, DEFAULT_DETECTION, greatCircleSeaNm);
    expect({ shuffled, ports, params: DEFAULT_DETECTION }).toEqual(before);
  });

  it('sorts a copy of points out of time order and finds what the ordered points give', () => {
    const rand = mulberry32(3);
    const shuffled = points.map((p) => ({ p, k: rand() })).sort((a, b) => a.k - b.k).map((x) => x.p);
    expect(detectEvents(shuffled, ports, DEFAULT_DETECTION, greatCircleSeaNm)).toEqual(detectEvents(points, ports, DEFAULT_DETECTION, greatCircleSeaNm));
  });

  it('orders events by start, a port call before a gap before its possible calls', () => {
    const events = detectEvents(points, ports, DEFAULT_DETECTION, greatCircleSeaNm);
    const kinds = new Set(events.map((e) => e.kind));
    expect(kinds).toEqual(new Set(['port_call', 'gap', 'possible_port_call']));
    const starts = events.map((e) => (e.kind === 'port_call' ? e.arrival : e.kind === 'gap' ? e.from.t : e.gap.from.t));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('refuses a negative parameter and a top speed of zero, naming them', () => {
    expect(() => detectEvents(points, ports, { ...DEFAULT_DETECTION, gapMinHours: -1 }, greatCircleSeaNm)).toThrow(/^detectEvents: gapMinHours must be a finite number ≥ 0, got -1/);
    expect(() => detectEvents(points, ports, { ...DEFAULT_DETECTION, darkTopSpeedKnots: 0 }, greatCircleSeaNm)).toThrow(/^detectEvents: darkTopSpeedKnots must be a finite number > 0/);
  });

  it('refuses a point without a usable time, naming its index', () => {
    expect(() => detectEvents([at(0, 131, 42), { ...at(1, 131, 42), t: Number.NaN }], ports, DEFAULT_DETECTION, greatCircleSeaNm)).toThrow(/^detectEvents: point 1 /);
  });
});
