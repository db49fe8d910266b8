import { length } from '@turf/length';
import type { LineString } from 'geojson';

/**
 * Length of a route in nautical miles: the sum of the great-circle distances between consecutive
 * vertices (spherical, within about 0.5% of WGS84). A vertex-to-vertex segment drawn on the map is
 * straight in Web Mercator rather than a great circle; over the short legs of the regional sea
 * graph the two lengths differ by far less than the 0.5% spherical error.
 *
 * @param line - a GeoJSON LineString of `[lon, lat]` positions
 * @returns length in nautical miles (0 for a single repeated point)
 * @example
 * routeLengthNm({ type: 'LineString', coordinates: [[130.3, 42.2], [130.3, 43.2]] }); // ≈ 60.04
 */
export function routeLengthNm(line: LineString): number {
  return length({ type: 'Feature', properties: {}, geometry: line }, { units: 'nauticalmiles' });
}
