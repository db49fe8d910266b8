import { describe, expect, it } from 'vitest';
import { simplifyImportance } from '@/lib/core/track/simplifyImportance';
import { simplifyTrack } from '@/lib/core/track/simplifyTrack';

/** A fixed-seed random walk (a wandering ship), interleaved x, y. */
function walk(n: number, seed: number): Float64Array {
  let s = seed >>> 0;
  const rand = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const xy = new Float64Array(2 * n);
  let heading = 0;
  for (let i = 1; i < n; i++) {
    heading += (rand() - 0.5) * 0.8;
    xy[2 * i] = xy[2 * i - 2]! + Math.cos(heading) * rand();
    xy[2 * i + 1] = xy[2 * i - 1]! + Math.sin(heading) * rand();
  }
  return xy;
}

function segmentDistance(xy: ArrayLike<number>, i: number, a: number, b: number): number {
  const [px, py, ax, ay, bx, by] = [xy[2 * i]!, xy[2 * i + 1]!, xy[2 * a]!, xy[2 * a + 1]!, xy[2 * b]!, xy[2 * b + 1]!];
  const dx = bx - ax;
  const dy = by - ay;
  const l = dx * dx + dy * dy;
  const t = l > 0 ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / l)) : 0;
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

/** Textbook recursive Douglas–Peucker, the reference. */
function reference(xy: ArrayLike<number>, tolerance: number): number[] {
  const n = xy.length / 2;
  if (n < 3) return [...Array(n).keys()];
  const keep = new Set([0, n - 1]);
  const split = (a: number, b: number) => {
    let max = -1;
    let at = -1;
    for (let i = a + 1; i < b; i++) {
      const d = segmentDistance(xy, i, a, b);
      if (d > max) [max, at] = [d, i];
    }
    if (at < 0 || max <= tolerance) return;
    keep.add(at);
    split(a, at);
    split(at, b);
  };
  split(0, n - 1);
  return [...keep].sort((x, y) => x - y);
}

describe('simplifyTrack: Douglas–Peucker over a typed array', () => {
  const xy = walk(2000, 12);

  it('gives exactly the textbook Douglas–Peucker answer at every tolerance, from one importance pass', () => {
    const importance = simplifyImportance(xy);
    for (const tolerance of [0.01, 0.3, 1, 5, 40]) {
      expect(Array.from(simplifyTrack(xy, tolerance, importance))).toEqual(reference(xy, tolerance));
    }
  });

  it('keeps both ends, whatever the tolerance', () => {
    const kept = simplifyTrack(xy, 1e9);
    expect(Array.from(kept)).toEqual([0, 1999]);
  });

  it('leaves every dropped vertex within the tolerance of the segment drawn across it', () => {
    for (const tolerance of [0.2, 2, 10]) {
      const kept = simplifyTrack(xy, tolerance);
      let worst = 0;
      for (let k = 1; k < kept.length; k++) {
        for (let i = kept[k - 1]! + 1; i < kept[k]!; i++) worst = Math.max(worst, segmentDistance(xy, i, kept[k - 1]!, kept[k]!));
      }
      expect(worst).toBeLessThanOrEqual(tolerance);
      expect(worst).toBeGreaterThan(0);
    }
  });

  it('never returns more vertices than it was given, nor repeats one', () => {
    for (const tolerance of [0, 0.5, 3]) {
      const kept = simplifyTrack(xy, tolerance);
      expect(kept.length).toBeLessThanOrEqual(2000);
      expect(kept.every((v, i) => i === 0 || v > kept[i - 1]!)).toBe(true);
    }
  });

  it('keeps a superset as the tolerance shrinks (zooming in only adds vertices)', () => {
    const importance = simplifyImportance(xy);
    let coarser = new Set(simplifyTrack(xy, 64, importance));
    for (let tolerance = 32; tolerance >= 0.125; tolerance /= 2) {
      const finer = new Set(simplifyTrack(xy, tolerance, importance));
      expect([...coarser].every((i) => finer.has(i))).toBe(true);
      expect(finer.size).toBeGreaterThanOrEqual(coarser.size);
      coarser = finer;
    }
  });

  it('does not mutate its input', () => {
    const copy = Float64Array.from(xy);
    const importance = simplifyImportance(xy);
    const before = Float64Array.from(importance);
    simplifyTrack(xy, 1, importance);
    expect(xy).toEqual(copy);
    expect(importance).toEqual(before);
  });

  it('keeps the ends of every part between breaks (a track split at its gaps)', () => {
    const line = new Float64Array(2 * 10).map((_, i) => (i % 2 === 0 ? i / 2 : 0));
    const importance = simplifyImportance(line, [4, 7]);
    expect(Array.from(simplifyTrack(line, 1, importance))).toEqual([0, 3, 4, 6, 7, 9]);
  });

  it('drops a run of identical fixes (a ship at anchor) without recursing through it', () => {
    const n = 50_000;
    const anchored = new Float64Array(2 * n).fill(3);
    anchored[2 * (n - 1)] = 4;
    const importance = simplifyImportance(anchored, [], 1e-12);
    expect(Array.from(simplifyTrack(anchored, 1e-6, importance))).toEqual([0, n - 1]);
  });

  it('does not throw on zero, one or two vertices', () => {
    expect(Array.from(simplifyTrack(new Float64Array(0), 1))).toEqual([]);
    expect(Array.from(simplifyTrack(new Float64Array([1, 2]), 1))).toEqual([0]);
    expect(Array.from(simplifyTrack(new Float64Array([1, 2, 3, 4]), 1))).toEqual([0, 1]);
  });

  it('names the bad input', () => {
    expect(() => simplifyImportance([1, 2, 3])).toThrow(/simplifyImportance: xy must interleave/);
    expect(() => simplifyImportance([0, 0, 1, 1, 2, 2], [2, 1])).toThrow(/simplifyImportance: breaks must be ascending/);
    expect(() => simplifyTrack([0, 0, 1, 1], -1)).toThrow(/simplifyTrack: tolerance must be a number ≥ 0/);
    expect(() => simplifyTrack([0, 0, 1, 1], 1, new Float64Array(3))).toThrow(/simplifyTrack: importance must hold one value per vertex/);
  });
});
