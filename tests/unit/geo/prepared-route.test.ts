import { describe, expect, it } from 'vitest';
import { prepareRoute, stretchOf } from '@/components/map/preparedRoute';
import { routeStretch } from '@/lib/core/geo/routeStretch';

// A route along the coast, 40 vertices of uneven spacing.
const line = Array.from({ length: 40 }, (_, i) => [130.3 + i * 0.05 + (i % 3) * 0.01, 42.2 + Math.sin(i / 5) * 0.1]);
const lonlat = (p: readonly (number | undefined)[]) => [p[1]!, p[0]!];

describe('stretchOf: routeStretch for a route prepared once (CursorLayer, at every frame of playback)', () => {
  const route = prepareRoute(line);

  it('gives the same stretch as routeStretch, to a metre or so', () => {
    for (const [from, to] of [[0, 1], [0.1, 0.35], [0.42, 0.43], [0.5, 0.99], [0.8, 0.2], [-1, 2]] as const) {
      const fast = stretchOf(route, from, to).map(lonlat);
      const slow = routeStretch(line, from, to);
      expect(fast.length, `${from}..${to}`).toBe(slow.length);
      fast.forEach((p, i) => {
        expect(Math.abs(p[0]! - slow[i]![0]!), `${from}..${to} #${i} lon`).toBeLessThan(2e-5);
        expect(Math.abs(p[1]! - slow[i]![1]!), `${from}..${to} #${i} lat`).toBeLessThan(2e-5);
      });
    }
  });

  it('a stretch of no length is the one point, twice; short and empty routes are safe', () => {
    const [a, b] = stretchOf(route, 0.3, 0.3);
    expect(a).toEqual(b);
    expect(lonlat(a!)[0]).toBeCloseTo(routeStretch(line, 0.3, 0.3)[0]![0]!, 4);
    expect(stretchOf(prepareRoute([[130, 42]]), 0, 1)).toEqual([[42, 130]]);
    expect(stretchOf(prepareRoute([[130, 42], [130, 42]]), 0.2, 0.6)).toEqual([[42, 130], [42, 130]]);
    expect(stretchOf(prepareRoute([]), 0, 1)).toEqual([]);
  });

  it('is fast enough to slice hundreds of routes at every frame', () => {
    const start = performance.now();
    for (let k = 0; k < 5000; k++) stretchOf(route, (k % 100) / 200, 0.9);
    // Generous bound for a shared CI machine: well under 50 µs a stretch.
    expect((performance.now() - start) / 5000).toBeLessThan(0.05);
  });
});
