/**
 * The voyage list's order. Dates are windows (a departure "between 2 and 5 March"), so a window
 * sorts by its earliest possible day, then by its latest: of two legs that may both have left on
 * 2 March, the one surely gone by the 3rd comes first. Descending reverses that key (latest
 * earliest-possible day first, then latest latest-possible day). Vessel, origin and destination sort by name (an unidentified vessel last, in either
 * direction); distance by the drawn route's length. Ties keep a fixed order (by id), so the list
 * never shuffles between renders.
 *
 * In the URL: `sort=distance` (ascending) or `sort=-distance` (descending); departure ascending is
 * the default and is not written.
 */

export const SORT_FIELDS = ['departure', 'arrival', 'vessel', 'origin', 'destination', 'distance'] as const;
export type SortField = (typeof SORT_FIELDS)[number];

export interface VoyageSort {
  by: SortField;
  dir: 'asc' | 'desc';
}

const DEFAULT_SORT: VoyageSort = { by: 'departure', dir: 'asc' };

/** What a sort needs of a voyage (a VoyageSummary has all of it). */
export interface SortableVoyage {
  id: string;
  vessel: { name: string } | null;
  origin: { name: string };
  destination: { name: string };
  departure: { earliest: string; latest: string };
  arrival: { earliest: string; latest: string };
  metrics: { routeNm: number };
}

/** The sort a `sort=` value names, or undefined (the default) for anything else. */
export function parseSort(v: string | null | undefined): VoyageSort | undefined {
  if (!v) return undefined;
  const desc = v.startsWith('-');
  const by = (SORT_FIELDS as readonly string[]).includes(desc ? v.slice(1) : v) ? ((desc ? v.slice(1) : v) as SortField) : null;
  if (!by) return undefined;
  const sort: VoyageSort = { by, dir: desc ? 'desc' : 'asc' };
  return isDefaultSort(sort) ? undefined : sort;
}

/** The `sort=` value for a sort; undefined for the default, which the URL leaves out. */
export function sortToParam(sort: VoyageSort | undefined): string | undefined {
  if (!sort || isDefaultSort(sort)) return undefined;
  return sort.dir === 'desc' ? `-${sort.by}` : sort.by;
}

function isDefaultSort(sort: VoyageSort): boolean {
  return sort.by === DEFAULT_SORT.by && sort.dir === DEFAULT_SORT.dir;
}

const byText = (a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base' });
const byDay = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byWindow = (a: { earliest: string; latest: string }, b: { earliest: string; latest: string }) =>
  byDay(a.earliest, b.earliest) || byDay(a.latest, b.latest);

function compareBy(by: SortField, a: SortableVoyage, b: SortableVoyage): number {
  switch (by) {
    case 'departure':
      return byWindow(a.departure, b.departure);
    case 'arrival':
      return byWindow(a.arrival, b.arrival);
    case 'vessel':
      return byText(a.vessel?.name ?? '', b.vessel?.name ?? '');
    case 'origin':
      return byText(a.origin.name, b.origin.name) || byText(a.destination.name, b.destination.name);
    case 'destination':
      return byText(a.destination.name, b.destination.name) || byText(a.origin.name, b.origin.name);
    case 'distance':
      return a.metrics.routeNm - b.metrics.routeNm;
  }
}

/**
 * A sorted copy. Within equal keys: by departure window, then id (ascending), so the order is
 * total and stable. An unidentified vessel sorts after every name in both directions.
 */
export function sortVoyages<T extends SortableVoyage>(voyages: readonly T[], sort: VoyageSort = DEFAULT_SORT): T[] {
  const sign = sort.dir === 'desc' ? -1 : 1;
  return [...voyages].sort((a, b) => {
    if (sort.by === 'vessel' && !a.vessel !== !b.vessel) return a.vessel ? -1 : 1;
    return sign * compareBy(sort.by, a, b) || byWindow(a.departure, b.departure) || byDay(a.id, b.id);
  });
}

const LABELS: Record<SortField, { asc: string; desc: string }> = {
  departure: { asc: 'Departure, earliest first', desc: 'Departure, latest first' },
  arrival: { asc: 'Arrival, earliest first', desc: 'Arrival, latest first' },
  vessel: { asc: 'Vessel, A to Z', desc: 'Vessel, Z to A' },
  origin: { asc: 'Origin, A to Z', desc: 'Origin, Z to A' },
  destination: { asc: 'Destination, A to Z', desc: 'Destination, Z to A' },
  distance: { asc: 'Distance, shortest first', desc: 'Distance, longest first' },
};

/** Every order the list offers, with its `sort=` value (empty for the default) and its label. */
export const SORT_OPTIONS: readonly { value: string; label: string }[] = SORT_FIELDS.flatMap((by) =>
  (['asc', 'desc'] as const).map((dir) => ({ value: sortToParam({ by, dir }) ?? '', label: LABELS[by][dir] })),
);

export function sortLabel(sort: VoyageSort | undefined): string {
  const s = sort ?? DEFAULT_SORT;
  return LABELS[s.by][s.dir];
}
