/**
 * The voyage list's order and filter columns, read once per data version into memory: with
 * 100,000 voyages an OFFSET page and a `count(*)` walked tens of thousands of rows on every
 * request that the answer cache could not serve (a new page, a new filter), about a second each
 * at 50 connections (`npm run bench`, api). Here a page is a slice of an array and a count its
 * length; filters scan plain arrays (a few milliseconds for 100,000 voyages) and their matches are
 * kept for the next page of the same filter.
 *
 * One `Generation` per database handle and data version: a request keeps the generation it began
 * with, so what it adds (matches, JSON fragments in voyage-pages.ts) never lands in a newer one.
 */
import 'server-only';
import type { Visibility } from '@/lib/core/domain/records';
import type { Confidence } from '@/lib/core/domain/schemas';
import { sql } from 'kysely';
import { type DB, isPostgres, sqliteOf } from './connection';
import { visibleTo } from './reference';
import { type Matches, type Ordered, inListOrder, scan } from './voyage-scan';

export interface VoyageFilter {
  vessel?: string;
  /** Either end of the leg. */
  port?: string;
  /** Keep voyages whose span (earliest departure to latest arrival) overlaps [from, to]. */
  from?: string;
  to?: string;
  confidence?: Confidence;
  limit: number;
  offset: number;
  /** Published voyages only (the default), or drafts too for signed-in readers. */
  visibility?: Visibility;
}

/** Filters whose matches a generation keeps (per visibility), least recently used dropped first. */
const MAX_KEPT_FILTERS = 64;

export class Generation {
  private readonly ordered = new Map<Visibility, Ordered>();
  private readonly matches = new Map<string, Matches>();
  private readonly fragments = new Map<string, Fragments<unknown>>();
  private readonly shared = new Map<string, unknown>();

  constructor(
    private readonly db: DB,
    readonly version: string,
  ) {}

  /** Reads the list order for `visibility` once per generation (voyageGeneration does, before handing the generation out). */
  async load(visibility: Visibility): Promise<void> {
    if (!this.ordered.has(visibility)) this.ordered.set(visibility, await readOrdered(this.db, visibility));
  }

  private orderedFor(visibility: Visibility): Ordered {
    const o = this.ordered.get(visibility);
    if (!o) throw new Error(`Generation: the list order for "${visibility}" is not read yet; get the generation through voyageGeneration(db, visibility)`);
    return o;
  }

  private matching(f: VoyageFilter, o: Ordered): Matches {
    const key = JSON.stringify([f.visibility ?? 'published', f.vessel, f.port, f.from, f.to, f.confidence]);
    if (this.matches.has(key)) {
      const m = this.matches.get(key)!;
      this.matches.delete(key);
      this.matches.set(key, m); // most recently used last
      return m;
    }
    const m = scan(f, o);
    this.matches.set(key, m);
    if (this.matches.size > MAX_KEPT_FILTERS) this.matches.delete(this.matches.keys().next().value!);
    return m;
  }

  /** JSON fragments of one kind per voyage (voyage-pages.ts): the same for every visibility. */
  fragmentsOf(kind: string, maxChars: number): Fragments {
    return this.keptOf(kind, maxChars, (json: string) => json.length);
  }

  /** Anything made per voyage and kept for the generation (`chars` weighs an entry), by kind. */
  keptOf<T>(kind: string, maxChars: number, chars: (t: T) => number): Fragments<T> {
    const kept = this.fragments.get(kind);
    if (kept) return kept as Fragments<T>;
    const f = new Fragments<T>(maxChars, chars);
    this.fragments.set(kind, f as unknown as Fragments<unknown>);
    return f;
  }

  /** Values shared by everything this generation keeps (routes, lists of names), by kind, made once. */
  sharedOf<T>(kind: string, make: () => T): T {
    if (!this.shared.has(kind)) this.shared.set(kind, make());
    return this.shared.get(kind) as T;
  }

  /** What sharedOf made for `kind`, if it has been made; undefined otherwise. */
  sharedIfMade<T>(kind: string): T | undefined {
    return this.shared.get(kind) as T | undefined;
  }

  /** Every voyage id the reader may see, in list order. */
  idsFor(visibility: Visibility): readonly string[] {
    return this.orderedFor(visibility).ids;
  }

  /** The positions in the list order (idsFor) of every voyage matching the filter, in order. */
  positions(f: Omit<VoyageFilter, 'limit' | 'offset'>): Int32Array {
    const o = this.orderedFor(f.visibility ?? 'published');
    const m = this.matching({ ...f, limit: 0, offset: 0 }, o);
    if (m) return m;
    const all = new Int32Array(o.ids.length);
    for (let i = 0; i < all.length; i++) all[i] = i;
    return all;
  }

  /** One page of matching voyage ids, in list order, and the number of matches. */
  page(f: VoyageFilter): { ids: string[]; total: number } {
    const o = this.orderedFor(f.visibility ?? 'published');
    const m = this.matching(f, o);
    const total = m ? m.length : o.ids.length;
    const end = Math.min(f.offset + f.limit, total);
    const ids: string[] = [];
    for (let i = f.offset; i < end; i++) ids.push(o.ids[m ? m[i]! : i]!);
    return { ids, total };
  }
}

/** Serialised voyages (or other entries, weighed by `weigh`) by id, the oldest dropped first once they pass `maxChars` characters. */
export class Fragments<T = string> {
  private readonly byId = new Map<string, T>();
  private chars = 0;

  constructor(
    private readonly maxChars: number,
    private readonly weigh: (t: T) => number = (t) => (t as string).length,
  ) {}

  /** How many voyages are kept. */
  get size(): number {
    return this.byId.size;
  }

  /** Whether another entry would push an older one out. */
  get full(): boolean {
    return this.chars >= this.maxChars;
  }

  get(id: string): T | undefined {
    return this.byId.get(id);
  }

  set(id: string, entry: T): void {
    const old = this.byId.get(id);
    if (old !== undefined) this.chars -= this.weigh(old);
    this.byId.set(id, entry);
    this.chars += this.weigh(entry);
    while (this.chars > this.maxChars && this.byId.size > 1) {
      const [oldest, dropped] = this.byId.entries().next().value!;
      this.byId.delete(oldest);
      this.chars -= this.weigh(dropped);
    }
  }
}

const COLUMNS = ['id', 'departure_earliest', 'arrival_latest', 'vessel_id', 'origin_port_id', 'destination_port_id', 'confidence'] as const;

async function readOrdered(db: DB, visibility: Visibility): Promise<Ordered> {
  const ordered = db
    .selectFrom('voyages as v')
    .where(visibleTo(visibility, 'v'))
    .select(COLUMNS.map((c) => `v.${c}` as const))
    .orderBy('v.departure_earliest')
    .orderBy('v.id');
  if (isPostgres(db)) {
    // PostgreSQL: one array per column, aggregated in list order; pg hands them over as arrays.
    const { rows } = await sql<Record<(typeof COLUMNS)[number], string[] | null>>`select ${sql.join(
      COLUMNS.map((c) => sql`array_agg(${sql.ref(`o.${c}`)} order by o.departure_earliest, o.id collate "C") as ${sql.ref(c)}`),
    )} from (${ordered}) as o`.execute(db);
    const r = rows[0]!;
    const col = (c: (typeof COLUMNS)[number]) => r[c] ?? [];
    return inListOrder({ ids: col('id'), departureEarliest: col('departure_earliest'), arrivalLatest: col('arrival_latest'), vessel: col('vessel_id'), origin: col('origin_port_id'), destination: col('destination_port_id'), confidence: col('confidence') } as Ordered);
  }
  // One JSON array per column, read from the voyages_listing index alone: 100,000 rows as row
  // arrays cost three times as long to hand over, most of it in the garbage collector.
  const q = db
    .selectFrom(ordered.as('o'))
    .select(COLUMNS.map((c) => sql<string>`json_group_array(${sql.ref(`o.${c}`)})`.as(c)))
    .compile();
  const row = sqliteOf(db)
    .prepare(q.sql)
    .raw(true)
    .get(...q.parameters) as string[];
  const [ids, departureEarliest, arrivalLatest, vessel, origin, destination, confidence] = row.map((text) => JSON.parse(text) as string[]);
  const o = { ids, departureEarliest, arrivalLatest, vessel, origin, destination, confidence } as Ordered;
  return inListOrder(o);
}

/** The current generation of each database handle. */
const current = new WeakMap<DB, Generation>();
const counters = new WeakMap<DB, () => Promise<string>>();

/**
 * The listed voyages' change counter (migration 0007): triggers move it with every write to the
 * voyages, their sources, vessels and ports, whichever connection or process commits it.
 */
export function voyageDataVersion(db: DB): Promise<string> {
  let read = counters.get(db);
  if (!read) {
    const query = db.selectFrom('change_counts').select('n').where('name', '=', 'voyages');
    if (isPostgres(db)) {
      read = async () => String((await query.executeTakeFirstOrThrow()).n);
    } else {
      // SQLite: the prepared statement straight from better-sqlite3, a few microseconds a request.
      const q = query.compile();
      const stmt = sqliteOf(db).prepare(q.sql).pluck();
      read = () => Promise.resolve(String(stmt.get(...q.parameters)));
    }
    counters.set(db, read);
  }
  return read();
}

/**
 * The generation for the data as it is now (a new one after any committed write to what a voyage
 * is listed with), with the list order `visibility` sees read.
 */
export async function voyageGeneration(db: DB, visibility: Visibility = 'published'): Promise<Generation> {
  const version = await voyageDataVersion(db);
  let g = current.get(db);
  if (!g || g.version !== version) {
    g = new Generation(db, version);
    current.set(db, g);
  }
  await g.load(visibility);
  return g;
}
