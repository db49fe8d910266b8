import { describe, expect, it } from 'vitest';
import type { FeatureCollection, LineString } from 'geojson';
import { MAP_SCALE, decodeVoyageMap, dequantiseLine, encodeVoyageMap, quantiseLine } from '@/lib/core/domain/voyage-map';
import { mulberry32 } from '@/lib/core/track/mulberry32';

describe('quantiseLine', () => {
  it('round-trips a route to within half a unit of 1e-5 degrees', () => {
    const rand = mulberry32(7);
    const line = Array.from({ length: 50 }, () => [129 + rand() * 12, 33 + rand() * 15]);
    const back = dequantiseLine(quantiseLine(line));
    expect(back).toHaveLength(line.length);
    back.forEach((p, i) => {
      expect(Math.abs(p[0]! - line[i]![0]!)).toBeLessThanOrEqual(0.5 / MAP_SCALE + 1e-12);
      expect(Math.abs(p[1]! - line[i]![1]!)).toBeLessThanOrEqual(0.5 / MAP_SCALE + 1e-12);
    });
  });

  it('gives back the decimals it rounded to, and sends small differences after the first point', () => {
    const q = quantiseLine([[130.3, 42.25], [130.30001, 42.24999], [-0.5, -1]]);
    expect(q.slice(0, 4)).toEqual([13_030_000, 4_225_000, 1, -1]);
    expect(dequantiseLine(q)).toEqual([[130.3, 42.25], [130.30001, 42.24999], [-0.5, -1]]);
  });

  it('does not mutate its input and does not throw on zero points', () => {
    const line = [[130.3, 42.25]];
    const copy = JSON.stringify(line);
    quantiseLine(line);
    expect(JSON.stringify(line)).toBe(copy);
    expect(dequantiseLine(quantiseLine([]))).toEqual([]);
  });
});

describe('encodeVoyageMap', () => {
  const route = [[130.3, 42.25], [131.5, 42.7]];
  const fc = (n: number): FeatureCollection<LineString, Record<string, unknown>> => ({
    type: 'FeatureCollection',
    features: Array.from({ length: n }, (_, i) => ({
      type: 'Feature' as const,
      id: `v${i}`,
      geometry: { type: 'LineString' as const, coordinates: i % 3 === 2 ? [...route].reverse() : route },
      properties: {
        id: `v${i}`,
        origin: { id: 'rajin', name: 'Rajin' },
        confidence: i % 2 ? 'reported' : 'corroborated',
        ...(i % 4 === 0 ? { cargo: null } : {}),
        departure: { earliest: `2024-01-${String((i % 28) + 1).padStart(2, '0')}` },
      },
    })),
  });

  it('decodes to its input, absent properties staying absent', () => {
    const input = fc(40);
    expect(decodeVoyageMap(encodeVoyageMap(input))).toEqual(input);
    expect('cargo' in decodeVoyageMap<Record<string, unknown>>(encodeVoyageMap(input)).features[1]!.properties).toBe(false);
  });

  it('sends each route once and repeated values once, shared when decoded', () => {
    const answer = encodeVoyageMap(fc(30));
    expect(answer.paths).toHaveLength(2);
    // One origin for all 30 voyages: each voyage's code is one digit, 1 (0 says "none").
    expect(answer.columns.origin).toEqual({ dict: [{ id: 'rajin', name: 'Rajin' }], width: 1, codes: '1'.repeat(30) });
    expect(answer.path).toEqual({ width: 1, codes: '112'.repeat(10) });
    expect('values' in answer.columns.id!).toBe(true);
    const out = decodeVoyageMap<{ origin: unknown }>(answer).features;
    expect(out[0]!.geometry.coordinates).toBe(out[1]!.geometry.coordinates);
    expect(out[0]!.properties.origin).toBe(out[1]!.properties.origin);
  });

  it('sends lists of text as items and lists, and wider codes past 63 distinct values; all decode to the input', () => {
    const input = fc(9000);
    input.features.forEach((f, i) => {
      f.properties.sourceIds = i % 5 === 0 ? [] : [`s${i % 11}`, `t${i % 3}`];
      f.properties.metric = i % 4100; // 4,100 distinct values (fewer than half): a dictionary, three digits a code
      f.properties.day = i % 70; // 70: two digits
    });
    const answer = encodeVoyageMap(input);
    expect(answer.columns.sourceIds).toMatchObject({ width: 1 });
    expect((answer.columns.sourceIds as { items: string[] }).items).toHaveLength(14);
    expect(answer.columns.metric).toMatchObject({ width: 3 });
    expect(answer.columns.day).toMatchObject({ width: 2 });
    expect(decodeVoyageMap(answer)).toEqual(input);
    // Through JSON, as the page gets it.
    expect(decodeVoyageMap(JSON.parse(JSON.stringify(answer)) as typeof answer)).toEqual(input);
  });

  it('does not throw on zero voyages', () => {
    const answer = encodeVoyageMap(fc(0));
    expect(answer).toMatchObject({ count: 0, paths: [], path: { width: 1, codes: '' }, columns: {} });
    expect(decodeVoyageMap(answer).features).toEqual([]);
  });
});
