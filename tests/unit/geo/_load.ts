// Shared loaders for the lib/core/geo tests (not a test file itself).
import fs from 'node:fs';
import path from 'node:path';
import type { Land } from '@/lib/core/geo';
import type { GeofencedPort, SeaWaypoint } from '@/lib/core/geo';

const root = path.resolve(__dirname, '../../..');
const readJson = <T>(rel: string): T => JSON.parse(fs.readFileSync(path.join(root, rel), 'utf8')) as T;

export const land = readJson<Land>('data/basemap/land-region.geojson');
export const waypoints = readJson<{ waypoints: SeaWaypoint[] }>('data/basemap/sea-waypoints.json').waypoints;
export const ports = readJson<{ ports: GeofencedPort[] }>('tests/fixtures/geo/ports.json').ports;
export const port = (id: string): GeofencedPort => {
  const p = ports.find((x) => x.id === id);
  if (!p) throw new Error(`no test port ${id}`);
  return p;
};

/** Independent haversine on turf's sphere (R = 3440.065 nm), for checking distances. */
export function haversineNm(a: number[], b: number[]): number {
  const rad = Math.PI / 180;
  const [lon1 = 0, lat1 = 0] = a;
  const [lon2 = 0, lat2 = 0] = b;
  const h = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * 3440.065 * Math.asin(Math.sqrt(h));
}

export { mulberry32 } from '@/scripts/bench/random';
