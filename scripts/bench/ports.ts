/**
 * The geofence benches' ports: the real ones of tests/fixtures/geo/ports.json, and those plus
 * seeded synthetic ports (1–3 nm geofences) spread over the region's box.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { GeofencedPort } from '../../lib/core/geo';

/** The region the benches draw positions and synthetic ports in: [west, south, east, north]. */
export const BBOX = [127, 38.5, 136, 45] as const;

/** A random point in BBOX, drawn from `rand`. */
export function pointIn(rand: () => number): [number, number] {
  return [BBOX[0] + rand() * (BBOX[2] - BBOX[0]), BBOX[1] + rand() * (BBOX[3] - BBOX[1])];
}

/** The real ports with their geofences. */
export const realPorts: GeofencedPort[] = (
  JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../tests/fixtures/geo/ports.json'), 'utf8')) as { ports: GeofencedPort[] }
).ports;

/** The real ports and seeded synthetic ones up to `count`, drawn from `rand` (the caller's draws stay in the order it makes them). */
export function seededPorts(count: number, rand: () => number): GeofencedPort[] {
  return [
    ...realPorts,
    ...Array.from({ length: count - realPorts.length }, (_, i) => ({ id: `synthetic-${i}`, position: pointIn(rand), geofenceRadiusNm: 1 + rand() * 2 })),
  ];
}
