import { describe, expect, it } from 'vitest';
import { greatCircleNm, routeLengthNm } from '@/lib/core/geo';
import { basemapRouting } from '@/lib/server/basemap/router';
import { seaDistanceNm } from '@/lib/server/imports/sea-distance';

const rajin: [number, number] = [130.3, 42.233333];
const dunai: [number, number] = [132.3375, 42.88028];
const vostochny: [number, number] = [133.083333, 42.75];
const offHungnam: [number, number] = [128.2, 39.7];

describe('seaDistanceNm', () => {
  it('measures the route seaRoute draws, along the same sea graph', () => {
    for (const [a, b] of [
      [rajin, dunai],
      [dunai, vostochny],
      [offHungnam, vostochny],
    ] as const) {
      const drawn = routeLengthNm(basemapRouting().drawRoute(a, b));
      expect(seaDistanceNm(a, b)).toBeGreaterThanOrEqual(greatCircleNm(a, b) - 1e-9);
      // Same graph, same great-circle edges; sight lines differ only by seaRoute's berth discs.
      expect(Math.abs(seaDistanceNm(a, b) - drawn) / drawn).toBeLessThan(0.02);
    }
  });

  it('goes round the land where the straight line crosses it', () => {
    expect(basemapRouting().drawRoute(rajin, dunai).coordinates.length).toBeGreaterThan(2);
    expect(seaDistanceNm(rajin, dunai)).toBeGreaterThan(greatCircleNm(rajin, dunai) + 1);
  });
});
