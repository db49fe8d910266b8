import { distance } from '@turf/distance';
import type { GeofencedPort } from './types';
import type { Position } from 'geojson';

/** An indexed geofence classifier (see {@link geofenceIndex}). */
export interface GeofenceIndex {
  /** Id of the port whose geofence contains the position (nearest if several), or null. */
  classify(position: Position): string | null;
  /** {@link GeofenceIndex.classify} without building a position array (for millions of fixes). */
  classifyLonLat(lon: number, lat: number): string | null;
  /** {@link GeofenceIndex.classify} for many positions, in order. */
  classifyAll(positions: readonly Position[]): (string | null)[];
}

/** turf's sphere, in nautical miles. */
const EARTH_NM = 3440.065;
/** Finest grid cell, degrees (3 nm of latitude): finer grids measured slower (cache misses on the larger grid). */
const MIN_CELL_DEG = 0.05;
/** At most this many cells, so ports spread over the whole globe still index in a few MB. */
const MAX_CELLS = 1 << 20;
const RAD = Math.PI / 180;
/** Nautical miles per degree on turf's sphere (R = 6,371,008.8 m), for the flat-earth pre-test. */
const FLAT_NM_PER_DEG = (6_371_008.8 / 1852) * RAD;

/**
 * Builds an indexed classifier for many positions against many circular port geofences.
 *
 * Each port gets a conservative lon/lat box around its circle (its angular radius +1% and a small
 * absolute margin; the longitude half-width divided by the cosine at the circle's poleward edge).
 * A uniform grid over all boxes stores, per cell, the ports whose box meets the cell (compressed
 * rows, in the order the ports were given), so a position far from every port is rejected by one
 * array lookup and a position near some gets a box test per candidate. For those in their box, a
 * flat-earth distance with a per-port error bound settles the clear cases: clearly outside every
 * circle, or clearly inside exactly one. Anything closer to an edge, or inside several circles,
 * gets the exact turf great-circle test, with the same comparison and tie-breaking as
 * {@link classifyPositionsNaive}, so both return identical results.
 *
 * @param ports - ports with circular geofences (not mutated)
 * @returns `{ classify, classifyLonLat, classifyAll }`
 * @example
 * const index = geofenceIndex(ports);
 * index.classify([130.31, 42.24]); // 'rajin'
 * index.classifyLonLat(131, 40); // null
 */
export function geofenceIndex(ports: readonly GeofencedPort[]): GeofenceIndex {
  const n = ports.length;
  const ids = ports.map((p) => p.id);
  const positions = ports.map((p): Position => [p.position[0], p.position[1]]);
  const lon = Float64Array.from(ports, (p) => p.position[0]);
  const lat = Float64Array.from(ports, (p) => p.position[1]);
  const radius = Float64Array.from(ports, (p) => p.geofenceRadiusNm);
  const halfLat = new Float64Array(n);
  const halfLon = new Float64Array(n);
  const cosLat = Float64Array.from(ports, (p) => Math.cos(p.position[1] * RAD));
  // Relative error bound of the flat-earth distance within a port's box: the cosine taken at the
  // port rather than midway (≤ tan(lat)·Δlat/2, doubled) plus the flat-vs-sphere term, with room.
  const flatError = new Float64Array(n);
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (let i = 0; i < n; i++) {
    // A port the naive scan can never match (radius or position not a number) gets no cells.
    if (!(Number.isFinite(lon[i]) && Number.isFinite(lat[i]) && (radius[i] as number) >= 0 && Number.isFinite(radius[i]))) {
      halfLat[i] = -1;
      continue;
    }
    const dLat = (radius[i] as number) / EARTH_NM / RAD * 1.01 + 1e-6;
    const poleward = Math.min(89, Math.abs(lat[i] as number) + dLat);
    halfLat[i] = dLat;
    halfLon[i] = Math.min(180, dLat / Math.cos(poleward * RAD));
    flatError[i] = 1e-4 + Math.tan(poleward * RAD) * dLat * RAD + (dLat * RAD) ** 2;
    west = Math.min(west, (lon[i] as number) - (halfLon[i] as number));
    east = Math.max(east, (lon[i] as number) + (halfLon[i] as number));
    south = Math.min(south, (lat[i] as number) - dLat);
    north = Math.max(north, (lat[i] as number) + dLat);
  }
  if (!(east >= west && north >= south)) {
    return { classify: () => null, classifyLonLat: () => null, classifyAll: (ps) => ps.map(() => null) };
  }

  const cell = Math.max(MIN_CELL_DEG, Math.sqrt(((east - west) * (north - south)) / MAX_CELLS));
  const cols = Math.max(1, Math.ceil((east - west) / cell));
  const rows = Math.max(1, Math.ceil((north - south) / cell));
  const colOf = (x: number) => Math.min(cols - 1, Math.max(0, Math.floor((x - west) / cell)));
  const rowOf = (y: number) => Math.min(rows - 1, Math.max(0, Math.floor((y - south) / cell)));
  // Two passes over the cells each box covers: count, then fill (compressed rows).
  const start = new Uint32Array(cols * rows + 1);
  const visit = (fn: (k: number, i: number) => void) => {
    for (let i = 0; i < n; i++) {
      if ((halfLat[i] as number) < 0) continue;
      const c0 = colOf((lon[i] as number) - (halfLon[i] as number));
      const c1 = colOf((lon[i] as number) + (halfLon[i] as number));
      const r0 = rowOf((lat[i] as number) - (halfLat[i] as number));
      const r1 = rowOf((lat[i] as number) + (halfLat[i] as number));
      for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) fn(r * cols + c, i);
    }
  };
  visit((k) => {
    start[k + 1] = (start[k + 1] as number) + 1;
  });
  for (let k = 0; k < cols * rows; k++) start[k + 1] = (start[k + 1] as number) + (start[k] as number);
  const flat = new Uint32Array(start[cols * rows] as number);
  const fill = start.slice(0, cols * rows);
  visit((k, i) => {
    flat[fill[k] as number] = i;
    fill[k] = (fill[k] as number) + 1;
  });

  /** The exact answer: turf's distance to every candidate whose box holds the position. */
  const exact = (x: number, y: number, from: number, to: number): string | null => {
    const here: Position = [x, y];
    let best = -1;
    let bestD = Infinity;
    for (let j = from; j < to; j++) {
      const i = flat[j] as number;
      if (Math.abs(y - (lat[i] as number)) > (halfLat[i] as number) || Math.abs(x - (lon[i] as number)) > (halfLon[i] as number)) continue;
      const d = distance(here, positions[i] as Position, { units: 'nauticalmiles' });
      // Ascending port order within a cell keeps the naive scan's tie-breaking (first listed wins).
      if (d <= (radius[i] as number) && d < bestD) {
        bestD = d;
        best = i;
      }
    }
    return best < 0 ? null : (ids[best] as string);
  };
  const perCell = 1 / cell;
  const classifyLonLat = (x: number, y: number): string | null => {
    const fx = (x - west) * perCell;
    const fy = (y - south) * perCell;
    // Also false for NaN; after it, truncation is floor.
    if (!(fx >= 0 && fy >= 0 && fx < cols && fy < rows)) return null;
    const k = (fy | 0) * cols + (fx | 0);
    const from = start[k] as number;
    const to = start[k + 1] as number;
    if (from === to) return null;
    let only = -1;
    let clear = false;
    for (let j = from; j < to; j++) {
      const i = flat[j] as number;
      const dy = y - (lat[i] as number);
      const dx = x - (lon[i] as number);
      if (Math.abs(dy) > (halfLat[i] as number) || Math.abs(dx) > (halfLon[i] as number)) continue;
      const flatNm = FLAT_NM_PER_DEG * Math.sqrt(dy * dy + dx * dx * (cosLat[i] as number) * (cosLat[i] as number));
      const e = flatError[i] as number;
      if (flatNm > (radius[i] as number) * (1 + e)) continue;
      if (only >= 0) return exact(x, y, from, to);
      only = i;
      clear = flatNm < (radius[i] as number) * (1 - e);
    }
    if (only < 0) return null;
    return clear ? (ids[only] as string) : exact(x, y, from, to);
  };
  const classify = (position: Position): string | null => classifyLonLat(position[0] as number, position[1] as number);
  const classifyAll = (list: readonly Position[]): (string | null)[] => {
    const out: (string | null)[] = new Array(list.length);
    for (let i = 0; i < list.length; i++) {
      const p = list[i] as Position;
      out[i] = classifyLonLat(p[0] as number, p[1] as number);
    }
    return out;
  };
  return { classify, classifyLonLat, classifyAll };
}
