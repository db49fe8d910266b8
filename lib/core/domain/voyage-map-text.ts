/**
 * GET /api/voyages/map's answer written as text from a table of the voyages' parts made in
 * advance (a `MapTable`, kept per data version on the server): a filter no cached answer covers
 * then costs a walk down a few integer columns, not a read, a parse and a quantising of every
 * route (80 ms for 2,000 voyages of a week, 100,000 in the database; `npm run bench`, api).
 *
 * Each distinct property value is kept once as JSON text, in a dictionary per property name, and
 * the table holds, per voyage (a slot: its position in the list order) and per property, a code
 * into it: a port's or a vessel's text is kept once, not once per voyage, and a column is written
 * by remapping integers read in a row from one array rather than by hashing text or visiting one
 * object per voyage. A week (about 2,000 of 100,000 generated voyages) took 2.2 ms to answer in
 * process from an object per voyage kept by id and `/1`'s number arrays; 0.86 ms now, 0.7 of it
 * writing the text (one busy 2-core machine, 29 Nov).
 *
 * The text is exactly `JSON.stringify(encodeVoyageMap(fc))` for the same features, save that a
 * property whose value is `undefined` is written as null (tests/unit/domain/voyage-map-text.test.ts).
 */
import type { Feature, LineString } from 'geojson';
import { MAP_SCALE, VOYAGE_MAP_FORMAT, isTextList, quantiseLine } from './voyage-map';
import { codeWidth, writeCodes, writeLists } from './voyage-map-codes';

/** The distinct values of a name (or the distinct routes) as JSON text, and what a write uses to renumber them. */
interface Column {
  readonly texts: string[];
  readonly codeOf: Map<string, number>;
  /** Per code: the write that last met it, and its number in that write's dictionary. */
  readonly seenIn: number[];
  readonly local: number[];
  /** Per code whose value is a list of text (isTextList): its items' codes in the name's items Column. */
  readonly itemLists: (Int32Array | undefined)[];
}

const newColumn = (): Column => ({ texts: [], codeOf: new Map(), seenIn: [], local: [], itemLists: [] });

function codeIn(c: Column, text: string): number {
  let code = c.codeOf.get(text);
  if (code === undefined) {
    c.codeOf.set(text, (code = c.texts.push(text) - 1));
    c.seenIn.push(0);
    c.local.push(0);
  }
  return code;
}

/** Shares one text per distinct route, list of names and property value between a data version's tables. */
export interface Interner {
  /** Distinct routes, each as `[deltas]` (encodeVoyageMap's path). */
  readonly paths: Column;
  /** Distinct lists of property names, in the features' key order. */
  readonly nameLists: Column & { readonly lists: (readonly string[])[] };
  column: (name: string) => Column;
  /** Numbers each write (MapTable.text), for the columns' renumbering. */
  writes: number;
}

/** An Interner of its own (a data version keeps one for all its tables). */
export function interner(): Interner {
  const columns = new Map<string, Column>();
  return {
    paths: newColumn(),
    nameLists: { ...newColumn(), lists: [] },
    column: (name) => {
      let c = columns.get(name);
      if (!c) columns.set(name, (c = newColumn()));
      return c;
    },
    writes: 0,
  };
}

/** The texts of these codes of a column, joined by commas (a dictionary's JSON array, without its brackets). */
const textsOf = (c: Column, codes: readonly number[]) => codes.map((code) => c.texts[code]).join(',');

/** The Column of the items of a property's lists (a name no property has). */
const itemsOf = (name: string) => `${name}\u0000items`;

/** An integer column of `size` slots, each -1 (unset, or the voyage lacks the property) until set. */
const unset = (size: number) => new Int32Array(size).fill(-1);

/**
 * The parts of `size` voyages (slots 0 to size − 1), each set from its feature (again, if need
 * be: the last set counts), and the answer for any list of slots written from them. Holds four
 * bytes per slot per property name and eight for the route and names; each distinct value (and
 * each distinct list's items) is kept once, in the interner, whatever the number of slots.
 */
export class MapTable {
  private readonly path: Int32Array;
  private readonly names: Int32Array;
  /** Per property name, the code of each slot's value in the name's Column; -1: unset or absent. */
  private readonly codes = new Map<string, Int32Array>();
  /** Room for one column's numbers during a write. */
  private scratch = new Int32Array(0);

  constructor(
    readonly size: number,
    private readonly intern: Interner,
  ) {
    this.path = unset(size);
    this.names = unset(size);
  }

  has(slot: number): boolean {
    return this.path[slot]! >= 0;
  }

  /** A slot set again may have lost a property: every column forgets the slot first. */
  private clear(slot: number): void {
    if (this.has(slot)) for (const codes of this.codes.values()) codes[slot] = -1;
  }

  /** The codes of a property name, a column of unset slots the first time the name is met. */
  private codesOf(name: string): Int32Array {
    let codes = this.codes.get(name);
    if (!codes) this.codes.set(name, (codes = unset(this.size)));
    return codes;
  }

  /** Sets a slot's part from its voyage's feature (voyagesToGeoJSON's). */
  set(slot: number, f: Feature<LineString, Record<string, unknown>>): void {
    const { intern } = this;
    const names = Object.keys(f.properties);
    const list = codeIn(intern.nameLists, names.join('\u0000'));
    if (list === intern.nameLists.lists.length) intern.nameLists.lists.push(names);
    this.clear(slot);
    for (const name of names) {
      const codes = this.codesOf(name);
      const value = f.properties[name];
      const column = intern.column(name);
      // JSON.stringify(undefined) is not text; in an array (a column) it is written as null.
      const code = (codes[slot] = codeIn(column, JSON.stringify(value) ?? 'null'));
      if (isTextList(value) && !column.itemLists[code]) {
        const items = intern.column(itemsOf(name));
        column.itemLists[code] = Int32Array.from(value, (item) => codeIn(items, JSON.stringify(item)));
      }
    }
    this.names[slot] = list;
    this.path[slot] = codeIn(intern.paths, JSON.stringify(quantiseLine(f.geometry.coordinates)));
  }

  /** The answer's JSON text for the set slots among `slots`, in their order, and how many voyages it holds. */
  text(slots: ArrayLike<number>): { text: string; count: number } {
    const rows = new Int32Array(slots.length);
    let n = 0;
    for (let i = 0; i < slots.length; i++) if (this.has(slots[i]!)) rows[n++] = slots[i]!;
    const write = ++this.intern.writes;
    if (this.scratch.length < n) this.scratch = new Int32Array(n);
    const local = this.scratch.subarray(0, n);
    // Routes: each distinct one once, in order of first use, and each voyage's number into them.
    const paths = this.renumber(this.intern.paths, this.path, rows.subarray(0, n), local, write);
    const pathWidth = codeWidth(paths.dict.length);
    const pathText = `[${textsOf(this.intern.paths, paths.dict)}],"path":{"width":${pathWidth},"codes":"${writeCodes(local, pathWidth)}"}`;
    const columns = this.namesOf(rows.subarray(0, n)).map((name) => `${JSON.stringify(name)}:${this.columnText(name, rows.subarray(0, n), local, write)}`);
    return {
      text: `{"format":"${VOYAGE_MAP_FORMAT}","count":${n},"scale":${MAP_SCALE},"paths":${pathText},"columns":{${columns.join(',')}}}`,
      count: n,
    };
  }

  /** The property names of these slots: the one list when all share it, else every name in order of first appearance. */
  private namesOf(rows: Int32Array): readonly string[] {
    const { lists } = this.intern.nameLists;
    const first = rows.length ? this.names[rows[0]!]! : -1;
    let shared = true;
    for (let i = 1; i < rows.length && shared; i++) shared = this.names[rows[i]!] === first;
    if (shared) return first < 0 ? [] : lists[first]!;
    const all = new Set<string>();
    const met = new Set<number>();
    for (const row of rows) {
      const list = this.names[row]!;
      if (met.has(list)) continue;
      met.add(list);
      for (const name of lists[list]!) all.add(name);
    }
    return [...all];
  }

  /**
   * Numbers each slot's code in this write's dictionary (the codes in order of first use) into
   * `local`, -1 where the slot has none; says whether any had none.
   */
  private renumber(c: Column, codes: Int32Array, rows: Int32Array, local: Int32Array, write: number): { dict: number[]; absent: boolean } {
    const dict: number[] = [];
    const { seenIn, local: numberOf } = c;
    let absent = false;
    for (let i = 0; i < rows.length; i++) {
      const code = codes[rows[i]!]!;
      if (code < 0) {
        absent = true;
        local[i] = -1;
        continue;
      }
      if (seenIn[code] !== write) {
        seenIn[code] = write;
        numberOf[code] = dict.push(code) - 1;
      }
      local[i] = numberOf[code]!;
    }
    return { dict, absent };
  }

  /**
   * A column's text by encodeVoyageMap's rule: items and lists when every voyage's value is a
   * list of text, else the values in order when most are distinct, else a dictionary and codes.
   */
  private columnText(name: string, rows: Int32Array, local: Int32Array, write: number): string {
    const lists = this.listsOf(name, rows);
    if (lists) return this.listText(name, lists, write);
    const c = this.intern.column(name);
    const codes = this.codes.get(name)!;
    const { dict, absent } = this.renumber(c, codes, rows, local, write);
    const n = rows.length;
    if (!absent && dict.length > n / 2) {
      const texts = new Array<string>(n);
      for (let i = 0; i < n; i++) texts[i] = c.texts[codes[rows[i]!]!]!;
      return `{"values":[${texts.join(',')}]}`;
    }
    const width = codeWidth(dict.length);
    return `{"dict":[${textsOf(c, dict)}],"width":${width},"codes":"${writeCodes(local, width)}"}`;
  }

  /** Each row's list of items' codes, when every row has one (a voyage lacking the property has none). */
  private listsOf(name: string, rows: Int32Array): Int32Array[] | null {
    const { itemLists } = this.intern.column(name);
    if (!itemLists.length) return null;
    const codes = this.codes.get(name)!;
    const out = new Array<Int32Array>(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const code = codes[rows[i]!]!;
      const list = code < 0 ? undefined : itemLists[code];
      if (!list) return null;
      out[i] = list;
    }
    return out;
  }

  /** Sets a slot from another table's slot on the same interner (the same voyage, seen by the other visibility). */
  copy(slot: number, from: MapTable, fromSlot: number): void {
    if (from.intern !== this.intern) throw new Error('MapTable.copy: the tables must share their interner');
    this.clear(slot);
    for (const [name, theirs] of from.codes) if (theirs[fromSlot]! >= 0) this.codesOf(name)[slot] = theirs[fromSlot]!;
    this.names[slot] = from.names[fromSlot]!;
    this.path[slot] = from.path[fromSlot]!;
  }

  /** A list column: the distinct items in order of first use, and each voyage's items as codes. */
  private listText(name: string, lists: Int32Array[], write: number): string {
    const c = this.intern.column(itemsOf(name));
    const { seenIn, local: numberOf } = c;
    const dict: number[] = [];
    const ends = new Int32Array(lists.length);
    let total = 0;
    for (let i = 0; i < lists.length; i++) ends[i] = total += lists[i]!.length;
    const numbers = new Int32Array(total);
    let o = 0;
    for (let i = 0; i < lists.length; i++) {
      const list = lists[i]!;
      for (let j = 0; j < list.length; j++) {
        const code = list[j]!;
        if (seenIn[code] !== write) {
          seenIn[code] = write;
          numberOf[code] = dict.push(code) - 1;
        }
        numbers[o++] = numberOf[code]!;
      }
    }
    const width = codeWidth(dict.length);
    return `{"items":[${textsOf(c, dict)}],"width":${width},"lists":"${writeLists(numbers, ends, width)}"}`;
  }
}
