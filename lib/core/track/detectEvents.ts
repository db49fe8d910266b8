import { detectGaps } from './detectGaps';
import { detectPortCalls } from './detectPortCalls';
import { possibleDarkPortCalls } from './possibleDarkPortCalls';
import type { ClassifiedPoint, DetectionParams, SeaDistanceNm, TrackEvent, TrackPoint } from './types';
import type { GeofencedPort } from '../geo/types';

const KIND_ORDER = { port_call: 0, gap: 1, possible_port_call: 2 } as const;
const startOf = (e: TrackEvent) => (e.kind === 'port_call' ? e.arrival : e.kind === 'gap' ? e.from.t : e.gap.from.t);

function validPoint(p: TrackPoint): boolean {
  return (
    Number.isFinite(p.t) &&
    Number.isFinite(p.lon) && p.lon >= -180 && p.lon <= 180 &&
    Number.isFinite(p.lat) && p.lat >= -90 && p.lat <= 90 &&
    (p.sog === null || (Number.isFinite(p.sog) && p.sog >= 0))
  );
}

/**
 * All detected events of one vessel: port calls ({@link detectPortCalls}), AIS gaps
 * ({@link detectGaps}) and, within those gaps, possible dark port calls
 * ({@link possibleDarkPortCalls}), in one list ordered by start (arrival, or the fix before the
 * gap), then port call before gap before possible calls, those by margin.
 *
 * Checks its input first and says what to fix: every point needs a finite time, a longitude in
 * [−180, 180], a latitude in [−90, 90] and a SOG that is null or ≥ 0; every parameter must be a
 * finite number ≥ 0 (darkTopSpeedKnots > 0). Points out of time order are sorted on a copy (a
 * stable sort by time: an import may interleave files); points at the same time are all kept.
 * Nothing given is mutated.
 *
 * @param points - one vessel's fixes, any order (not mutated); a fix whose `port` is set has its
 *   geofence settled already and is not classified again ({@link ClassifiedPoint})
 * @param ports - ports with circular geofences (not mutated)
 * @param params - detection parameters (DEFAULT_DETECTION unless the user chose others)
 * @param seaDistanceNm - shortest distance by sea, nautical miles (Infinity when none)
 * @returns the events, ordered as above
 * @throws RangeError naming the first bad point or parameter
 * @example
 * detectEvents(points, ports, DEFAULT_DETECTION, seaDistanceNm);
 * // [{ kind: 'port_call', portId: 'rajin', … }, { kind: 'gap', hours: 20, … }, { kind: 'possible_port_call', portId: 'dunai', … }, …]
 */
export function detectEvents(
  points: readonly ClassifiedPoint[],
  ports: readonly GeofencedPort[],
  params: DetectionParams,
  seaDistanceNm: SeaDistanceNm,
): TrackEvent[] {
  if (!Array.isArray(points)) throw new RangeError('detectEvents: points must be an array of { t, lon, lat, sog, cog }');
  for (const key of ['portCallMaxKnots', 'portCallMinDwellHours', 'gapMinHours', 'darkTopSpeedKnots', 'darkMinPortHours'] as const) {
    const value = params[key];
    if (!(Number.isFinite(value) && value >= 0) || (key === 'darkTopSpeedKnots' && value === 0)) {
      throw new RangeError(`detectEvents: ${key} must be a finite number ${key === 'darkTopSpeedKnots' ? '> 0' : '≥ 0'}, got ${String(value)}`);
    }
  }
  let sorted = true;
  for (let i = 0; i < points.length; i++) {
    const p = points[i] as TrackPoint;
    if (!validPoint(p)) {
      throw new RangeError(`detectEvents: point ${i} (${JSON.stringify(p)}) needs a finite t, lon in [-180, 180], lat in [-90, 90] and sog null or ≥ 0; drop or fix it`);
    }
    if (i > 0 && p.t < (points[i - 1] as TrackPoint).t) sorted = false;
  }
  const ordered = sorted ? points : [...points].sort((a, b) => a.t - b.t);

  const calls = detectPortCalls(ordered, ports, params);
  const gaps = detectGaps(ordered, params, seaDistanceNm);
  const possible = possibleDarkPortCalls(gaps, ports, params, seaDistanceNm);
  const events: TrackEvent[] = [...calls, ...gaps, ...possible];
  // Stable: possible calls keep their margin order within a gap.
  return events.sort((a, b) => startOf(a) - startOf(b) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
}
