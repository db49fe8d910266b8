import { describe, expect, it } from 'vitest';
import { greatCircleNm } from '@/lib/core/geo';
import { syntheticTrack } from '@/lib/core/track';
import { ports } from '../geo/_load';

const deepFreeze = <T>(x: T): T => {
  if (x && typeof x === 'object') {
    for (const v of Object.values(x)) deepFreeze(v);
    Object.freeze(x);
  }
  return x;
};
const portById = new Map(ports.map((p) => [p.id, p]));

describe('syntheticTrack', () => {
  it('gives the same tracks for the same seed and other tracks for another seed', () => {
    const a = syntheticTrack({ seed: 11, ports, vessels: 2, fixesPerVessel: 500 });
    const b = syntheticTrack({ seed: 11, ports, vessels: 2, fixesPerVessel: 500 });
    const c = syntheticTrack({ seed: 12, ports, vessels: 2, fixesPerVessel: 500 });
    expect(b).toEqual(a);
    expect(c[0]?.points).not.toEqual(a[0]?.points);
  });

  it('writes fixes in strictly increasing whole seconds with 6-decimal positions', () => {
    for (const vessel of syntheticTrack({ seed: 3, ports, vessels: 3, fixesPerVessel: 2000 })) {
      expect(vessel.points.length).toBeGreaterThanOrEqual(2000);
      vessel.points.forEach((p, i) => {
        expect(p.t % 1000).toBe(0);
        if (i > 0) expect(p.t).toBeGreaterThan((vessel.points[i - 1] as { t: number }).t);
        expect(Math.round(p.lon * 1e6) / 1e6).toBe(p.lon);
        expect(p.cog).toBeGreaterThanOrEqual(0);
        expect(p.cog).toBeLessThan(360);
      });
    }
  });

  it('plants port calls whose fixes lie inside the port geofence nearly stopped, and sails between them', () => {
    const [vessel] = syntheticTrack({ seed: 5, ports, fixesPerVessel: 3000 });
    if (!vessel) throw new Error('no vessel');
    for (const call of vessel.truth.portCalls) {
      const port = portById.get(call.portId);
      if (!port) throw new Error(call.portId);
      const inPort = vessel.points.filter((p) => p.t >= call.arrival && p.t <= call.departure);
      expect(inPort.length).toBeGreaterThan(1);
      for (const p of inPort) {
        expect(greatCircleNm([p.lon, p.lat], port.position)).toBeLessThanOrEqual(Math.min(0.5, port.geofenceRadiusNm / 4) + 0.01);
        expect(p.sog).toBeLessThanOrEqual(0.3);
      }
    }
    const atSea = vessel.points.filter((p) => !vessel.truth.portCalls.some((c) => p.t >= c.arrival && p.t <= c.departure));
    expect(atSea.length).toBeGreaterThan(100);
    for (const p of atSea) expect(p.sog).toBeGreaterThanOrEqual(7.5);
  });

  it('leaves silences longer than an hour exactly where its truth says', () => {
    for (const seed of [1, 2, 3]) {
      const [vessel] = syntheticTrack({ seed, ports, fixesPerVessel: 3000, portFixMinutes: 30, seaFixMinutes: 10 });
      if (!vessel) throw new Error('no vessel');
      const silences = vessel.points.slice(1).flatMap((p, i) => {
        const prev = vessel.points[i] as { t: number };
        return p.t - prev.t > 3_600_000 ? [{ from: prev.t, to: p.t }] : [];
      });
      expect(vessel.truth.gaps.length).toBeGreaterThan(0);
      expect(silences).toEqual(vessel.truth.gaps);
    }
  });

  it('follows an itinerary and ends with its last call', () => {
    const [vessel] = syntheticTrack({ seed: 9, ports, itinerary: ['rajin', 'dunai', 'vostochny'], gapProbability: 1, gapHours: [20, 20] });
    expect(vessel?.truth.portCalls.map((c) => c.portId)).toEqual(['rajin', 'dunai', 'vostochny']);
    expect(vessel?.truth.gaps.map((g) => (g.to - g.from) / 3_600_000)).toEqual([20, 20]);
    expect(vessel?.points.at(-1)?.t).toBe(vessel?.truth.portCalls.at(-1)?.departure);
  });

  it('routes legs along the path it is given', () => {
    const via: [number, number] = [131.5, 42.0];
    const [vessel] = syntheticTrack({ seed: 2, ports, itinerary: ['rajin', 'vladivostok'], gapProbability: 0, route: (a, b) => [a, via, b] });
    const southmost = Math.min(...(vessel?.points.map((p) => p.lat) ?? []));
    expect(southmost).toBeCloseTo(42.0, 1);
  });

  it('refuses an unknown itinerary port, naming it', () => {
    expect(() => syntheticTrack({ seed: 1, ports, itinerary: ['atlantis'] })).toThrow(/^syntheticTrack: itinerary port "atlantis"/);
  });

  it('refuses a single port without an itinerary and an empty speed range', () => {
    expect(() => syntheticTrack({ seed: 1, ports: ports.slice(0, 1) })).toThrow(/^syntheticTrack: give at least two ports/);
    expect(() => syntheticTrack({ seed: 1, ports, seaSpeedKnots: [12, 8] })).toThrow(/^syntheticTrack: seaSpeedKnots/);
  });

  it('gives no vessels for vessels: 0 and does not mutate its options', () => {
    const options = deepFreeze({ seed: 4, ports: structuredClone(ports), vessels: 2, fixesPerVessel: 200, seaSpeedKnots: [9, 10] as [number, number] });
    expect(() => syntheticTrack(options)).not.toThrow();
    expect(syntheticTrack({ ...options, vessels: 0 })).toEqual([]);
  });
});
