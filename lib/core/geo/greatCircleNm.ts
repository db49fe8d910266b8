import { distance } from '@turf/distance';
import type { Position } from 'geojson';

/**
 * Great-circle distance between two positions, in nautical miles.
 *
 * Uses turf's haversine on a sphere of radius 6,371,008.8 m (3,440.065 nm): within about 0.5%
 * of the WGS84 ellipsoid (geodesic) distance. Fine for proximity and for the distances shown to a
 * reader, who should be told it is spherical.
 *
 * @param a - `[lon, lat]` in degrees
 * @param b - `[lon, lat]` in degrees
 * @returns distance in nautical miles (≥ 0)
 * @example
 * greatCircleNm([130.3, 42.233333], [132.3375, 42.88028]); // ≈ 97.4 (Rajin → Dunai)
 */
export function greatCircleNm(a: Position, b: Position): number {
  return distance(a, b, { units: 'nauticalmiles' });
}
