import { describe, expect, it } from 'vitest';
import { greatCircleNm } from '@/lib/core/geo';
import { haversineNm, port } from './_load';

describe('greatCircleNm', () => {
  it('measures one degree of latitude as about 60.04 nm', () => {
    expect(greatCircleNm([130, 42], [130, 43])).toBeCloseTo(60.04, 2);
  });

  it('agrees with an independent haversine (R = 3440.065 nm) for Rajin → Dunai and Rajin → Vladivostok', () => {
    for (const to of ['dunai', 'vladivostok', 'vostochny']) {
      const a = port('rajin').position;
      const b = port(to).position;
      expect(greatCircleNm(a, b)).toBeCloseTo(haversineNm(a, b), 2);
    }
  });

  it('is within 0.5% of the WGS84 geodesic for Rajin → Vladivostok (87.75 nm, Vincenty)', () => {
    // Vincenty inverse on WGS84 between the two reference points: 87.751 nm.
    const d = greatCircleNm(port('rajin').position, port('vladivostok').position);
    expect(Math.abs(d - 87.751) / 87.751).toBeLessThan(0.005);
  });

  it('is symmetric and zero for identical points', () => {
    const a = port('nakhodka').position;
    const b = port('hungnam').position;
    expect(greatCircleNm(a, b)).toBe(greatCircleNm(b, a));
    expect(greatCircleNm(a, a)).toBe(0);
  });
});
