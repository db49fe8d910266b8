import { describe, expect, it } from 'vitest';
import { arrowFractions, arrowheads } from '@/lib/core/geo/arrowheads';
import { niceRound, scaleLength } from '@/lib/core/geo/scaleLength';

describe('arrowheads', () => {
  it('points along the line at the middle of a straight horizontal line', () => {
    const [tri] = arrowheads([{ x: 0, y: 0 }, { x: 100, y: 0 }], [0.5], 10);
    expect(tri).toBeDefined();
    const [tip, left, right] = tri!;
    expect(tip!.x).toBeCloseTo(55);
    expect(tip!.y).toBeCloseTo(0);
    expect(left!.x).toBeCloseTo(45);
    expect(right!.x).toBeCloseTo(45);
    expect(Math.sign(left!.y)).toBe(-Math.sign(right!.y));
  });
  it('follows the segment the fraction falls on', () => {
    const [tri] = arrowheads([{ x: 0, y: 0 }, { x: 100, y: 0 }, { x: 100, y: 100 }], [0.75], 10);
    expect(tri![0]!.x).toBeCloseTo(100);
    expect(tri![0]!.y).toBeGreaterThan(50);
  });
  it('draws no arrow on a line too short to hold one, nor on a single point', () => {
    expect(arrowheads([{ x: 0, y: 0 }, { x: 5, y: 0 }], [0.5], 10)).toEqual([]);
    expect(arrowheads([{ x: 0, y: 0 }], [0.5])).toEqual([]);
  });
  it('puts three arrows on long routes and one on short ones', () => {
    expect(arrowFractions(1000)).toHaveLength(3);
    expect(arrowFractions(200)).toHaveLength(1);
  });
});

describe('scale bar lengths', () => {
  it('rounds down to 1, 2 or 5 times a power of ten', () => {
    expect(niceRound(7.3)).toBe(5);
    expect(niceRound(19)).toBe(10);
    expect(niceRound(0.34)).toBeCloseTo(0.2);
    expect(niceRound(0)).toBe(0);
  });
  it('fits the bar within the maximum width, in nautical miles and kilometres', () => {
    const nm = scaleLength(500, 120, 'nm'); // 120 px = 60 km = 32.4 nm
    expect(nm).toEqual({ value: 20, unit: 'nm', px: (20 * 1852) / 500 });
    const km = scaleLength(500, 120, 'km');
    expect(km.value).toBe(50);
    expect(km.px).toBeLessThanOrEqual(120);
  });
});
