import { length } from '@turf/length';
import { lineSliceAlong } from '@turf/line-slice-along';
import type { Position } from 'geojson';

/**
 * The stretch of a route between two fractions of its length (0 = its first vertex, 1 = its last),
 * measured along the great circles between vertices, as the route length is (routeLengthNm).
 * Equal fractions give one point repeated (a position, not a line); fractions are clipped to
 * [0, 1] and taken in order.
 *
 * @example
 * routeStretch([[130, 42], [130, 43]], 0.25, 0.5); // ≈ [[130, 42.25], [130, 42.5]]
 */
export function routeStretch(coordinates: readonly Position[], from: number, to: number): Position[] {
  if (coordinates.length < 2) return coordinates.map((p) => [p[0]!, p[1]!]);
  const clip = (x: number) => Math.min(1, Math.max(0, Number.isFinite(x) ? x : 0));
  const lo = clip(Math.min(from, to));
  const hi = clip(Math.max(from, to));
  const line = { type: 'Feature' as const, properties: {}, geometry: { type: 'LineString' as const, coordinates: coordinates.map((p) => [p[0]!, p[1]!]) } };
  const total = length(line, { units: 'nauticalmiles' });
  if (total === 0) return [line.geometry.coordinates[0]!, line.geometry.coordinates[0]!];
  const sliced = lineSliceAlong(line, lo * total, hi * total, { units: 'nauticalmiles' });
  return sliced.geometry.coordinates;
}
