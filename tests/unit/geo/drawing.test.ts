import { describe, expect, it } from 'vitest';
import { arrowFractionsFor } from '@/lib/core/geo/arrowFractionsFor';
import { canonicalLine } from '@/lib/core/geo/canonicalLine';
import { coastline } from '@/lib/core/geo/coastline';
import { land } from './_load';

describe('canonicalLine', () => {
  it('runs from the western end and does not mutate its input', () => {
    const line = [[133, 42.7], [131, 42.5], [130.3, 42.2]];
    const copy = JSON.stringify(line);
    expect(canonicalLine(line)).toEqual([[130.3, 42.2], [131, 42.5], [133, 42.7]]);
    expect(JSON.stringify(line)).toBe(copy);
    expect(canonicalLine([[130, 42], [131, 43]])).toEqual([[130, 42], [131, 43]]);
  });
  it('gives a path and its reverse the same drawing', () => {
    const line = [[130.3, 42.2], [131, 42.5], [133, 42.7]];
    expect(canonicalLine([...line].reverse())).toEqual(canonicalLine(line));
  });
});

describe('arrowFractionsFor', () => {
  it('spreads the arrows of routes on one path, whatever their direction', () => {
    const line = [[130.3, 42.2], [133, 42.7]];
    const at = arrowFractionsFor([
      { id: 'a', coordinates: line },
      { id: 'b', coordinates: [...line].reverse() },
      { id: 'c', coordinates: line },
      { id: 'other', coordinates: [[130, 41], [131, 41]] },
    ]);
    expect(new Set([at.get('a'), at.get('b'), at.get('c')]).size).toBe(3);
    expect(at.get('b')).toBeCloseTo(0.5);
    expect(at.get('other')).toBe(0.5);
  });
});

// Dropping the clip edges is pinned by fixtures (tests/fixtures/geo, coastline-*).
describe('coastline', () => {
  it('keeps nearly all of the real coast of the committed land', () => {
    const lines = coastline(land).geometry.coordinates;
    const kept = lines.reduce((n, l) => n + l.length, 0);
    let total = 0;
    for (const f of land.features) {
      const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const p of polys) for (const r of p) total += r.length;
    }
    expect(kept).toBeGreaterThan(total * 0.9);
    for (const l of lines) for (const [x] of l) expect(x).toBeGreaterThan(126.99);
  });
});
