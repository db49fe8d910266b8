import { landIndex, type Land } from './landIndex';
import type { BerthToleranceOptions } from './types';
import type { Feature, LineString } from 'geojson';

/**
 * Whether any part of a route passes over land.
 *
 * Segments are taken as drawn on the map: straight lines in Web Mercator between vertices (what
 * Leaflet draws; over these short legs within ~0.2 nm of a straight line in lon/lat), and checked
 * against exactly the land polygons the map draws. A route crosses land when a segment meets a
 * coastline edge (`@turf/line-intersect`, touching counts) or a vertex lies on land
 * (`@turf/boolean-point-in-polygon`), with a bbox prefilter per polygon and per chunk of edges.
 *
 * Berth tolerance: port reference points (World Port Index, 1′ ≈ 1 nm resolution) often sit on
 * land or on a quay at the land data's resolution. `ignoreWithinNmOfEnds` ignores only the parts
 * of the line inside a circle of that radius around its first and around its last point. Default
 * 0 (strict).
 *
 * @param line - the route, a LineString geometry or Feature (not mutated)
 * @param land - land polygons (not mutated; an index is cached per object)
 * @param options - `{ ignoreWithinNmOfEnds }`
 * @returns true when the route passes over land outside the tolerance circles
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
  const ignore = radiusNm > 0 ? [{ center: first, radiusNm }, { center: last, radiusNm }] : [];
  return landIndex(land).crossesLand(coords, ignore);
}
