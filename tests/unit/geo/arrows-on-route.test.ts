import { describe, expect, it } from 'vitest';
import { arrowFractions, arrowheads, type XY } from '@/lib/core/geo/arrowheads';
import { arrowFractionsFor } from '@/lib/core/geo/arrowFractionsFor';

/** The distance from a point to a polyline, in the same units. */
function distanceToLine(p: XY, line: readonly XY[]): number {
  let best = Infinity;
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1]!;
    const b = line[i]!;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const t = Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy || 1)));
    best = Math.min(best, Math.hypot(p.x - a.x - t * dx, p.y - a.y - t * dy));
  }
  return best;
}

describe('arrows on the route', () => {
  // A bent route, as a sea route around a cape: 1,200 px long.
  const line: XY[] = [{ x: 0, y: 0 }, { x: 400, y: 0 }, { x: 400, y: 400 }, { x: 800, y: 400 }];
  const coordinates = [[130.3, 42.2], [131, 42.5], [132, 42.3], [133, 42.7]];

  it('keeps the arrows of 800 voyages on one path within the route', () => {
    const routes = Array.from({ length: 800 }, (_, i) => ({ id: `v${i}`, coordinates: i % 2 ? [...coordinates].reverse() : coordinates }));
    const at = arrowFractionsFor(routes);
    expect(at.size).toBe(800);
    for (const f of at.values()) {
      expect(f).toBeGreaterThanOrEqual(0.25);
      expect(f).toBeLessThanOrEqual(0.75);
    }
    expect(new Set(at.values()).size).toBe(800);
  });

  it('puts every arrow of a large stack on the line, never on an extension of its ends', () => {
    const at = arrowFractionsFor(Array.from({ length: 800 }, (_, i) => ({ id: `v${i}`, coordinates })));
    const size = 11;
    for (const middle of at.values()) {
      for (const tri of arrowheads(line, arrowFractions(1200, middle), size)) {
        // The tip is half an arrow ahead of its point on the line; the base corners half a width aside.
        for (const p of tri) expect(distanceToLine(p, line)).toBeLessThanOrEqual(size);
      }
    }
  });

  it('draws no arrow at a fraction off the line', () => {
    expect(arrowheads(line, [-3, 1.5, Number.NaN, 32], 11)).toEqual([]);
    expect(arrowheads(line, [0, 1], 11)).toHaveLength(2);
  });

  it('keeps the three arrows of a long route on it whatever the middle', () => {
    for (const middle of [-1, 0, 0.1, 0.9, 2]) {
      for (const f of arrowFractions(1000, middle)) {
        expect(f).toBeGreaterThanOrEqual(0);
        expect(f).toBeLessThanOrEqual(1);
      }
    }
  });
});
