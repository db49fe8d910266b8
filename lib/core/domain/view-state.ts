/**
 * What the dashboard shows, kept in the URL so a copied link opens the same view: filters, the
 * selected voyage, the map's centre and zoom, the layers switched off, and the export dialog's
 * settings. Parsing is forgiving (a bad value is dropped, not an error page); serialising is
 * canonical (fixed key order, rounded numbers).
 *
 * Coordinates are GeoJSON order here as everywhere outside the map layer: the centre is
 * `lonlat=lon,lat` and a frame is `bb=west,south,east,north`.
 */
import { parseDayInput } from './date-input';
import { type ProfileRef, parseProfile, profileToParam } from './profile-ref';
import { type Confidence, type Position, confidence, slug } from './schemas';
import { type VoyageSort, parseSort, sortToParam } from './voyage-sort';

export const LAYERS = ['geofences', 'labels', 'tracks', 'tiles'] as const;
export type LayerId = (typeof LAYERS)[number];

export const EXPORT_PARTS = ['title', 'subtitle', 'legend', 'scale', 'dates', 'credits', 'permalink'] as const;
export type ExportPart = (typeof EXPORT_PARTS)[number];

export const MAX_EXPORT_PX = 6000;

/** [west, south, east, north] in degrees. */
export type Bbox = [number, number, number, number];

export interface ExportSettings {
  width: number;
  height: number;
  /** Undefined: the default built from the filters. */
  title?: string;
  subtitle?: string;
  /** Parts switched off. */
  off: ExportPart[];
  /** 'map': the ground in `bbox` (the map's view when the dialog opened); 'voyages': fit the routes shown. */
  frame: 'map' | 'voyages';
  bbox?: Bbox;
  /** Include the team's annotation pins (off by default: notes are the team's, images are public). */
  pins: boolean;
  /** Include the timeline strip (with the time cursor, when one is set) under the map. */
  timeline: boolean;
}

export interface ViewState {
  vessel?: string;
  port?: string;
  from?: string;
  to?: string;
  confidence?: Confidence;
  /** The selected voyage id. */
  voyage?: string;
  /** The vessel, port or source whose profile is open (`profile=vessel:lady-r`). */
  profile?: ProfileRef;
  /** The list's order; undefined: departure, earliest first. */
  sort?: VoyageSort;
  /** Map centre, [lon, lat]. */
  center?: Position;
  zoom?: number;
  /** Layers switched off. */
  hide?: LayerId[];
  /** The time cursor, a day (`at=2024-02-06`): the map shows what was possibly or certainly under way. */
  at?: string;
  /** The timeline panel under the map is collapsed (`timeline=closed`); open by default. */
  timelineClosed?: true;
  /** Present when the export dialog is open. */
  export?: ExportSettings;
}

type Params = { get(name: string): string | null };

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
const slugOf = (v: string | null) => (v && slug.safeParse(v).success ? v : undefined);
/** A filter day: a real `YYYY-MM-DD` in the years a filter accepts (not the "0002" of a half-typed year). */
const dayOf = (v: string | null) => {
  const d = v ? parseDayInput(v, { final: false }) : null;
  return d?.kind === 'day' && d.day === v ? v : undefined;
};

function numbers(v: string | null, n: number): number[] | undefined {
  if (!v) return undefined;
  const parts = v.split(',').map(Number);
  return parts.length === n && parts.every(Number.isFinite) ? parts : undefined;
}

/** Web Mercator maps stop short of the poles; a centre beyond this latitude is not a real view. */
const MAX_CENTER_LAT = 85;

/**
 * The centre as written by `lonlat=lon,lat`, or by the `c=lat,lon` of links made before the
 * switch to GeoJSON order, which must still open the same view.
 */
function centerOf(v: string | null, order: 'lonlat' | 'latlon'): Position | undefined {
  const n = numbers(v, 2);
  if (!n) return undefined;
  const [lon, lat] = order === 'lonlat' ? [n[0]!, n[1]!] : [n[1]!, n[0]!];
  return Math.abs(lon) <= 180 && Math.abs(lat) <= MAX_CENTER_LAT ? [lon, lat] : undefined;
}

function listOf<T extends string>(v: string | null, allowed: readonly T[]): T[] | undefined {
  if (!v) return undefined;
  const items = [...new Set(v.split(','))].filter((x): x is T => (allowed as readonly string[]).includes(x));
  return items.length ? items.sort() : undefined;
}

function pixels(v: string | null): number | undefined {
  if (!v || !/^\d{1,5}$/.test(v)) return undefined;
  const n = Number(v);
  return n >= 1 && n <= MAX_EXPORT_PX ? n : undefined;
}

function text(v: string | null): string | undefined {
  return v === null ? undefined : v.slice(0, 200);
}

export const DEFAULT_EXPORT: ExportSettings = { width: 1200, height: 675, off: [], frame: 'map', pins: false, timeline: false };

export function parseViewState(params: Params): ViewState {
  const state: ViewState = {};
  const set = <K extends keyof ViewState>(key: K, value: ViewState[K] | undefined) => {
    if (value !== undefined) state[key] = value;
  };
  set('vessel', slugOf(params.get('vessel')));
  set('port', slugOf(params.get('port')));
  set('from', dayOf(params.get('from')));
  set('to', dayOf(params.get('to')));
  // A reversed range keeps its start: the end is what a reader typed last.
  if (state.from && state.to && state.to < state.from) delete state.to;
  set('confidence', confidence.safeParse(params.get('confidence')).data);
  set('voyage', slugOf(params.get('voyage')));
  set('profile', parseProfile(params.get('profile')));
  set('sort', parseSort(params.get('sort')));
  // With both, `lonlat` wins: it is the only form written now, so a `c` beside it is the stale one.
  set('center', centerOf(params.get('lonlat'), 'lonlat') ?? centerOf(params.get('c'), 'latlon'));
  const z = Number(params.get('z'));
  if (params.get('z') && Number.isFinite(z) && z >= 0 && z <= 22) state.zoom = z;
  set('hide', listOf(params.get('hide'), LAYERS));
  set('at', dayOf(params.get('at')));
  if (params.get('timeline') === 'closed') state.timelineClosed = true;
  if (params.get('x') === '1') {
    const bb = numbers(params.get('bb'), 4);
    const bbox =
      bb && bb[0]! < bb[2]! && bb[1]! < bb[3]! && Math.abs(bb[0]!) <= 180 && Math.abs(bb[2]!) <= 180 && Math.abs(bb[1]!) <= 85.06 && Math.abs(bb[3]!) <= 85.06
        ? (bb as Bbox)
        : undefined;
    state.export = {
      width: pixels(params.get('w')) ?? DEFAULT_EXPORT.width,
      height: pixels(params.get('h')) ?? DEFAULT_EXPORT.height,
      off: listOf(params.get('off'), EXPORT_PARTS) ?? [],
      frame: params.get('fr') === 'voyages' ? 'voyages' : 'map',
      pins: params.get('pins') === '1',
      timeline: params.get('xt') === '1',
      ...(text(params.get('t')) !== undefined ? { title: text(params.get('t')) } : {}),
      ...(text(params.get('st')) !== undefined ? { subtitle: text(params.get('st')) } : {}),
      ...(bbox ? { bbox } : {}),
    };
  }
  return state;
}

export function viewStateToSearch(state: ViewState): string {
  const p = new URLSearchParams();
  const put = (k: string, v: string | undefined) => {
    if (v !== undefined && v !== '') p.set(k, v);
  };
  put('vessel', state.vessel);
  put('port', state.port);
  // Only whole days, and never a reversed range: the end goes, as when such a link is read.
  const from = dayOf(state.from ?? null);
  const to = dayOf(state.to ?? null);
  put('from', from);
  put('to', from && to && to < from ? undefined : to);
  put('confidence', state.confidence);
  put('voyage', state.voyage);
  put('profile', profileToParam(state.profile));
  put('sort', sortToParam(state.sort));
  if (state.center) put('lonlat', `${round(state.center[0], 4)},${round(state.center[1], 4)}`);
  if (state.zoom !== undefined) put('z', String(round(state.zoom, 2)));
  if (state.hide?.length) put('hide', [...state.hide].sort().join(','));
  put('at', dayOf(state.at ?? null));
  if (state.timelineClosed) p.set('timeline', 'closed');
  const x = state.export;
  if (x) {
    p.set('x', '1');
    put('w', String(x.width));
    put('h', String(x.height));
    if (x.title !== undefined) p.set('t', x.title);
    if (x.subtitle !== undefined) p.set('st', x.subtitle);
    if (x.off.length) put('off', [...x.off].sort().join(','));
    if (x.frame === 'voyages') p.set('fr', 'voyages');
    if (x.pins) p.set('pins', '1');
    if (x.timeline) p.set('xt', '1');
    if (x.bbox) put('bb', x.bbox.map((v) => round(v, 4)).join(','));
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

export type Filters = Pick<ViewState, 'vessel' | 'port' | 'from' | 'to' | 'confidence'>;

/** The API filter parameters of a view (what narrows the voyages, nothing else). */
export function filtersOf(state: ViewState): Filters {
  const f: Filters = {};
  if (state.vessel) f.vessel = state.vessel;
  if (state.port) f.port = state.port;
  if (state.from) f.from = state.from;
  if (state.to) f.to = state.to;
  if (state.confidence) f.confidence = state.confidence;
  return f;
}

export function hasFilters(state: ViewState): boolean {
  return Object.keys(filtersOf(state)).length > 0;
}

export function isHidden(state: ViewState, layer: LayerId): boolean {
  return state.hide?.includes(layer) ?? false;
}

/** The same view with every filter cleared (selection, map view, layers and export kept). */
export function withoutFilters(state: ViewState): ViewState {
  const { vessel: _v, port: _p, from: _f, to: _t, confidence: _c, ...rest } = state;
  return rest;
}
