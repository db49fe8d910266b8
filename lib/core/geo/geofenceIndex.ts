import { distance } from '@turf/distance';
import KDBush from 'kdbush';
import type { GeofencedPort } from './types';
import type { Position } from 'geojson';

/** An indexed geofence classifier (see {@link geofenceIndex}). */
export interface GeofenceIndex {
  /** Id of the port whose geofence contains the position (nearest if several), or null. */
  classify(position: Position): string | null;
  /** {@link GeofenceIndex.classify} for many positions, in order. */
  classifyAll(positions: readonly Position[]): (string | null)[];
}

/** turf's sphere, in nautical miles. */
const EARTH_NM = 3440.065;
/** Grid cell size in degrees; each cell keeps the ports whose geofence may reach it. */
const CELL_DEG = 0.05;

/**
 * Builds an indexed classifier for many positions against many circular port geofences. Ports go
 * into a KDBush index; a coarse grid over the ports' reach stores, per cell, the candidate ports a
 * conservative KDBush range query returns for that cell, so most positions are rejected by one
 * array lookup. Candidates then get the exact turf great-circle test, with the same comparison and
 * tie-breaking as {@link classifyPositionsNaive}, so both return identical results.
 *
 * @param ports - ports with circular geofences (not mutated)
 * @returns `{ classify, classifyAll }`
 * @example
 * const index = geofenceIndex(ports);
 * index.classify([130.31, 42.24]); // 'rajin'
 */
export function geofenceIndex(ports: readonly GeofencedPort[]): GeofenceIndex {
  const list = ports.map((p) => ({ id: p.id, position: [p.position[0], p.position[1]] as [number, number], r: p.geofenceRadiusNm }));
  const empty: GeofenceIndex = { classify: () => null, classifyAll: (ps) => ps.map(() => null) };
  if (list.length === 0) return empty;

  const kd = new KDBush(list.length);
  for (const p of list) kd.add(p.position[0], p.position[1]);
  kd.finish();

  // Conservative angular reach of the largest geofence (+1% and a small absolute margin).
  const maxR = Math.max(...list.map((p) => p.r));
  const dLat = ((maxR / EARTH_NM) * 180) / Math.PI * 1.01 + 1e-6;
  const lats = list.map((p) => p.position[1]);
  const maxAbsLat = Math.min(89, Math.max(...lats.map(Math.abs)) + dLat + CELL_DEG);
  const dLon = Math.min(180, dLat / Math.cos((maxAbsLat * Math.PI) / 180));

  const lons = list.map((p) => p.position[0]);
  const west = Math.min(...lons) - dLon;
  const south = Math.min(...lats) - dLat;
  const cols = Math.max(1, Math.ceil((Math.max(...lons) + dLon - west) / CELL_DEG));
  const rows = Math.max(1, Math.ceil((Math.max(...lats) + dLat - south) / CELL_DEG));
  // Compressed rows: the candidates of cell k are flat[start[k] .. start[k + 1]).
  const start = new Uint32Array(cols * rows + 1);
  const flatList: number[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const x0 = west + c * CELL_DEG;
      const y0 = south + r * CELL_DEG;
      const ids = kd.range(x0 - dLon, y0 - dLat, x0 + CELL_DEG + dLon, y0 + CELL_DEG + dLat).sort((a, b) => a - b);
      flatList.push(...ids);
      start[r * cols + c + 1] = flatList.length;
    }
  }
  const flat = Uint32Array.from(flatList);

  const classify = (position: Position): string | null => {
    const c = Math.floor(((position[0] as number) - west) / CELL_DEG);
    const r = Math.floor(((position[1] as number) - south) / CELL_DEG);
    if (c < 0 || r < 0 || c >= cols || r >= rows) return null;
    const k = r * cols + c;
    const from = start[k] as number;
    const to = start[k + 1] as number;
    if (from === to) return null;
    let bestId: string | null = null;
    let bestD = Infinity;
    for (let j = from; j < to; j++) {
      const port = list[flat[j] as number] as (typeof list)[number];
      const d = distance(position, port.position, { units: 'nauticalmiles' });
      if (d <= port.r && d < bestD) {
        bestD = d;
        bestId = port.id;
      }
    }
    return bestId;
  };
  const classifyAll = (positions: readonly Position[]): (string | null)[] => {
    const out: (string | null)[] = new Array(positions.length);
    for (let i = 0; i < positions.length; i++) out[i] = classify(positions[i] as Position);
    return out;
  };
  return { classify, classifyAll };
}
