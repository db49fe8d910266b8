/**
 * The map's voyages (GET /api/voyages/map): every voyage matching the filters, with no page cap,
 * in a compact columnar form that decodes to exactly the features of `?format=geojson` with their
 * coordinates rounded to 1e-5 degrees (about a metre).
 *
 * - Routes are quantised to integers of 1e-5 degrees and delta-encoded, and each distinct route is
 *   sent once (`paths`); a voyage names its route by index (`path`). Generated and real voyages
 *   between the same ports share one route, so 100,000 voyages between four ports send 12.
 * - Properties are sent by column: a column whose values repeat (ports, vessels, confidence) is a
 *   dictionary and an index per voyage; one whose values are mostly distinct is the values in order.
 *   Decoded, voyages with the same port share one object, which keeps the page's heap small too.
 */
import type { Feature, FeatureCollection, LineString, Position } from 'geojson';
import { z } from 'zod';
import { facetsQuery } from './facets';

/** Coordinates are sent as integers of 1 / SCALE degrees. */
export const MAP_SCALE = 100_000;

export const voyageMapQuery = facetsQuery.describe('The voyage filters of GET /api/voyages, without a page.');

const column = z.union([
  z.strictObject({ values: z.array(z.unknown()).describe("Each voyage's value, in order.") }),
  z.strictObject({
    dict: z.array(z.unknown()).describe('The distinct values.'),
    index: z.array(z.number().int().min(-1)).describe("Each voyage's value as an index into dict; -1: the voyage has no such property."),
  }),
]);

export const voyageMapSchema = z
  .strictObject({
    format: z.literal('wakeline-voyage-map/1'),
    count: z.number().int().nonnegative().describe('The number of voyages: all that match the filters.'),
    scale: z.literal(MAP_SCALE).describe('Coordinates are integers of 1/scale degrees.'),
    paths: z
      .array(z.array(z.number().int()))
      .describe('Distinct routes: lon0, lat0, then the differences lon1 - lon0, lat1 - lat0, … (integers of 1/scale degrees).'),
    path: z.array(z.number().int().nonnegative()).describe("Each voyage's route, as an index into paths."),
    columns: z.record(z.string(), column).describe('The features’ properties of ?format=geojson, one column per property name.'),
  })
  .describe('Every voyage matching the filters for the map, columnar (lib/core/domain/voyage-map.ts decodes it to GeoJSON).');

export type VoyageMapAnswer = z.infer<typeof voyageMapSchema>;

/** Integers of 1/MAP_SCALE degrees, the first position whole and the others as differences. */
export function quantiseLine(coordinates: readonly Position[]): number[] {
  const out: number[] = [];
  let x = 0;
  let y = 0;
  for (const p of coordinates) {
    const qx = Math.round(p[0]! * MAP_SCALE);
    const qy = Math.round(p[1]! * MAP_SCALE);
    out.push(qx - x, qy - y);
    x = qx;
    y = qy;
  }
  return out;
}

/** The positions of quantiseLine's output, in degrees (the nearest double to each rounded decimal). */
export function dequantiseLine(deltas: readonly number[]): Position[] {
  const out: Position[] = [];
  let x = 0;
  let y = 0;
  for (let i = 0; i + 1 < deltas.length; i += 2) {
    x += deltas[i]!;
    y += deltas[i + 1]!;
    out.push([x / MAP_SCALE, y / MAP_SCALE]);
  }
  return out;
}

type Props = Record<string, unknown>;

/** Encodes a GeoJSON FeatureCollection of LineStrings (voyagesToGeoJSON's) for the map. */
export function encodeVoyageMap(fc: FeatureCollection<LineString, Props>): VoyageMapAnswer {
  const paths: number[][] = [];
  const pathIndex = new Map<string, number>();
  const path = fc.features.map((f) => {
    const q = quantiseLine(f.geometry.coordinates);
    const key = q.join(',');
    let i = pathIndex.get(key);
    if (i === undefined) pathIndex.set(key, (i = paths.push(q) - 1));
    return i;
  });
  const names = [...new Set(fc.features.flatMap((f) => Object.keys(f.properties)))];
  const columns: VoyageMapAnswer['columns'] = {};
  for (const name of names) {
    const dict: unknown[] = [];
    const seen = new Map<string, number>();
    let absent = false;
    const index = fc.features.map((f) => {
      if (!(name in f.properties)) return ((absent = true), -1);
      const value = f.properties[name];
      const key = JSON.stringify(value);
      let i = seen.get(key);
      if (i === undefined) seen.set(key, (i = dict.push(value) - 1));
      return i;
    });
    columns[name] = !absent && dict.length > fc.features.length / 2 ? { values: fc.features.map((f) => f.properties[name]) } : { dict, index };
  }
  return { format: 'wakeline-voyage-map/1', count: fc.features.length, scale: MAP_SCALE, paths, path, columns };
}

/**
 * The features back, in order. Voyages on one route share its coordinates array, and voyages with
 * one dictionary value share that object: treat both as read-only.
 */
export function decodeVoyageMap<P>(answer: VoyageMapAnswer): FeatureCollection<LineString, P> {
  const lines = answer.paths.map(dequantiseLine);
  const n = answer.path.length;
  const props: Props[] = Array.from({ length: n }, () => ({}));
  // Column by column: one branch per column rather than per value.
  for (const [name, c] of Object.entries(answer.columns)) {
    if ('values' in c) {
      for (let i = 0; i < n; i++) props[i]![name] = c.values[i];
    } else {
      for (let i = 0; i < n; i++) if (c.index[i]! >= 0) props[i]![name] = c.dict[c.index[i]!];
    }
  }
  const features = answer.path.map(
    (p, i): Feature<LineString, P> => ({
      type: 'Feature',
      id: props[i]!.id as string,
      geometry: { type: 'LineString', coordinates: lines[p] ?? [] },
      properties: props[i] as P,
    }),
  );
  return { type: 'FeatureCollection', features };
}
