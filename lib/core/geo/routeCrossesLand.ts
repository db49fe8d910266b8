import { landIndex, type Land } from './landIndex';
import type { BerthToleranceOptions } from './types';
import type { Feature, LineString } from 'geojson';

/**
 * Whether any part of a route passes over land.
 *
 * Segments are taken as drawn on the map: straight lines in Web Mercator between vertices (what
 * Leaflet draws; over these short legs within ~0.2 nm of a straight line in lon/lat), and checked
 * against exactly the land polygons the map draws. A route crosses land when a segment meets a
 * coastline edge (touching counts) or lies on land ({@link landIndex}: an edge grid and exact
 * orientation tests).
 *
 * Berth tolerance: port reference points (World Port Index, 1′ ≈ 1 nm resolution) often sit on
 * land or on a quay at the land data's resolution. `ignoreWithinNmOfEnds` ignores only the parts
 * of the line inside a circle of that radius around its first and around its last point. Default
 * 0 (strict). `coastSlackNm` forgives land entered no deeper than that from the coast (recorded
 * tracks against the generalised coastline, see COAST_SLACK_NM); default 0.
 *
 * @param line - the route, a LineString geometry or Feature (not mutated)
 * @param land - land polygons (not mutated; an index is cached per object)
 * @param options - `{ ignoreWithinNmOfEnds, coastSlackNm }`
 * @returns true when the route passes over land outside the tolerance circles
 * @throws RangeError when a tolerance is negative or not a number
 * @example
 * routeCrossesLand({ type: 'LineString', coordinates: [[129.5, 40.5], [128.5, 40.0]] }, land); // true
 * routeCrossesLand(rajinToDunai, land, { ignoreWithinNmOfEnds: 1.5 }); // false
 */
export function routeCrossesLand(
  line: LineString | Feature<LineString>,
  land: Land,
  options: BerthToleranceOptions = {},
): boolean {
  const geometry = line.type === 'Feature' ? line.geometry : line;
  const coords = geometry.coordinates;
  const radiusNm = options.ignoreWithinNmOfEnds ?? 0;
  if (!(radiusNm >= 0)) throw new RangeError(`routeCrossesLand: ignoreWithinNmOfEnds must be ≥ 0, got ${radiusNm}`);
  const first = coords[0];
  const last = coords[coords.length - 1];
  if (!first || !last) throw new TypeError('routeCrossesLand: the line has no coordinates');
  const slackNm = options.coastSlackNm ?? 0;
  if (!(slackNm >= 0)) throw new RangeError(`routeCrossesLand: coastSlackNm must be ≥ 0, got ${slackNm}`);
  const ignore = radiusNm > 0 ? [{ center: first, radiusNm }, { center: last, radiusNm }] : [];
  return landIndex(land).crossesLand(coords, ignore, slackNm);
}
