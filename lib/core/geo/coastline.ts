import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';

/**
 * The coastline of clipped land polygons: their rings as lines, without the straight edges that
 * clipping laid along the data's bounding box (which are not coast, and would show as a frame
 * around the region when stroked).
 *
 * @example
 * coastline(landRegion); // { type: 'Feature', geometry: { type: 'MultiLineString', ... } }
 */
export function coastline(land: FeatureCollection<Polygon | MultiPolygon>): Feature<MultiLineString> {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  const rings: Position[][] = [];
  for (const f of land.features) {
    const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const polygon of polygons) {
      for (const ring of polygon) {
        rings.push(ring);
        for (const [x = 0, y = 0] of ring) {
          w = Math.min(w, x);
          e = Math.max(e, x);
          s = Math.min(s, y);
          n = Math.max(n, y);
        }
      }
    }
  }
  const onEdge = (a: Position, b: Position) =>
    (a[0] === w && b[0] === w) || (a[0] === e && b[0] === e) || (a[1] === s && b[1] === s) || (a[1] === n && b[1] === n);
  const lines: Position[][] = [];
  for (const ring of rings) {
    let current: Position[] = [];
    for (let i = 1; i < ring.length; i++) {
      const a = ring[i - 1] as Position;
      const b = ring[i] as Position;
      if (onEdge(a, b)) {
        if (current.length > 1) lines.push(current);
        current = [];
        continue;
      }
      if (current.length === 0) current.push(a);
      current.push(b);
    }
    if (current.length > 1) lines.push(current);
  }
  return { type: 'Feature', properties: {}, geometry: { type: 'MultiLineString', coordinates: lines } };
}
