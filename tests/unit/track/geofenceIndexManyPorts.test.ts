import { describe, expect, it } from 'vitest';
import { classifyPositionsNaive, geofenceIndex, type GeofencedPort } from '@/lib/core/geo';
import type { Position } from 'geojson';
import { mulberry32, ports } from '../geo/_load';

// Detection classifies every imported fix with geofenceIndex, against as many as 1,000 ports.
describe('geofenceIndex against 1,000 ports', () => {
  const rand = mulberry32(1012);
  const many: GeofencedPort[] = [
    ...ports,
    ...Array.from({ length: 989 }, (_, i) => ({ id: `s${i}`, position: [127 + rand() * 9, 38.5 + rand() * 6.5] as [number, number], geofenceRadiusNm: 1 + rand() * 2 })),
  ];

  it('agrees exactly with the naive turf scan, near geofence edges too', () => {
    const positions: Position[] = [];
    for (let i = 0; i < 3000; i++) {
      if (i % 3 === 0) positions.push([127 + rand() * 9, 38.5 + rand() * 6.5]);
      else {
        // Within about 3.5 nm of a random port: inside, on the edge and just outside.
        const p = many[Math.floor(rand() * many.length)] as GeofencedPort;
        positions.push([p.position[0] + (rand() - 0.5) * 0.16, p.position[1] + (rand() - 0.5) * 0.12]);
      }
    }
    const naive = classifyPositionsNaive(positions, many);
    const index = geofenceIndex(many);
    expect(index.classifyAll(positions)).toEqual(naive);
    expect(positions.map((p) => index.classifyLonLat(p[0] as number, p[1] as number))).toEqual(naive);
    expect(naive.filter((x) => x !== null).length).toBeGreaterThan(600);
  });

  it('agrees with the naive scan within a hair of the edge, for large geofences and far north', () => {
    const rand2 = mulberry32(77);
    const R = 3440.0695;
    const wide: GeofencedPort[] = Array.from({ length: 40 }, (_, i) => ({
      id: `w${i}`,
      position: [-170 + rand2() * 340, -75 + rand2() * 150] as [number, number],
      geofenceRadiusNm: [0.5, 3, 12, 40][i % 4] as number,
    }));
    // Points at the edge distance times (1 ± 1e-4 … 1e-2) in every direction (spherical destination).
    const positions: Position[] = [];
    for (const p of wide) {
      for (let k = 0; k < 60; k++) {
        const d = (p.geofenceRadiusNm * (1 + (rand2() < 0.5 ? -1 : 1) * 10 ** (-4 + rand2() * 2))) / R;
        const b = rand2() * 2 * Math.PI;
        const [lon1, lat1] = p.position.map((v) => (v * Math.PI) / 180) as [number, number];
        const lat2 = Math.asin(Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(b));
        const lon2 = lon1 + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(lat1), Math.cos(d) - Math.sin(lat1) * Math.sin(lat2));
        positions.push([(lon2 * 180) / Math.PI, (lat2 * 180) / Math.PI]);
      }
    }
    const naive = classifyPositionsNaive(positions, wide);
    expect(geofenceIndex(wide).classifyAll(positions)).toEqual(naive);
    expect(naive.filter((x) => x !== null).length).toBeGreaterThan(800);
    expect(naive.filter((x) => x === null).length).toBeGreaterThan(800);
  });

  it('never matches a port whose radius is not a number, like the naive scan', () => {
    const withBad = [{ id: 'bad', position: [130.3, 42.233333] as [number, number], geofenceRadiusNm: Number.NaN }, ...ports];
    const positions: Position[] = [[130.3, 42.233333], [131.888, 43.1]];
    expect(geofenceIndex(withBad).classifyAll(positions)).toEqual(classifyPositionsNaive(positions, withBad));
    expect(geofenceIndex(withBad).classify([130.3, 42.233333])).toBe('rajin');
  });

  it('gives null everywhere for no ports', () => {
    expect(geofenceIndex([]).classifyLonLat(130.3, 42.23)).toBeNull();
  });
});
