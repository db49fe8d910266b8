import { describe, expect, it } from 'vitest';
import { Coverage } from '@/lib/core/track/Coverage';

/** The mask's pixels with any coverage, as "x,y". */
const inked = (mask: Coverage) => {
  const out = new Set<string>();
  for (let y = 0; y < mask.height; y++) for (let x = 0; x < mask.width; x++) if (mask.at(x, y) > 0) out.add(`${x},${y}`);
  return out;
};

describe('Coverage', () => {
  it('covers a horizontal line fully along its middle, partly at its edges, not beyond its half width', () => {
    const mask = new Coverage(40, 20);
    mask.segment(5, 10, 35, 10, 1);
    // Rows 9 and 10 have centres 0.5 px from the line: inside the 1 px half width, fully covered.
    for (let x = 6; x < 34; x++) {
      expect(mask.at(x, 9)).toBe(255);
      expect(mask.at(x, 10)).toBe(255);
      // Rows 8 and 11 have centres 1.5 px away: exactly on the antialiased edge, nothing.
      expect(mask.at(x, 8)).toBe(0);
      expect(mask.at(x, 11)).toBe(0);
    }
  });

  it('gives a pixel half covered by the edge about half', () => {
    const mask = new Coverage(40, 20);
    mask.segment(5, 10, 35, 10, 1.5);
    // Rows 8 and 11 have centres 1.5 px from the line, on its edge: half covered.
    expect(mask.at(20, 8)).toBe(128);
    expect(mask.at(20, 11)).toBe(128);
    expect(mask.at(20, 9)).toBe(255);
    expect(mask.at(20, 7)).toBe(0);
  });

  it('rounds the ends: a pixel diagonal from an end, beyond the half width, stays empty', () => {
    const mask = new Coverage(40, 40);
    mask.segment(10, 10, 30, 10, 2);
    expect(mask.at(9, 10)).toBe(255);
    // (7.5, 7.5) is 3.5 px from the end (10, 10): beyond 2 + ½.
    expect(mask.at(7, 7)).toBe(0);
    // A square end would have covered it fully: (7.5, 8.5) is inside a square cap of 2 px.
    expect(mask.at(7, 8)).toBeLessThan(255);
  });

  it('covers a steep diagonal only near its line (not its bounding box)', () => {
    const mask = new Coverage(64, 64);
    mask.segment(2, 2, 60, 60, 1);
    const pixels = inked(mask);
    expect(pixels.has('31,31')).toBe(true);
    expect(pixels.has('10,50')).toBe(false);
    // About the line's length times a width of three pixels or so, far less than the box's 3,364.
    expect(pixels.size).toBeGreaterThan(58 * 2);
    expect(pixels.size).toBeLessThan(58 * 6);
    for (const p of pixels) {
      const [x, y] = p.split(',').map(Number) as [number, number];
      // Every inked pixel centre is within the half width and the half-pixel fringe of the line.
      expect(Math.abs(x - y) / Math.SQRT2).toBeLessThanOrEqual(1.5);
    }
  });

  it('keeps the brighter of overlapping stamps rather than adding them', () => {
    const mask = new Coverage(20, 20);
    mask.segment(0, 10.5, 20, 10.5, 0.3);
    const once = mask.at(5, 10);
    expect(once).toBeGreaterThan(0);
    expect(once).toBeLessThan(255);
    mask.segment(0, 10.5, 20, 10.5, 0.3);
    expect(mask.at(5, 10)).toBe(once);
  });

  it('clips what falls outside the mask and ignores a line wholly outside', () => {
    const mask = new Coverage(10, 10);
    mask.segment(-100, 5, 100, 5, 1);
    expect(mask.at(0, 4)).toBe(255);
    expect(mask.at(9, 5)).toBe(255);
    const empty = new Coverage(10, 10);
    empty.segment(20, -5, 40, 30, 2);
    expect(inked(empty).size).toBe(0);
  });

  it('draws a disc round, of its radius', () => {
    const mask = new Coverage(20, 20);
    mask.disc(10, 10, 3);
    expect(mask.at(9, 9)).toBe(255);
    expect(mask.at(11, 10)).toBe(255);
    expect(mask.at(12, 10)).toBeLessThan(255);
    expect(mask.at(13, 13)).toBe(0);
    expect(mask.at(14, 10)).toBe(0);
  });

  it('refuses a size that is not a whole number of pixels', () => {
    expect(() => new Coverage(0, 10)).toThrow(/Coverage: width and height must be whole numbers/);
    expect(() => new Coverage(2.5, 10)).toThrow(/whole numbers/);
  });
});
