/**
 * The names on the map, for the live map and the exported image alike: which are shown at a zoom,
 * how each kind looks, and the label requests (ports, countries, seas, towns) handed to `declutter`
 * in one order of priority. Pure.
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import { COLORS } from './map-style';
import type { Port } from './schemas';
import { type Box, type LabelRequest, type Spot, areaSpots, pointSpots } from '../geo/declutter';

export type PlaceKind = 'country' | 'sea' | 'city';

/** A name from data/basemap/places.geojson (see its ATTRIBUTION.md for the sources). */
export interface Place {
  kind: PlaceKind;
  name: string;
  position: [number, number];
  minZoom: number;
  maxZoom: number;
  /** Towns: lower is more important (the region's towns before far bigger ones). */
  rank: number;
}

export type LabelKind = PlaceKind | 'port' | 'port-active';

export interface LabelStyle {
  /** Font size in CSS pixels at scale 1. */
  size: number;
  weight: 400 | 600 | 700;
  italic: boolean;
  upper: boolean;
  /** Letter spacing in ems. */
  spacing: number;
  color: string;
}

export const LABEL_STYLES: Record<LabelKind, LabelStyle> = {
  country: { size: 13, weight: 600, italic: false, upper: true, spacing: 0.12, color: COLORS.countryLabel },
  sea: { size: 12.5, weight: 400, italic: true, upper: false, spacing: 0.04, color: COLORS.seaLabel },
  city: { size: 11.5, weight: 400, italic: false, upper: false, spacing: 0, color: COLORS.cityLabel },
  port: { size: 12, weight: 400, italic: false, upper: false, spacing: 0, color: COLORS.port },
  'port-active': { size: 13, weight: 700, italic: false, upper: false, spacing: 0, color: COLORS.port },
};

/** The order labels claim their room in: what the map is about first, then its setting. */
const PRIORITY = { highlighted: 0, active: 10, country: 20, sea: 30, port: 40, city: 50 } as const;

const KINDS = new Set<PlaceKind>(['country', 'sea', 'city']);

/** The names of a places layer; features that are not names are skipped. */
export function placesOf(fc: FeatureCollection | undefined): Place[] {
  if (!fc) return [];
  const out: Place[] = [];
  for (const f of fc.features as Feature[]) {
    const p = f.properties ?? {};
    if (f.geometry?.type !== 'Point' || !KINDS.has(p.kind) || typeof p.name !== 'string') continue;
    const [lon = 0, lat = 0] = (f.geometry as Point).coordinates;
    out.push({
      kind: p.kind as PlaceKind,
      name: p.name,
      position: [lon, lat],
      minZoom: Number(p.minZoom ?? 0),
      maxZoom: Number(p.maxZoom ?? 22),
      rank: Number(p.rank ?? 0),
    });
  }
  return out;
}

/** The text as drawn ("CHINA"). */
const labelText = (text: string, kind: LabelKind) => (LABEL_STYLES[kind].upper ? text.toUpperCase() : text);

/** "Vladivostok" ≈ "vladivostok", "Artëm" ≈ "Artem". */
const normalName = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');

export interface MapLabel {
  kind: LabelKind;
  text: string;
  /** The point labelled, in pixels. */
  x: number;
  y: number;
}

export interface LabelScene {
  places: readonly Place[];
  ports: readonly Port[];
  /** Ports the voyages shown call at. */
  active: ReadonlySet<string>;
  /** A port whose profile is open: labelled first, even with port labels off. */
  highlighted?: string;
  showPortLabels: boolean;
  zoom: number;
  project: (lon: number, lat: number) => [number, number];
  /** Text width in pixels at scale `u`, as drawn (caps and spacing applied). */
  measure: (text: string, kind: LabelKind) => number;
  /** Size multiplier: 1 on screen, larger in a print-size export. */
  u?: number;
}

/** Radius of a port's dot (as drawn by the ports layer), for the room kept clear around it. */
const portRadius = (isActive: boolean, isHighlighted = false) => (isHighlighted ? 9 : isActive ? 6 : 4);

/** Boxes around the port dots: names do not cover a port. */
export function portObstacles({ ports, active, highlighted, project, u = 1 }: LabelScene): Box[] {
  return ports.map((p) => {
    const [x, y] = project(p.position[0], p.position[1]);
    const r = (portRadius(active.has(p.id), p.id === highlighted) + 0.5) * u;
    return [x - r, y - r, x + r, y + r];
  });
}

const CITY_DOT = 2.5;

/** Every label that could be drawn, with its priority and the spots it may take. */
export function labelRequests(scene: LabelScene): LabelRequest<MapLabel>[] {
  const { places, ports, active, highlighted, showPortLabels, zoom, project, measure, u = 1 } = scene;
  const requests: LabelRequest<MapLabel>[] = [];
  const portNames: { name: string; position: [number, number] }[] = [];
  const countries = new Map<string, LabelRequest<MapLabel>>();
  for (const p of ports) {
    const isHighlighted = p.id === highlighted;
    if (!showPortLabels && !isHighlighted) continue;
    const isActive = isHighlighted || active.has(p.id);
    const kind: LabelKind = isActive ? 'port-active' : 'port';
    const text = `${p.name}${p.approximate ? ' (approx.)' : ''}`;
    const [x, y] = project(p.position[0], p.position[1]);
    const size = LABEL_STYLES[kind].size * u;
    const gap = (portRadius(isActive, isHighlighted) + 3) * u;
    portNames.push({ name: normalName(p.name), position: p.position });
    requests.push({
      item: { kind, text, x, y },
      priority: isHighlighted ? PRIORITY.highlighted : isActive ? PRIORITY.active : PRIORITY.port,
      spots: pointSpots(x, y, measure(text, kind), size, gap, 2 * u),
    });
  }
  for (const place of places) {
    if (zoom < place.minZoom || zoom >= place.maxZoom) continue;
    // A town that a port label already names (Vladivostok, Nakhodka...) is named once.
    if (place.kind === 'city' && portNames.some((n) => n.name === normalName(place.name) && Math.abs(n.position[0] - place.position[0]) + Math.abs(n.position[1] - place.position[1]) < 0.3))
      continue;
    const text = labelText(place.name, place.kind);
    const [x, y] = project(place.position[0], place.position[1]);
    const width = measure(text, place.kind);
    const size = LABEL_STYLES[place.kind].size * u;
    let spots: Spot[];
    if (place.kind === 'country') {
      // A country has several points for a zoom: it is named once, at the first that has room.
      const key = `${place.name}|${place.minZoom}`;
      const same = countries.get(key);
      const mine = areaSpots(x, y, width, size, 3 * u);
      if (same) {
        same.spots = [...same.spots, ...mine];
        continue;
      }
      const request = { item: { kind: place.kind, text, x, y }, priority: PRIORITY.country, spots: mine };
      countries.set(key, request);
      requests.push(request);
      continue;
    }
    if (place.kind === 'city') {
      const dot = CITY_DOT * u;
      // The town's dot goes with its name: both or neither.
      spots = pointSpots(x, y, width, size, dot + 3 * u, 1.5 * u).map((s) => ({
        ...s,
        box: [Math.min(s.box[0], x - dot), Math.min(s.box[1], y - dot), Math.max(s.box[2], x + dot), Math.max(s.box[3], y + dot)] as Box,
      }));
    } else {
      spots = areaSpots(x, y, width, size, 3 * u);
    }
    requests.push({ item: { kind: place.kind, text, x, y }, priority: PRIORITY[place.kind] + (place.kind === 'city' ? place.rank : 0), spots });
  }
  return requests;
}
