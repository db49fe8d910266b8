/**
 * Reads the committed basemap layers from `data/basemap/`. Server-only; read once per process.
 * The map draws exactly these polygons, and `routeCrossesLand` checks routes against them.
 */
import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { BasemapLayerId } from '@/lib/core/domain/query';

/** One file per layer id the API accepts (lib/core/domain/query.ts): a missing or extra one fails the typecheck. */
const BASEMAP_LAYERS = {
  land: 'land-region.geojson',
  world: 'world.geojson',
  borders: 'borders.geojson',
  places: 'places.geojson',
} as const satisfies Record<BasemapLayerId, string>;
type BasemapLayer = keyof typeof BASEMAP_LAYERS;

const cache = new Map<string, string>();

function dataDir(): string {
  return path.join(process.cwd(), 'data', 'basemap');
}

/** The layer's GeoJSON text, as committed. */
export function basemapText(layer: BasemapLayer): string {
  let text = cache.get(layer);
  if (text === undefined) {
    text = fs.readFileSync(path.join(dataDir(), BASEMAP_LAYERS[layer]), 'utf8');
    cache.set(layer, text);
  }
  return text;
}

export function basemapLand(): FeatureCollection<Polygon | MultiPolygon> {
  return JSON.parse(basemapText('land')) as FeatureCollection<Polygon | MultiPolygon>;
}

export function seaWaypointsJson(): unknown {
  return JSON.parse(fs.readFileSync(path.join(dataDir(), 'sea-waypoints.json'), 'utf8'));
}
