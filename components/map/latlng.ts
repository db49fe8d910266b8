/**
 * The one place coordinates change order. Everything outside `components/map` (domain, API, URL)
 * is GeoJSON `[lon, lat]` with bboxes `[west, south, east, north]`; Leaflet wants `[lat, lng]`.
 * Layers convert through these functions, never with an inline swap.
 */
import type { LatLng, LatLngBounds, LatLngBoundsLiteral, LatLngTuple } from 'leaflet';
import type { Position } from '@/lib/core/domain/schemas';
import type { Bbox } from '@/lib/core/domain/view-state';

/** GeoJSON `[lon, lat]` (extra values such as altitude ignored) to Leaflet `[lat, lng]`. */
export function toLatLng(position: readonly number[]): LatLngTuple {
  const [lon, lat] = position;
  if (lon === undefined || lat === undefined) {
    throw new Error(`toLatLng: a position needs [lon, lat], got [${position.join(', ')}]`);
  }
  return [lat, lon];
}

/** `[west, south, east, north]` to Leaflet's `[[south, west], [north, east]]`. */
export function toLatLngBounds([west, south, east, north]: Bbox): LatLngBoundsLiteral {
  return [
    [south, west],
    [north, east],
  ];
}

/** A Leaflet point back to GeoJSON `[lon, lat]`. */
export function fromLatLng(latlng: LatLng): Position {
  return [latlng.lng, latlng.lat];
}

/** Leaflet bounds back to `[west, south, east, north]`. */
export function fromLatLngBounds(bounds: LatLngBounds): Bbox {
  return [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()];
}
