/**
 * The map's voyages (GET /api/voyages/map): every voyage matching the filters, with no page cap,
 * in a compact columnar form that decodes to exactly the features of `?format=geojson` with their
 * coordinates rounded to 1e-5 degrees (about a metre).
 *
 * - Routes are quantised to integers of 1e-5 degrees and delta-encoded, and each distinct route is
 *   sent once (`paths`); a voyage names its route by its code (`path`). Generated and real voyages
 *   between the same ports share one route, so 100,000 voyages between four ports send 12.
 * - Properties are sent by column: a column whose values repeat (ports, vessels, confidence) is a
 *   dictionary and a code per voyage; one whose values are mostly distinct is the values in order;
 *   one whose every value is a list of text (the sources) is the distinct items and each voyage's
 *   list of their codes. Codes are digits in a string, a fixed number per voyage
 *   (voyage-map-codes.ts). Decoded, voyages with the same port share one object, which keeps the
 *   page's heap small too.
 */
import type { Feature, FeatureCollection, LineString, Position } from 'geojson';
import { z } from 'zod';
import { CODE_DIGITS, LIST_SEPARATOR, codeWidth, readCodes, readLists, writeCodes, writeLists } from './voyage-map-codes';
import { facetsQuery } from './facets';

/** Coordinates are sent as integers of 1 / SCALE degrees. */
export const MAP_SCALE = 100_000;

/** The answer's format; /1 sent its numbers as JSON arrays. */
export const VOYAGE_MAP_FORMAT = 'wakeline-voyage-map/2';

export const voyageMapQuery = facetsQuery.describe('The voyage filters of GET /api/voyages, without a page.');

const width = z.number().int().min(1).max(6).describe(`Digits per code: each code is \`width\` digits of base 64, ${CODE_DIGITS} (0 to 63), most significant first.`);
const codes = z.string().regex(/^[0-9A-Za-z_-]*$/);

const column = z.union([
  z.strictObject({ values: z.array(z.unknown()).describe("Each voyage's value, in order.") }),
  z.strictObject({
    dict: z.array(z.unknown()).describe('The distinct values.'),
    width,
    codes: codes.describe("Each voyage's code, in order: 1 + its value's index in dict; 0: the voyage has no such property."),
  }),
  z.strictObject({
    items: z.array(z.string()).describe('The distinct items of the lists.'),
    width,
    lists: z
      .string()
      .regex(/^[0-9A-Za-z_.-]*$/)
      .describe(`Each voyage's list, in order, separated by "${LIST_SEPARATOR}": a code per item, 1 + its index in items.`),
  }),
]);

export const voyageMapSchema = z
  .strictObject({
    format: z.literal(VOYAGE_MAP_FORMAT),
    count: z.number().int().nonnegative().describe('The number of voyages: all that match the filters.'),
    scale: z.literal(MAP_SCALE).describe('Coordinates are integers of 1/scale degrees.'),
    paths: z
      .array(z.array(z.number().int()))
      .describe('Distinct routes: lon0, lat0, then the differences lon1 - lon0, lat1 - lat0, … (integers of 1/scale degrees).'),
    path: z
      .strictObject({ width, codes: codes.describe("Each voyage's code: 1 + the index of its route in paths.") })
      .describe("Each voyage's route."),
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

/** True for a list of text (a voyage's sources): such a column is sent as items and lists. */
export const isTextList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/**
 * Numbers each distinct value (by its JSON text) in order of first use: the dictionary and each
 * value's number; −1 for the values `present` says are not there.
 */
function numbered<T>(values: readonly T[], present: (i: number) => boolean = () => true): { dict: T[]; numbers: Int32Array } {
  const dict: T[] = [];
  const seen = new Map<string, number>();
  const numbers = Int32Array.from(values, (value, k) => {
    if (!present(k)) return -1;
    const key = JSON.stringify(value) ?? 'null';
    let i = seen.get(key);
    if (i === undefined) seen.set(key, (i = dict.push(value) - 1));
    return i;
  });
  return { dict, numbers };
}

/** Encodes a GeoJSON FeatureCollection of LineStrings (voyagesToGeoJSON's) for the map. */
export function encodeVoyageMap(fc: FeatureCollection<LineString, Props>): VoyageMapAnswer {
  const n = fc.features.length;
  const routes = numbered(fc.features.map((f) => quantiseLine(f.geometry.coordinates)));
  const pathWidth = codeWidth(routes.dict.length);
  const names = [...new Set(fc.features.flatMap((f) => Object.keys(f.properties)))];
  const columns: VoyageMapAnswer['columns'] = {};
  for (const name of names) {
    const present = fc.features.every((f) => Object.hasOwn(f.properties, name));
    const values = fc.features.map((f) => f.properties[name]);
    if (present && values.every(isTextList)) {
      const items = numbered(values.flat());
      const ends = new Int32Array(n);
      values.reduce((end, list, i) => (ends[i] = end + list.length), 0);
      const w = codeWidth(items.dict.length);
      columns[name] = { items: items.dict, width: w, lists: writeLists(items.numbers, ends, w) };
      continue;
    }
    // The distinct values of the voyages that have the property; −1 for those that lack it.
    const { dict, numbers } = numbered(values, (i) => Object.hasOwn(fc.features[i]!.properties, name));
    if (present && dict.length > n / 2) columns[name] = { values };
    else {
      const w = codeWidth(dict.length);
      columns[name] = { dict, width: w, codes: writeCodes(numbers, w) };
    }
  }
  return { format: VOYAGE_MAP_FORMAT, count: n, scale: MAP_SCALE, paths: routes.dict, path: { width: pathWidth, codes: writeCodes(routes.numbers, pathWidth) }, columns };
}

/**
 * The features back, in order. Voyages on one route share its coordinates array, and voyages with
 * one dictionary value share that object: treat both as read-only.
 */
export function decodeVoyageMap<P>(answer: VoyageMapAnswer): FeatureCollection<LineString, P> {
  // An answer of another format (an older server during an upgrade) is refused by name, not misread.
  if (answer.format !== VOYAGE_MAP_FORMAT) throw new Error(`voyage map: the answer is "${String(answer.format)}", this page reads "${VOYAGE_MAP_FORMAT}"; reload the page`);
  const lines = answer.paths.map(dequantiseLine);
  const n = answer.count;
  const path = readCodes(answer.path.codes, answer.path.width, n);
  const props: Props[] = Array.from({ length: n }, () => ({}));
  // Column by column: one branch per column rather than per value.
  for (const [name, c] of Object.entries(answer.columns)) {
    if ('values' in c) {
      for (let i = 0; i < n; i++) props[i]![name] = c.values[i];
    } else if ('dict' in c) {
      const codes = readCodes(c.codes, c.width, n);
      for (let i = 0; i < n; i++) if (codes[i]! >= 0) props[i]![name] = c.dict[codes[i]!];
    } else {
      const lists = readLists(c.lists, c.width, n);
      for (let i = 0; i < n; i++) props[i]![name] = Array.from(lists[i]!, (k) => c.items[k]);
    }
  }
  const features = props.map(
    (p, i): Feature<LineString, P> => ({
      type: 'Feature',
      id: p.id as string,
      geometry: { type: 'LineString', coordinates: lines[path[i]!] ?? [] },
      properties: p as P,
    }),
  );
  return { type: 'FeatureCollection', features };
}
