import type { DetectionParams, GapEvent, PossiblePortCallEvent, SeaDistanceNm } from './types';
import { greatCircleNm } from '../geo/greatCircleNm';
import type { GeofencedPort } from '../geo/types';

/**
 * The ports a ship could have called at while dark: for each gap, every port it could have
 * reached from the last fix, stayed in for `darkMinPortHours`, and left again to reach the next
 * fix in time, sailing by sea at `darkTopSpeedKnots`:
 * `marginHours = hours − (inNm + outNm) / darkTopSpeedKnots − darkMinPortHours ≥ 0`.
 * Distances run to and from the port's reference position (not its geofence edge), so the margin
 * is on the safe side. Every port is considered, including one the ship was last or next seen in.
 *
 * Ports whose great-circle in + out distance already cannot fit are skipped before the sea
 * distance is asked for (a sea route is never shorter than the great circle), so 1,000 ports
 * cost about 2,000 great-circle distances per gap plus sea distances for the few that may fit.
 * `seaDistanceNm` is always called as (fix, port position): the gap's last fix, then its next fix,
 * so an implementation can run one shortest-path search per fix and answer every port from it.
 *
 * @param gaps - gaps of one vessel (detectGaps; not mutated)
 * @param ports - candidate ports (not mutated)
 * @param params - `darkTopSpeedKnots` (> 0), `darkMinPortHours`
 * @param seaDistanceNm - shortest distance by sea, nautical miles (Infinity when none)
 * @returns per gap in the order given, its possible calls by margin, largest first (ties by port id)
 * @example
 * possibleDarkPortCalls(gaps, ports, DEFAULT_DETECTION, seaDistanceNm);
 * // [{ kind: 'possible_port_call', portId: 'dunai', gap: { from, to }, inNm: 104.2, outNm: 38.1, marginHours: 7.8 }, …]
 */
export function possibleDarkPortCalls(
  gaps: readonly Pick<GapEvent, 'from' | 'to' | 'hours'>[],
  ports: readonly GeofencedPort[],
  params: Pick<DetectionParams, 'darkTopSpeedKnots' | 'darkMinPortHours'>,
  seaDistanceNm: SeaDistanceNm,
): PossiblePortCallEvent[] {
  const top = params.darkTopSpeedKnots;
  if (!(top > 0)) throw new RangeError(`possibleDarkPortCalls: darkTopSpeedKnots must be > 0, got ${top}`);
  const out: PossiblePortCallEvent[] = [];
  for (const gap of gaps) {
    // Sailing budget in nautical miles once the time in port is set aside.
    const budgetNm = (gap.hours - params.darkMinPortHours) * top;
    if (!(budgetNm >= 0)) continue;
    const from: [number, number] = [gap.from.lon, gap.from.lat];
    const to: [number, number] = [gap.to.lon, gap.to.lat];
    const found: PossiblePortCallEvent[] = [];
    for (const port of ports) {
      const at: [number, number] = [port.position[0], port.position[1]];
      if (greatCircleNm(from, at) + greatCircleNm(at, to) > budgetNm) continue;
      const inNm = seaDistanceNm(from, at);
      if (!(inNm <= budgetNm)) continue;
      // The fix first both times (distances are symmetric), so a caller can keep one shortest-path tree per fix.
      const outNm = seaDistanceNm(to, at);
      const marginHours = gap.hours - (inNm + outNm) / top - params.darkMinPortHours;
      if (!(marginHours >= 0)) continue;
      found.push({
        kind: 'possible_port_call',
        portId: port.id,
        gap: { from: { t: gap.from.t, lon: gap.from.lon, lat: gap.from.lat }, to: { t: gap.to.t, lon: gap.to.lon, lat: gap.to.lat } },
        inNm,
        outNm,
        marginHours,
      });
    }
    found.sort((a, b) => b.marginHours - a.marginHours || (a.portId < b.portId ? -1 : a.portId > b.portId ? 1 : 0));
    out.push(...found);
  }
  return out;
}
