'use client';
import L from 'leaflet';
import { COLORS } from '@/lib/core/domain/map-style';
import { type TrackModel, fixIndex, nearestFix, pixelAt } from './model';
import { tooltipLines } from '../tooltipLines';
import { fixLines } from './text';

/** Within this many pixels of a fix, the pointer is on it. */
const REACH_PX = 8;
/** The hovered fix's ring, on a canvas of its own (moving it must not redraw a million fixes). */
const HOVER_PANE = 'trackHover';

/** requestIdleCallback where the browser has it (Safari has not), else a timeout. */
const whenIdle = (run: () => void): number => (typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 2000 }) : window.setTimeout(run, 200));
const cancelIdle = (id: number): void => (typeof cancelIdleCallback === 'function' ? cancelIdleCallback(id) : window.clearTimeout(id));

/** The fix nearest a point of the map's container over all tracks, within reach: [model, index] or null. */
function fixAt(map: L.Map, models: readonly TrackModel[], at: L.Point): [TrackModel, number] | null {
  const zoom = map.getZoom();
  const px = pixelAt(zoom);
  const p = map.project(map.containerPointToLatLng(at), zoom);
  const x = p.x * px;
  const y = p.y * px;
  const radius = REACH_PX * px;
  let best: [TrackModel, number] | null = null;
  let bestSq = Infinity;
  for (const model of models) {
    const i = nearestFix(model, x, y, radius);
    if (i < 0) continue;
    const dx = model.xy[2 * i]! - x;
    const dy = model.xy[2 * i + 1]! - y;
    if (dx * dx + dy * dy < bestSq) {
      bestSq = dx * dx + dy * dy;
      best = [model, i];
    }
  }
  return best;
}

/**
 * Each fix's time on hover: the map's mouse moves (at most one probe a frame, none while the map
 * moves) ask the tracks' spatial indexes for the nearest fix, which gets a ring and a tooltip with
 * its time (UTC), speed and course. Returns the unsubscribe.
 */
export function hoverFixes(map: L.Map, models: readonly TrackModel[]): () => void {
  const pane = map.getPane(HOVER_PANE) ?? map.createPane(HOVER_PANE);
  pane.style.zIndex = '395';
  pane.style.pointerEvents = 'none';
  const renderer = L.canvas({ pane: HOVER_PANE });
  const ring = L.circleMarker([0, 0], { renderer, pane: HOVER_PANE, radius: 5, color: '#fff', weight: 2, fillColor: COLORS.route, fillOpacity: 1, interactive: false });
  const tip = L.tooltip({ direction: 'top', offset: [0, -8], className: 'track-fix-tip' });
  let frame = 0;
  let pointer: L.Point | null = null;
  let moving = false;
  let shown: string | null = null;
  const hide = () => {
    if (shown === null) return;
    shown = null;
    ring.remove();
    map.closeTooltip(tip);
  };
  const probe = () => {
    frame = 0;
    const hit = pointer && !moving ? fixAt(map, models, pointer) : null;
    if (!hit) return hide();
    const [model, i] = hit;
    const key = `${model.vesselId}:${i}`;
    if (key === shown) return;
    shown = key;
    const ll = L.latLng(model.dto.coords[2 * i + 1]!, model.dto.coords[2 * i]!);
    ring.setLatLng(ll);
    if (!map.hasLayer(ring)) ring.addTo(map);
    tip.setContent(tooltipLines(fixLines(model, i)));
    tip.setLatLng(ll);
    if (!map.hasLayer(tip)) map.openTooltip(tip);
  };
  const move = (e: L.LeafletMouseEvent) => {
    pointer = e.containerPoint;
    frame ||= requestAnimationFrame(probe);
  };
  const out = () => {
    pointer = null;
    frame ||= requestAnimationFrame(probe);
  };
  const start = () => {
    moving = true;
    hide();
  };
  const end = () => {
    moving = false;
  };
  // The tracks' indexes are built while the page is idle after the draw, one track a time, so
  // that the first hover (often the start of a drag) does not wait for them; a hover before then
  // builds what it needs.
  let next = 0;
  let idle = 0;
  const build = () => {
    idle = 0;
    if (next >= models.length) return;
    fixIndex(models[next++]!);
    idle = whenIdle(build);
  };
  idle = whenIdle(build);
  map.on('mousemove', move);
  map.on('mouseout', out);
  map.on('movestart zoomstart', start);
  map.on('moveend zoomend', end);
  return () => {
    cancelIdle(idle);
    cancelAnimationFrame(frame);
    map.off('mousemove', move);
    map.off('mouseout', out);
    map.off('movestart zoomstart', start);
    map.off('moveend zoomend', end);
    hide();
    renderer.remove();
  };
}
