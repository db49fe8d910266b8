import { greatCircleNm } from './greatCircleNm';
import type { GeofencedPort } from './types';
import type { Position } from 'geojson';

/** The nearest port to a position, its great-circle distance and whether it is inside its geofence. */
export interface NearestPortResult<P extends GeofencedPort> {
  port: P;
  distanceNm: number;
  insideGeofence: boolean;
}

/**
 * Finds the port nearest to a position (great-circle, spherical: within about 0.5% of WGS84).
 * Ties go to the port listed first. Generic over the port type, so callers get their own type back.
 *
 * @param position - `[lon, lat]`
 * @param ports - candidate ports
 * @returns the nearest port with its distance, or null when `ports` is empty
 * @example
 * nearestPort([131.9, 43.1], ports); // { port: { id: 'vladivostok', ... }, distanceNm: 0.7, insideGeofence: true }
 */
export function nearestPort<P extends GeofencedPort>(position: Position, ports: readonly P[]): NearestPortResult<P> | null {
  let best: NearestPortResult<P> | null = null;
  for (const port of ports) {
    const distanceNm = greatCircleNm(position, port.position);
    if (best === null || distanceNm < best.distanceNm) {
      best = { port, distanceNm, insideGeofence: distanceNm <= port.geofenceRadiusNm };
    }
  }
  return best;
}
