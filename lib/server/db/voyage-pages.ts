/**
 * GET /api/voyages' JSON and GeoJSON answers, assembled from each voyage's serialised entry kept
 * for the data version (voyage-index.ts): a page that no cached answer covers (a new offset, a
 * new filter) reads and serialises only the voyages no earlier page held. The bodies are the
 * bytes `JSON.stringify` gives for the whole list, entry for entry.
 */
import 'server-only';
import { voyagesToGeoJSON } from '@/lib/core/domain/format';
import { MAX_PAGE } from '@/lib/core/domain/query';
import { MapTable, interner } from '@/lib/core/domain/voyage-map-text';
import type { Visibility } from '@/lib/core/domain/records';
import type { DB } from './connection';
import { type Fragments, type Generation, type VoyageFilter, voyageDataVersion, voyageGeneration } from './voyage-index';
import { type VoyageWithRoute, voyageSummaries, voyageSummariesWithRoutes } from './voyages';

/**
 * List entries kept per generation, in characters: 100,000 voyages' take about 62 million (the
 * bench's generated voyages); the map layer's features, with their routes, are half as many again
 * per voyage and only the pages asked for are kept.
 */
export const MAX_SUMMARY_CHARS = 96 * 1024 * 1024;
const MAX_FEATURE_CHARS = 32 * 1024 * 1024;
/**
 * Voyages serialised per read of the warm-up (1 to 2 ms on a busy 2-core machine), and the time
 * it takes per turn of the event loop before requests have theirs: one 250-voyage read per turn
 * took up to 50 ms and showed in the p99 of answers served meanwhile; one 50-voyage read per turn
 * left the warm-up unfinished after 20 s at 50 connections, and 5 ms per turn still took about
 * 20 s there (`npm run bench`, api, load 6-9 on 2 cores).
 */
const WARM_STEP = 50;
const WARM_SLICE_MS = 10;

/**
 * The warm-up starts once a generation has lasted this long: a burst of edits (each a new
 * generation, and a whole pass is about 3 s of CPU for 100,000 voyages on a busy machine) then
 * costs one pass, not one per edit.
 */
const WARM_AFTER_MS = 1000;

const warming = new WeakSet<object>();

/**
 * What a data version keeps per voyage, looked at by position in the list order (`ids`): whether
 * a voyage's is still to make, and keeping one made from its voyage.
 */
interface Store<V> {
  lacks: (position: number) => boolean;
  /** Makes the voyage's entry at `position` from somewhere cheaper than a read (the map's other table), if it can; says whether it did. */
  take?: (position: number) => boolean;
  keep: (v: V, position: number) => void;
  /** True once the store holds all it may: the warm-up stops. */
  readonly full?: boolean;
}

/**
 * Keeps the voyages at these positions: taken where the store can, the rest read (in pages of at
 * most MAX_PAGE); a voyage deleted since the list was read is not kept.
 */
async function readInto<V extends { id: string }>(ids: readonly string[], lacking: readonly number[], read: (ids: readonly string[]) => Promise<V[]>, store: Store<V>): Promise<void> {
  const positions = store.take ? lacking.filter((p) => !store.take!(p)) : lacking;
  for (let i = 0; i < positions.length; i += MAX_PAGE) {
    const page = positions.slice(i, i + MAX_PAGE);
    const at = new Map(page.map((p) => [ids[p]!, p]));
    for (const v of await read([...at.keys()])) store.keep(v, at.get(v.id)!);
  }
}

/**
 * Makes every listed voyage's entry in `store` for a new generation in the background (once it
 * has lasted WARM_AFTER_MS), a step at a time between requests, so that after a change (or a
 * start) any page of the list, or any filter of the map, is soon made from kept entries alone: the
 * first asked for read their own rows meanwhile. Stops when a newer generation replaces this one,
 * when the store is full, or on any error (the database closed): it is only ever ahead of what a
 * request would do itself.
 */
function warm<V extends { id: string }>(db: DB, g: Generation, ids: readonly string[], store: Store<V>, read: (ids: readonly string[]) => Promise<V[]>, key: object) {
  if (warming.has(key)) return;
  warming.add(key);
  let next = 0;
  const step = async () => {
    const began = performance.now();
    while (next < ids.length && (await voyageDataVersion(db)) === g.version && !store.full) {
      const chunk: number[] = [];
      for (const end = Math.min(next + WARM_STEP, ids.length); next < end; next++) if (store.lacks(next)) chunk.push(next);
      if (!chunk.length) continue;
      // The read awaits no I/O (better-sqlite3 answers at once): chunks go on within one turn of
      // the event loop until its slice is used, then requests have their turn.
      await readInto(ids, chunk, read, store);
      if (performance.now() - began >= WARM_SLICE_MS) {
        setImmediate(() => void step().catch(() => undefined)).unref();
        return;
      }
    }
  };
  // Not kept alive for it: a script or test that is done may exit.
  setTimeout(() => void step().catch(() => undefined), WARM_AFTER_MS).unref();
}

/** A store of serialised entries kept by voyage id (the list's pages), made with `make`. */
function fragmentStore<V extends { id: string }, T>(kept: Fragments<T>, ids: readonly string[], make: (v: V) => T): Store<V> {
  return {
    lacks: (p) => kept.get(ids[p]!) === undefined,
    keep: (v) => kept.set(v.id, make(v)),
    get full() {
      return kept.full;
    },
  };
}

/** The entries of the voyages with these ids, in order; those not yet kept are read (in pages of at most MAX_PAGE) and kept. */
async function entries<V extends { id: string }, T>(kept: Fragments<T>, ids: readonly string[], read: (ids: readonly string[]) => Promise<V[]>, make: (v: V) => T): Promise<T[]> {
  const fresh = new Map<string, T>();
  const missing = ids.filter((id) => kept.get(id) === undefined);
  for (let i = 0; i < missing.length; i += MAX_PAGE) {
    for (const v of await read(missing.slice(i, i + MAX_PAGE))) {
      const entry = make(v);
      fresh.set(v.id, entry);
      kept.set(v.id, entry);
    }
  }
  const out: T[] = [];
  for (const id of ids) {
    // Kept, or read just now (kept may have dropped it again); gone: deleted since the page was read.
    const entry = fresh.get(id) ?? kept.get(id);
    if (entry !== undefined) out.push(entry);
  }
  return out;
}

/** The list answer `{ voyages, total, limit, offset }` as JSON text, and its total. */
export async function voyageListJson(db: DB, f: VoyageFilter): Promise<{ body: string; total: number }> {
  const g = await voyageGeneration(db, f.visibility ?? 'published');
  const { ids, total } = g.page(f);
  const kept = g.fragmentsOf('summary', MAX_SUMMARY_CHARS);
  const read = (missing: readonly string[]) => voyageSummaries(db, missing);
  const all = g.idsFor(f.visibility ?? 'published');
  warm(db, g, all, fragmentStore(kept, all, (v) => JSON.stringify(v)), read, kept);
  const parts = await entries(kept, ids, read, (v) => JSON.stringify(v));
  return { body: `{"voyages":[${parts.join(',')}],"total":${total},"limit":${f.limit},"offset":${f.offset}}`, total };
}

/** The map layer's FeatureCollection of routes (lib/core/domain/format) as JSON text, and its total. */
export async function voyageRoutesGeoJson(db: DB, f: VoyageFilter): Promise<{ body: string; total: number }> {
  const g = await voyageGeneration(db, f.visibility ?? 'published');
  const { ids, total } = g.page(f);
  const parts = await entries(
    g.fragmentsOf('feature', MAX_FEATURE_CHARS),
    ids,
    (missing) => voyageSummariesWithRoutes(db, missing),
    (v) => JSON.stringify(voyagesToGeoJSON([v]).features[0]),
  );
  return { body: `{"type":"FeatureCollection","features":[${parts.join(',')}]}`, total };
}

/**
 * Sets a slot of one visibility's map table from the other visibility's table when that has the
 * voyage (a published voyage is in both): no read, no GeoJSON, no quantising again. Answers
 * whether it did.
 */
function copyFromTwin(g: Generation, visibility: Visibility, table: MapTable, slot: number): boolean {
  const other: Visibility = visibility === 'published' ? 'team' : 'published';
  const twin = g.sharedIfMade<MapTable>(`map ${other}`);
  if (!twin) return false;
  const slotOf = g.sharedOf(`slots ${other}`, () => new Map(g.idsFor(other).map((id, i) => [id, i])));
  const theirs = slotOf.get(g.idsFor(visibility)[slot]!);
  if (theirs === undefined || !twin.has(theirs)) return false;
  table.copy(slot, twin, theirs);
  return true;
}

/**
 * GET /api/voyages/map's answer (lib/core/domain/voyage-map.ts) as JSON text for every voyage
 * matching the filter: written from the generation's table of the voyages' parts
 * (voyage-map-text.ts), so that a filter no cached answer covers reads only the voyages not yet
 * in it. The first answer of a generation starts filling the rest in the background.
 */
export async function voyageMapJson(db: DB, f: Omit<VoyageFilter, 'limit' | 'offset'>): Promise<{ body: string; total: number }> {
  const visibility = f.visibility ?? 'published';
  const g = await voyageGeneration(db, visibility);
  const ids = g.idsFor(visibility);
  const table = g.sharedOf(`map ${visibility}`, () => new MapTable(ids.length, g.sharedOf('map', interner)));
  const store: Store<VoyageWithRoute> = {
    lacks: (p) => !table.has(p),
    take: (p) => copyFromTwin(g, visibility, table, p),
    keep: (v, p) => table.set(p, voyagesToGeoJSON([v]).features[0]!),
  };
  const read = (missing: readonly string[]) => voyageSummariesWithRoutes(db, missing);
  warm(db, g, ids, store, read, table);
  const slots = g.positions(f);
  const missing: number[] = [];
  for (const slot of slots) if (store.lacks(slot)) missing.push(slot);
  await readInto(ids, missing, read, store);
  const { text, count } = table.text(slots);
  return { body: text, total: count };
}
