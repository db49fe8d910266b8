import { greatCircleNm } from './greatCircleNm';
import type { GeofencedPort } from './types';
import type { Position } from 'geojson';

/**
 * Whether a position lies inside a port's circular geofence (boundary included), using the
 * spherical great-circle distance (within about 0.5% of WGS84).
 *
 * @param position - `[lon, lat]`
 * @param port - anything with `position` and `geofenceRadiusNm`
 * @returns true when the distance to the port is ≤ its geofence radius
 * @example
 * isInsideGeofence([130.31, 42.24], { id: 'rajin', position: [130.3, 42.233333], geofenceRadiusNm: 3 }); // true
 */
export function isInsideGeofence(position: Position, port: Pick<GeofencedPort, 'position' | 'geofenceRadiusNm'>): boolean {
  return greatCircleNm(position, port.position) <= port.geofenceRadiusNm;
}
