/**
 * Web Mercator, the projection Leaflet draws in, fitted to a pixel rectangle. Pure.
 */
import type { Bbox } from '@/lib/core/domain/view-state';

const EARTH_CIRCUMFERENCE_M = 40_075_016.686;

export function mercX(lon: number): number {
  return (lon + 180) / 360;
}
export function mercY(lat: number): number {
  const r = (Math.max(-85.0511, Math.min(85.0511, lat)) * Math.PI) / 180;
  return (1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2;
}
export function unmercY(y: number): number {
  return (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;
}

export interface Frame {
  /** [lon, lat] → [x, y] pixels in the frame's coordinate system. */
  project(lon: number, lat: number): [number, number];
  /** Pixels per world unit (the world is 1 × 1 in Mercator units). */
  scale: number;
  /** Metres per pixel along the parallel through the frame's centre. */
  metresPerPixel: number;
  /** The ground actually shown, which contains the bbox asked for. */
  bbox: Bbox;
}

/**
 * Fits `bbox` inside the rectangle (x0, y0, width, height), centred, keeping the whole bbox in
 * view (so the frame shows a little more ground along one axis when the aspect ratios differ).
 */
export function fitFrame(bbox: Bbox, x0: number, y0: number, width: number, height: number): Frame {
  const [w, s, e, n] = bbox;
  const left = mercX(w);
  const right = mercX(e);
  const top = mercY(n);
  const bottom = mercY(s);
  const scale = Math.min(width / (right - left), height / (bottom - top));
  const cx = (left + right) / 2;
  const cy = (top + bottom) / 2;
  const project = (lon: number, lat: number): [number, number] => [
    x0 + width / 2 + (mercX(lon) - cx) * scale,
    y0 + height / 2 + (mercY(lat) - cy) * scale,
  ];
  const centreLat = unmercY(cy);
  const halfW = width / 2 / scale;
  const halfH = height / 2 / scale;
  return {
    project,
    scale,
    metresPerPixel: (EARTH_CIRCUMFERENCE_M * Math.cos((centreLat * Math.PI) / 180)) / scale,
    bbox: [(cx - halfW) * 360 - 180, unmercY(cy + halfH), (cx + halfW) * 360 - 180, unmercY(cy - halfH)],
  };
}
