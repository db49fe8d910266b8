/**
 * GET /api/voyages/map's answer written as text from each voyage's part made in advance (one
 * `MapEntry` per voyage, kept per data version on the server): a filter no cached answer covers
 * then costs a walk over its voyages' parts, not a read, a parse and a quantising of every route
 * (80 ms for 2,000 voyages of a week, 100,000 in the database; `npm run bench`, api).
 *
 * Each distinct property value is kept once as JSON text, in a dictionary per property name, and
 * a voyage holds a code into it per property: a port's or a vessel's text is kept once, not once
 * per voyage, and a column is written by remapping integers rather than hashing text.
 *
 * The text is exactly `JSON.stringify(encodeVoyageMap(fc))` for the same features, save that a
 * property whose value is `undefined` is written as null (tests/unit/domain/voyage-map-text.test.ts).
 */
import type { Feature, LineString } from 'geojson';
import { MAP_SCALE, quantiseLine } from './voyage-map';

/** A distinct route: its quantised deltas joined by commas (encodeVoyageMap's key for it). */
export interface MapPath {
  readonly key: string;
}

/** One voyage's part of the answer: its route, and a code per property into the dictionary of its name. */
export interface MapEntry {
  readonly path: MapPath;
  /** Property names in the feature's order (shared between voyages with the same names). */
  readonly names: readonly string[];
  /** Each property's value's code in its name's dictionary (Interner.column), in the order of `names`. */
  readonly codes: Int32Array;
}

/** The distinct values of one property name as JSON text, and what a write uses to renumber them. */
interface Column {
  readonly texts: string[];
  readonly codeOf: Map<string, number>;
  /** Per code: the write that last met it, and its number in that write's dictionary. */
  readonly seenIn: number[];
  readonly local: number[];
}

/** Shares one object per distinct route, list of names and property value between a data version's entries. */
export interface Interner {
  path: (key: string) => MapPath;
  names: (names: string[]) => readonly string[];
  column: (name: string) => Column;
  /** Numbers each write (voyageMapText), for the columns' renumbering. */
  writes: number;
}

/** An Interner of its own (a data version keeps one for all its entries). */
export function interner(): Interner {
  const paths = new Map<string, MapPath>();
  const names = new Map<string, readonly string[]>();
  const columns = new Map<string, Column>();
  return {
    path: (key) => {
      let p = paths.get(key);
      if (!p) paths.set(key, (p = { key }));
      return p;
    },
    names: (list) => {
      const key = list.join('\u0000');
      let n = names.get(key);
      if (!n) names.set(key, (n = list));
      return n;
    },
    column: (name) => {
      let c = columns.get(name);
      if (!c) columns.set(name, (c = { texts: [], codeOf: new Map(), seenIn: [], local: [] }));
      return c;
    },
    writes: 0,
  };
}

function codeIn(c: Column, text: string): number {
  let code = c.codeOf.get(text);
  if (code === undefined) {
    c.codeOf.set(text, (code = c.texts.push(text) - 1));
    c.seenIn.push(0);
    c.local.push(0);
  }
  return code;
}

/** The voyage's entry from its feature (voyagesToGeoJSON's). */
export function mapEntry(f: Feature<LineString, Record<string, unknown>>, intern: Interner): MapEntry {
  const names = intern.names(Object.keys(f.properties));
  const codes = new Int32Array(names.length);
  // JSON.stringify(undefined) is not text; in an array (a column) it is written as null.
  names.forEach((name, j) => (codes[j] = codeIn(intern.column(name), JSON.stringify(f.properties[name]) ?? 'null')));
  return { path: intern.path(quantiseLine(f.geometry.coordinates).join(',')), names, codes };
}

/** What an entry holds of its own, in characters' worth (the route, names and values are shared). */
export function mapEntryChars(e: MapEntry): number {
  return 32 + 4 * e.codes.length;
}

/** The answer's JSON text for these entries (all made with `intern`), in order. */
export function voyageMapText(entries: readonly MapEntry[], intern: Interner): string {
  const n = entries.length;
  const pathOf = new Map<MapPath, number>();
  const paths: string[] = [];
  const path = new Array<number>(n);
  let shared: readonly string[] | null = entries[0]?.names ?? null;
  for (let i = 0; i < n; i++) {
    const e = entries[i]!;
    let k = pathOf.get(e.path);
    if (k === undefined) {
      pathOf.set(e.path, (k = paths.length));
      paths.push(`[${e.path.key}]`);
    }
    path[i] = k;
    if (e.names !== shared) shared = null;
  }
  // Usually every voyage has the same names, and a column is one position of every entry's codes:
  // then the columns are numbered in one walk over the entries.
  const write = ++intern.writes;
  const columns = shared
    ? sharedColumns(entries, shared, intern, write)
    : [...new Set(entries.flatMap((e) => e.names))].map((name) => `${JSON.stringify(name)}:${column(entries, intern.column(name), name, write)}`);
  return `{"format":"wakeline-voyage-map/1","count":${n},"scale":${MAP_SCALE},"paths":[${paths.join(',')}],"path":[${path.join(',')}],"columns":{${columns.join(',')}}}`;
}

/** A column's text from each voyage's number in its dictionary (`local`) and the dictionary's codes, by encodeVoyageMap's rule. */
function columnText(c: Column, local: Int32Array, dict: readonly number[], absent: boolean): string {
  const n = local.length;
  if (!absent && dict.length > n / 2) {
    const texts = new Array<string>(n);
    for (let i = 0; i < n; i++) texts[i] = c.texts[dict[local[i]!]!]!;
    return `{"values":[${texts.join(',')}]}`;
  }
  return `{"dict":[${dict.map((code) => c.texts[code]).join(',')}],"index":[${local.join(',')}]}`;
}

/** Every column when all entries share `names`: one walk over the entries, each entry's codes read together. */
function sharedColumns(entries: readonly MapEntry[], names: readonly string[], intern: Interner, write: number): string[] {
  const n = entries.length;
  const cols = names.map((name) => intern.column(name));
  const local = names.map(() => new Int32Array(n));
  const dicts = names.map((): number[] => []);
  for (let i = 0; i < n; i++) {
    const codes = entries[i]!.codes;
    for (let j = 0; j < cols.length; j++) {
      const c = cols[j]!;
      const code = codes[j]!;
      if (c.seenIn[code] !== write) {
        c.seenIn[code] = write;
        c.local[code] = dicts[j]!.push(code) - 1;
      }
      local[j]![i] = c.local[code]!;
    }
  }
  return names.map((name, j) => `${JSON.stringify(name)}:${columnText(cols[j]!, local[j]!, dicts[j]!, false)}`);
}

/** One column, for entries whose names differ: some may lack it (then it is a dictionary, index -1 where absent). */
function column(entries: readonly MapEntry[], c: Column, name: string, write: number): string {
  const n = entries.length;
  const dict: number[] = [];
  const local = new Int32Array(n);
  let absent = false;
  for (let i = 0; i < n; i++) {
    const e = entries[i]!;
    const j = e.names.indexOf(name);
    if (j < 0) {
      absent = true;
      local[i] = -1;
      continue;
    }
    const code = e.codes[j]!;
    if (c.seenIn[code] !== write) {
      c.seenIn[code] = write;
      c.local[code] = dict.push(code) - 1;
    }
    local[i] = c.local[code]!;
  }
  return columnText(c, local, dict, absent);
}
