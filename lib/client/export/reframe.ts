/**
 * Moving an export's frame: panning it by pixels of the image, zooming it about a point, and
 * reading the ground under a rectangle of the live map. All in Web Mercator, the projection both
 * the map and the image are drawn in, so a frame moved here is drawn exactly as shown. Pure.
 */
import type { Bbox } from '@/lib/core/domain/view-state';
import { mercX, mercY, unmercY } from './projection';

const MAX_LAT = 85.05;
const toMerc = ([w, s, e, n]: Bbox) => ({ left: mercX(w), right: mercX(e), top: mercY(n), bottom: mercY(s) });
const clampLat = (lat: number) => Math.max(-MAX_LAT, Math.min(MAX_LAT, lat));

function fromMerc(left: number, top: number, right: number, bottom: number): Bbox {
  // Keep the frame on the one world the map shows: slide it back inside ±180° rather than wrap.
  const width = Math.min(right - left, 1);
  const l = Math.max(0, Math.min(1 - width, left));
  return [l * 360 - 180, clampLat(unmercY(bottom)), (l + width) * 360 - 180, clampLat(unmercY(top))];
}

/**
 * The frame moved so that what was `dx`, `dy` image pixels right and down now sits where the frame
 * began (a drag of the picture by (-dx, -dy)); `scale` is the image's pixels per Mercator unit.
 */
export function panBbox(bbox: Bbox, dx: number, dy: number, scale: number): Bbox {
  const m = toMerc(bbox);
  const mx = dx / scale;
  const my = dy / scale;
  return fromMerc(m.left + mx, m.top + my, m.right + mx, m.bottom + my);
}

/**
 * The frame zoomed by `factor` (2: twice as close) about a point given as fractions of its width
 * and height (0.5, 0.5: the centre), which stays where it is.
 */
export function zoomBbox(bbox: Bbox, factor: number, at: [number, number] = [0.5, 0.5]): Bbox {
  const m = toMerc(bbox);
  const ax = m.left + (m.right - m.left) * at[0];
  const ay = m.top + (m.bottom - m.top) * at[1];
  const f = 1 / factor;
  return fromMerc(ax + (m.left - ax) * f, ay + (m.top - ay) * f, ax + (m.right - ax) * f, ay + (m.bottom - ay) * f);
}

export interface PixelRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The ground under `rect` (pixels of a map `size` pixels large that shows `view`): what a frame
 * drawn over the live map holds.
 */
export function bboxUnderRect(view: Bbox, size: { width: number; height: number }, rect: PixelRect): Bbox {
  const m = toMerc(view);
  const sx = (m.right - m.left) / size.width;
  const sy = (m.bottom - m.top) / size.height;
  return fromMerc(m.left + rect.left * sx, m.top + rect.top * sy, m.left + (rect.left + rect.width) * sx, m.top + (rect.top + rect.height) * sy);
}

/** The largest rectangle of aspect `ratio` (width / height) inside `size` less `margin` all round, centred. */
export function fitAspect(size: { width: number; height: number }, ratio: number, margin: number): PixelRect {
  const aw = Math.max(1, size.width - 2 * margin);
  const ah = Math.max(1, size.height - 2 * margin);
  const width = Math.min(aw, ah * ratio);
  const height = width / ratio;
  return { left: (size.width - width) / 2, top: (size.height - height) / 2, width, height };
}
