import { describe, expect, it } from 'vitest';
import { distanceToLine, offsetLine, routesNear, stackOffsets } from '@/lib/core/geo/routeStacks';

const rajinVostochny = [
  [130.3, 42.25],
  [131.5, 42.4],
  [132.9, 42.75],
];

describe('stackOffsets', () => {
  it('spreads routes on the same path (either direction) into lanes centred on it', () => {
    const back = [...rajinVostochny].reverse();
    const offsets = stackOffsets([
      { id: 'a', coordinates: rajinVostochny },
      { id: 'b', coordinates: back },
      { id: 'c', coordinates: rajinVostochny },
      { id: 'd', coordinates: back },
      { id: 'alone', coordinates: [[130, 42], [131, 43]] },
    ]);
    expect([...offsets.entries()].map(([id, l]) => [id, l.offset])).toEqual([
      ['a', -6],
      ['b', -2],
      ['c', 2],
      ['d', 6],
    ]);
    expect(new Set([...offsets.values()].map((l) => l.key)).size).toBe(4);
  });

  it('treats paths equal to 1e-4° as one, and wraps a very tall stack', () => {
    const nearly = rajinVostochny.map(([x, y]) => [x! + 0.00001, y!]);
    expect(stackOffsets([{ id: 'a', coordinates: rajinVostochny }, { id: 'b', coordinates: nearly }]).size).toBe(2);
    const many = Array.from({ length: 12 }, (_, i) => ({ id: `v${i}`, coordinates: rajinVostochny }));
    const lanes = [...stackOffsets(many, 4, 5).values()];
    expect([...new Set(lanes.map((l) => l.offset))].sort((x, y) => x - y)).toEqual([-8, -4, 0, 4, 8]);
    // Routes in the same lane share a key, so the layer draws that line once.
    expect(new Set(lanes.map((l) => l.key)).size).toBe(5);
  });
});

describe('offsetLine', () => {
  it('moves a straight line sideways by d pixels (+ is left of travel, y down)', () => {
    expect(offsetLine([[0, 0], [100, 0]], 4)).toEqual([
      [0, -4],
      [100, -4],
    ]);
    expect(offsetLine([[0, 0], [100, 0]], -4)).toEqual([
      [0, 4],
      [100, 4],
    ]);
  });

  it('keeps every segment d away at a corner, and cuts a sharp mitre', () => {
    const out = offsetLine([[0, 0], [100, 0], [100, 100]], 4);
    expect(distanceToLine([50, 0], out)).toBeCloseTo(4);
    expect(distanceToLine([100, 50], out)).toBeCloseTo(4);
    expect(out[1]![0]).toBeCloseTo(104);
    expect(out[1]![1]).toBeCloseTo(-4);
    const spike = offsetLine([[0, 0], [100, 0], [0, 1]], 4);
    expect(Math.hypot(spike[1]![0] - 100, spike[1]![1])).toBeLessThanOrEqual(8 + 1e-9);
  });

  it('drops repeated points and leaves a zero offset alone', () => {
    expect(offsetLine([[0, 0], [0, 0], [10, 0]], 2)).toHaveLength(2);
    expect(offsetLine([[1, 2], [3, 4]], 0)).toEqual([[1, 2], [3, 4]]);
  });
});

describe('routesNear', () => {
  const line = (y: number) => [[0, y], [100, y]] as [number, number][];
  it('finds every route within its tolerance, nearest first', () => {
    const lines = [
      { id: 'far', points: line(20), tolerance: 7 },
      { id: 'b', points: line(2), tolerance: 7 },
      { id: 'a', points: line(-1), tolerance: 7 },
      { id: 'c', points: line(6), tolerance: 7 },
    ];
    expect(routesNear([50, 0], lines)).toEqual(['a', 'b', 'c']);
    expect(routesNear([50, 40], lines)).toEqual([]);
  });
  it('keeps input order on a tie', () => {
    expect(routesNear([50, 0], [{ id: 'x', points: line(3), tolerance: 7 }, { id: 'y', points: line(-3), tolerance: 7 }])).toEqual(['x', 'y']);
  });
});
