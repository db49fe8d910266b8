import { distance } from '@turf/distance';
import type { GeofencedPort } from './types';
import type { Position } from 'geojson';

/**
 * Naive geofence classification: for each position, scans every port with turf's great-circle
 * distance and returns the id of the port whose geofence (boundary included) contains it, the
 * nearest one if several do (ties: the port listed first), or null. O(positions × ports); the
 * reference for {@link geofenceIndex}.
 *
 * @param positions - `[lon, lat]` positions (not mutated)
 * @param ports - ports with circular geofences (not mutated)
 * @returns one port id or null per position, in order
 * @example
 * classifyPositionsNaive([[130.31, 42.24], [131, 40]], ports); // ['rajin', null]
 */
export function classifyPositionsNaive(positions: readonly Position[], ports: readonly GeofencedPort[]): (string | null)[] {
  return positions.map((p) => {
    let bestId: string | null = null;
    let bestD = Infinity;
    for (const port of ports) {
      const d = distance(p, port.position, { units: 'nauticalmiles' });
      if (d <= port.geofenceRadiusNm && d < bestD) {
        bestD = d;
        bestId = port.id;
      }
    }
    return bestId;
  });
}
