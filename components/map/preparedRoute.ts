/**
 * routeStretch (lib/core/geo/routeStretch.ts) for a route sliced again and again, as playback
 * does at every frame: the route's cumulative great-circle length is measured once, and each
 * stretch is then a binary search and two interpolations (a few microseconds, against a quarter
 * of a millisecond for turf's length and slice on a 40-vertex route). The fractions mean the same
 * (of the length along great circles); within a segment the ends are interpolated in degrees,
 * which differs from the great circle by far less than a pixel over segments of a few kilometres.
 */
import type { LatLngTuple } from 'leaflet';
import type { Position } from 'geojson';

export interface PreparedRoute {
  /** [lat, lng], ready for Leaflet. */
  latlngs: LatLngTuple[];
  /** Length (radians of arc) from the first vertex to each vertex. */
  along: Float64Array;
}

const RAD = Math.PI / 180;

/** The arc between two [lon, lat] positions, in radians (the haversine, as turf's distance). */
function arc(a: Position, b: Position): number {
  const dLat = (b[1]! - a[1]!) * RAD;
  const dLon = (b[0]! - a[0]!) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1]! * RAD) * Math.cos(b[1]! * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * Math.atan2(Math.sqrt(h), Math.sqrt(1 - h));
}

export function prepareRoute(coordinates: readonly Position[]): PreparedRoute {
  const along = new Float64Array(coordinates.length);
  for (let i = 1; i < coordinates.length; i++) along[i] = along[i - 1]! + arc(coordinates[i - 1]!, coordinates[i]!);
  return { latlngs: coordinates.map((p): LatLngTuple => [p[1]!, p[0]!]), along };
}

/** The point at length `d` along the route, from segment `i` (along[i] ≤ d ≤ along[i + 1]). */
function pointAt(route: PreparedRoute, i: number, d: number): LatLngTuple {
  const a = route.latlngs[i]!;
  const b = route.latlngs[i + 1] ?? a;
  const span = (route.along[i + 1] ?? route.along[i]!) - route.along[i]!;
  const k = span > 0 ? (d - route.along[i]!) / span : 0;
  return [a[0] + k * (b[0] - a[0]), a[1] + k * (b[1] - a[1])];
}

/** The last vertex at or before length `d`. */
function segmentAt(along: Float64Array, d: number): number {
  let lo = 0;
  let hi = along.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (along[mid]! <= d) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(0, lo);
}

/**
 * The stretch between two fractions of the route's length, in [lat, lng]: clipped to [0, 1] and
 * taken in order; equal fractions give the one point, twice (as routeStretch does).
 */
export function stretchOf(route: PreparedRoute, from: number, to: number): LatLngTuple[] {
  const n = route.latlngs.length;
  if (n < 2) return route.latlngs.map((p): LatLngTuple => [p[0], p[1]]);
  const clip = (x: number) => Math.min(1, Math.max(0, Number.isFinite(x) ? x : 0));
  const total = route.along[n - 1]!;
  if (total === 0) return [route.latlngs[0]!, route.latlngs[0]!];
  const lo = clip(Math.min(from, to)) * total;
  const hi = clip(Math.max(from, to)) * total;
  const i = segmentAt(route.along, lo);
  const j = segmentAt(route.along, hi);
  const start = pointAt(route, i, lo);
  if (lo === hi) return [start, start];
  const out: LatLngTuple[] = [start];
  for (let k = i + 1; k <= j; k++) if (route.along[k]! > lo && route.along[k]! < hi) out.push(route.latlngs[k]!);
  out.push(pointAt(route, j, hi));
  return out;
}
