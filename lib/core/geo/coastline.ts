import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';

/**
 * The coastline of clipped land polygons: their rings as lines, without the straight edges that
 * clipping laid along the data's bounding box (which are not coast, and would show as a frame
 * around the region when stroked). `cuts` names the boxes the data were clipped along, when that is
 * not simply the data's own bounding box (the world layer is cut around the region).
 *
 * @example
 * coastline(landRegion); // { type: 'Feature', geometry: { type: 'MultiLineString', ... } }
 */
export function coastline(land: FeatureCollection<Polygon | MultiPolygon>, cuts?: readonly (readonly [number, number, number, number])[]): Feature<MultiLineString> {
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
  const boxes = cuts ?? [[w, s, e, n] as const];
  const onEdge = (a: Position, b: Position) =>
    boxes.some(
      ([bw, bs, be, bn]) =>
        (a[0] === bw && b[0] === bw) || (a[0] === be && b[0] === be) || (a[1] === bs && b[1] === bs) || (a[1] === bn && b[1] === bn),
    );
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
