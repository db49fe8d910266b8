/**
 * Which symbols a legend explains: exactly those drawn, for the live map and for the exported
 * image alike. A legend that explains a symbol the reader cannot find on the map misleads (it
 * suggests an observed track or a team note that is not there). Pure.
 */
import type { FeatureCollection } from 'geojson';
import { formatDay } from './display';
import { INFERRED_HEDGE, hedgeWords } from './hedges';
import type { Identification, RouteKind, VoyageBasis } from './schemas';
import type { DayWindow } from '../geo/types';
import { possibleProgress, voyageTimes } from '../time/possibleProgress';

export const LEGEND_KEYS = [
  'route-inferred',
  'route-observed',
  'track-gap',
  'cursor-certain',
  'cursor-possible',
  'cursor-faded',
  'cursor-stretch',
  'selected',
  'hedged-name',
  'team-inferred',
  'direction',
  'port',
  'port-approximate',
  'dark-port-call',
  'geofence',
  'pin',
  'sighting',
  'sighting-draft',
  'land',
  'border',
] as const;
export type LegendKey = (typeof LEGEND_KEYS)[number];

/** The time cursor's legend entries: their words carry the cursor's day. */
export type CursorKey = Extract<LegendKey, `cursor-${string}`>;

/**
 * How the map draws the voyages at the time cursor (live map and exported image alike). Certain
 * and possible differ in width, not only in colour, so they read apart in greyscale and to
 * colour-blind readers; the routes keep their inferred/observed dashes. The stretch where a ship
 * could have been is a wide translucent blue band (blue against the orange routes).
 */
export const CURSOR_STYLE = {
  certainWeight: 6,
  possibleWeight: 3.5,
  /** Routes not under way at the cursor stay on the map for context, faded. */
  fadedOpacity: 0.2,
  stretchColor: '#1d4ed8',
  stretchOpacity: 0.4,
  stretchWeight: 16,
  /** A stretch of no length (the ship's place is known) is a dot of this radius. */
  stretchDotRadius: 8,
} as const;

/**
 * The words of a cursor entry, for the live legend and the exported one alike; without a day (a
 * video, whose date moves and is shown on each frame) the words name no day.
 */
export function cursorLabel(key: CursorKey, day?: string): string {
  const on = day ? ` on ${formatDay(day)}` : '';
  switch (key) {
    case 'cursor-certain':
      return `Certainly under way${on} (heavy line)`;
    case 'cursor-possible':
      return `Possibly under way${on}`;
    case 'cursor-faded':
      return `Not under way${on} (faded)`;
    case 'cursor-stretch':
      return `Where the ship could have been${on}`;
  }
}

/**
 * How the map draws observed (AIS) tracks (components/map/tracks), for the legend alike: solid
 * like an observed route, thinner; a silence is a dotted connector from the last fix to the next
 * with its duration; a port the ship could have called at while dark is ringed by a dashed halo,
 * in violet so it reads apart from the orange routes and the navy ports.
 */
export const TRACK_STYLE = {
  weight: 2,
  opacity: 0.9,
  gapWeight: 2.5,
  /** Dots: a very short dash with round caps, 6 px apart. */
  gapDash: '0.1 6',
  haloColor: '#7c3aed',
  haloRadius: 15,
  haloWeight: 2.5,
  haloDash: '5 4',
} as const;

/** The track symbols the map draws: fixes on solid lines, dotted gaps, ringed ports. */
export interface TrackSummary {
  fixes: number;
  gaps: number;
  darkPortCalls: number;
}

/** The time cursor on the map: its day and how many voyages it shows under way. */
export interface CursorSummary {
  /** YYYY-MM-DD; none for a video (the cursor moves from frame to frame). */
  day?: string;
  /** Voyages possibly, and certainly, under way at the cursor. */
  possible: number;
  certain: number;
  /** Stretches drawn (where a ship could have been). */
  stretches: number;
}

export interface LegendVoyage {
  routeKind: RouteKind;
  identification: Identification | null;
  basis?: VoyageBasis | null;
}

export interface LegendInput {
  /** The routes drawn. */
  voyages: readonly LegendVoyage[];
  /** The selected voyage, when it is among those drawn. */
  selected: LegendVoyage | undefined;
  /** The ports drawn. */
  ports: readonly { approximate?: boolean }[];
  showGeofences: boolean;
  /** Annotation pins drawn. */
  pins: number;
  /** Sightings drawn, by status. */
  sightings?: { published: number; draft: number };
  /** Raster tiles replace the vector land, so there is no land symbol to explain. */
  hasTiles: boolean;
  /** A country border is drawn in the view (see bordersInView). */
  borders?: boolean;
  /** The time cursor, when one is set: the other routes are drawn faded. */
  cursor?: CursorSummary;
  /** Observed tracks drawn (see TRACK_STYLE). */
  tracks?: TrackSummary;
}

/** The legend's entries, in reading order: routes, then the words on names, then places and notes. */
export function legendKeys(input: LegendInput): LegendKey[] {
  const keys: LegendKey[] = [];
  const add = (key: LegendKey, when: boolean) => {
    if (when) keys.push(key);
  };
  add('route-inferred', input.voyages.some((v) => v.routeKind === 'inferred'));
  add('route-observed', input.voyages.some((v) => v.routeKind === 'observed') || (input.tracks?.fixes ?? 0) > 0);
  add('track-gap', (input.tracks?.gaps ?? 0) > 0);
  const cursor = input.cursor;
  if (cursor) {
    add('cursor-certain', cursor.certain > 0);
    add('cursor-possible', cursor.possible > 0);
    add('cursor-faded', input.voyages.length > cursor.possible + cursor.certain);
    add('cursor-stretch', cursor.stretches > 0);
  }
  add('selected', input.selected !== undefined);
  // Route labels carry the hedges: the selected route's alone when one is selected.
  const labelled = input.selected ? [input.selected] : input.voyages;
  add('hedged-name', labelled.some((v) => hedgeWords(v).some((w) => w !== INFERRED_HEDGE)));
  add('team-inferred', labelled.some((v) => v.basis?.kind === 'inferred_from_sightings'));
  add('direction', input.voyages.length > 0);
  add('port', input.ports.some((p) => !p.approximate));
  add('port-approximate', input.ports.some((p) => p.approximate));
  add('dark-port-call', (input.tracks?.darkPortCalls ?? 0) > 0);
  add('geofence', input.showGeofences && input.ports.length > 0);
  add('pin', input.pins > 0);
  add('sighting', (input.sightings?.published ?? 0) > 0);
  add('sighting-draft', (input.sightings?.draft ?? 0) > 0);
  add('land', !input.hasTiles);
  add('border', !input.hasTiles && input.borders === true);
  return keys;
}

/** [west, south, east, north] in degrees. */
type Bbox = readonly [number, number, number, number];

/** Whether any vertex of the border lines lies in the view (the layer's lines are dense enough). */
export function bordersInView(borders: FeatureCollection | undefined, [w, s, e, n]: Bbox): boolean {
  if (!borders) return false;
  const inside = (p: number[]) => p[0]! >= w && p[0]! <= e && p[1]! >= s && p[1]! <= n;
  return borders.features.some((f) => {
    const g = f.geometry;
    if (!g) return false;
    const lines = g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : [];
    return lines.some((line) => line.some(inside));
  });
}

/**
 * The cursor entries a video's legend needs: over every frame's instant, the most voyages
 * possibly and certainly under way at once (an entry appears when some frame draws its symbol).
 * Voyages whose windows cannot be read are never under way, as on the map.
 */
export function cursorSummaryOver(voyages: readonly { departure: DayWindow; arrival: DayWindow }[], instants: readonly number[]): CursorSummary {
  const times = voyages.flatMap((v) => {
    try {
      return [voyageTimes(v.departure, v.arrival)];
    } catch {
      return [];
    }
  });
  let possible = 0;
  let certain = 0;
  let stretches = 0;
  for (const t of instants) {
    let p = 0;
    let c = 0;
    for (const v of times) {
      const state = possibleProgress(v, t).state;
      if (state === 'possible') p++;
      else if (state === 'certain') c++;
    }
    possible = Math.max(possible, p);
    certain = Math.max(certain, c);
    // Every voyage under way has its stretch drawn.
    stretches = Math.max(stretches, p + c);
  }
  return { possible, certain, stretches };
}
