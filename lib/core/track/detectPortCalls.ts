import { assertTimeOrder } from './assertTimeOrder';
import type { ClassifiedPoint, DetectionParams, PortCallEvent, TrackPoint } from './types';
import { geofenceIndex, type GeofenceIndex } from '../geo/geofenceIndex';
import { greatCircleNm } from '../geo/greatCircleNm';
import type { GeofencedPort } from '../geo/types';

/**
 * A fix's speed in knots: its SOG, or, when the source gave none (GPX, KML), the lower of the
 * implied speeds to its neighbours (a ship that has just stopped is slow towards the next fix,
 * not the previous one). Neighbours at the same time are skipped; with none left it is unknown
 * (Infinity: not slow).
 */
function speedKnots(points: readonly TrackPoint[], i: number): number {
  const p = points[i] as TrackPoint;
  if (p.sog !== null) return p.sog;
  let best = Infinity;
  for (const q of [points[i - 1], points[i + 1]]) {
    if (!q) continue;
    const hours = Math.abs(p.t - q.t) / 3_600_000;
    if (hours > 0) best = Math.min(best, greatCircleNm([p.lon, p.lat], [q.lon, q.lat]) / hours);
  }
  return best;
}

/**
 * Port calls of one vessel: stays inside a port's geofence at low speed for a minimum dwell.
 *
 * The fixes are classified with {@link geofenceIndex} (the nearest port when geofences overlap),
 * except those whose `port` is already settled ({@link ClassifiedPoint}: on PostgreSQL the
 * database's answer), taken as they are; the index is built only when some fix is not settled.
 * A visit is a run of consecutive fixes inside the same port's geofence; its slow fixes are those
 * at or below `portCallMaxKnots` (a fix without SOG uses the implied speed, see above). A call runs
 * from the visit's first slow fix (arrival) to its last (departure) and counts when it lasts at
 * least `portCallMinDwellHours`. So:
 * - a silence, however long, between two fixes inside the same geofence does not split the call
 *   (the ship was seen in port on both sides; detectGaps still reports the silence, and
 *   possibleDarkPortCalls what could have happened in it);
 * - a moving fix inside the same geofence (a berth shift) does not split it either;
 * - a fix outside the geofence (or in another port's) ends the visit;
 * - passing through at speed gives no slow fix, hence no call.
 * `fixes` counts every fix from arrival to departure.
 *
 * @param points - one vessel's fixes in time order, perhaps with their `port` settled (not mutated)
 * @param ports - ports with circular geofences (not mutated)
 * @param params - `portCallMaxKnots`, `portCallMinDwellHours`
 * @returns the calls in time order
 * @throws RangeError when the points are not in time order
 * @example
 * detectPortCalls(points, ports, DEFAULT_DETECTION);
 * // [{ kind: 'port_call', portId: 'rajin', arrival: 1707091200000, departure: 1707112800000, dwellHours: 6, fixes: 13 }]
 */
export function detectPortCalls(
  points: readonly ClassifiedPoint[],
  ports: readonly GeofencedPort[],
  params: Pick<DetectionParams, 'portCallMaxKnots' | 'portCallMinDwellHours'>,
): PortCallEvent[] {
  assertTimeOrder(points, 'detectPortCalls');
  let index: GeofenceIndex | undefined;
  const calls: PortCallEvent[] = [];
  let visitPort: string | null = null;
  let first = -1;
  let last = -1;
  const close = () => {
    if (visitPort !== null && first >= 0) {
      const arrival = (points[first] as TrackPoint).t;
      const departure = (points[last] as TrackPoint).t;
      const dwellHours = (departure - arrival) / 3_600_000;
      if (dwellHours >= params.portCallMinDwellHours) {
        calls.push({ kind: 'port_call', portId: visitPort, arrival, departure, dwellHours, fixes: last - first + 1 });
      }
    }
    first = -1;
    last = -1;
  };
  for (let i = 0; i < points.length; i++) {
    const p = points[i] as ClassifiedPoint;
    const portId = p.port !== undefined ? p.port : (index ??= geofenceIndex(ports)).classifyLonLat(p.lon, p.lat);
    if (portId !== visitPort) {
      close();
      visitPort = portId;
    }
    if (portId !== null && speedKnots(points, i) <= params.portCallMaxKnots) {
      if (first < 0) first = i;
      last = i;
    }
  }
  close();
  return calls;
}
