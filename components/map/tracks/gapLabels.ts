'use client';
import L from 'leaflet';
import { gapLabel } from '@/lib/core/track/gapLabel';
import { type TrackModel, pixelAt } from './model';

/** A gap's label is shown when its connector is at least this long on screen (else it would hide it). */
const LABEL_MIN_PX = 70;
/** At most this many labels at once: a million fixes can hold thousands of gaps. */
const MAX_LABELS = 40;
/** A label's box for the overlap test, pixels (a "3 d 4 h silent" label and a margin). */
const BOX_W = 104;
const BOX_H = 26;

interface Candidate {
  model: TrackModel;
  from: number;
  hours: number;
  x: number;
  y: number;
  lengthPx: number;
}

/**
 * Labels the gaps in view with their duration ("20 h silent") at the middle of their connector:
 * the longest first, none over another, at most MAX_LABELS, placed again after each move and zoom.
 * A label is made once per gap, when first shown. Returns the unsubscribe.
 */
export function labelGaps(map: L.Map, models: readonly TrackModel[]): () => void {
  const made = new Map<string, L.Tooltip>();
  const shown = new Set<string>();
  const place = () => {
    const zoom = map.getZoom();
    const scale = 1 / pixelAt(zoom);
    const size = map.getSize();
    const candidates: Candidate[] = [];
    for (const model of models) {
      const xy = model.xy;
      for (const gap of model.gaps) {
        const a = 2 * gap.from;
        const lengthPx = Math.hypot(xy[a + 2]! - xy[a]!, xy[a + 3]! - xy[a + 1]!) * scale;
        if (lengthPx < LABEL_MIN_PX) continue;
        const middle = map.layerPointToContainerPoint(
          L.point(((xy[a]! + xy[a + 2]!) / 2) * scale, ((xy[a + 1]! + xy[a + 3]!) / 2) * scale).subtract(map.getPixelOrigin()),
        );
        if (middle.x < 0 || middle.y < 0 || middle.x > size.x || middle.y > size.y) continue;
        candidates.push({ model, from: gap.from, hours: gap.hours, x: middle.x, y: middle.y, lengthPx });
      }
    }
    candidates.sort((p, q) => q.lengthPx - p.lengthPx);
    const placed: Candidate[] = [];
    for (const c of candidates) {
      if (placed.length === MAX_LABELS) break;
      if (placed.some((p) => Math.abs(p.x - c.x) < BOX_W && Math.abs(p.y - c.y) < BOX_H)) continue;
      placed.push(c);
    }
    const keep = new Set<string>();
    for (const c of placed) {
      const key = `${c.model.vesselId}:${c.from}`;
      keep.add(key);
      if (shown.has(key)) continue;
      let tooltip = made.get(key);
      if (!tooltip) {
        const [a, b] = [2 * c.from, 2 * c.from + 2];
        // The middle on screen (Mercator), between the two fixes.
        const middle = map.unproject(L.point(((c.model.xy[a]! + c.model.xy[b]!) / 2) * scale, ((c.model.xy[a + 1]! + c.model.xy[b + 1]!) / 2) * scale), zoom);
        tooltip = L.tooltip({ permanent: true, direction: 'center', className: 'track-gap-label', interactive: false }).setLatLng(middle).setContent(gapLabel(c.hours));
        made.set(key, tooltip);
      }
      tooltip.addTo(map);
      shown.add(key);
    }
    for (const key of [...shown]) {
      if (keep.has(key)) continue;
      made.get(key)?.remove();
      shown.delete(key);
    }
  };
  place();
  map.on('moveend zoomend', place);
  return () => {
    map.off('moveend zoomend', place);
    for (const tooltip of made.values()) tooltip.remove();
  };
}
