'use client';
import type { CSSProperties } from 'react';
import { useEffect, useMemo, useReducer, useState } from 'react';
import { createPortal } from 'react-dom';
import { useMap, useMapEvents } from 'react-leaflet';
import { useBasemap } from '@/lib/client/api';
import { COLORS } from '@/lib/core/domain/map-style';
import type { Port } from '@/lib/core/domain/schemas';
import { type Box, declutter, textBox } from '@/lib/core/geo/declutter';
import { LABEL_STYLES, type LabelKind, type LabelScene, labelRequests, placesOf, portObstacles } from '@/lib/core/domain/places';

interface Props {
  ports: readonly Port[];
  active: ReadonlySet<string>;
  highlighted?: string;
  showPortLabels: boolean;
  /** Names of countries, seas and towns: not over raster tiles, which have their own. */
  showPlaces: boolean;
}

const PANE = 'labels';

/** Text widths measured in the map's own font, so that the boxes placed are the boxes drawn. */
function measurer(fontFamily: string) {
  const ctx = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  const cache = new Map<string, number>();
  return (text: string, kind: LabelKind) => {
    const key = `${kind}\u0000${text}`;
    let w = cache.get(key);
    if (w === undefined) {
      const s = LABEL_STYLES[kind];
      if (ctx) {
        ctx.font = `${s.italic ? 'italic ' : ''}${s.weight} ${s.size}px ${fontFamily}`;
        w = ctx.measureText(text).width + s.spacing * s.size * text.length;
      } else w = text.length * s.size * 0.6;
      cache.set(key, w);
    }
    return w;
  };
}

/** What sits over the map (its controls, the legend): boxes in layer pixels that labels keep clear of. */
function overlays(container: HTMLElement, origin: { x: number; y: number }): Box[] {
  const frame = container.getBoundingClientRect();
  const boxes: Box[] = [];
  for (const el of document.querySelectorAll('.leaflet-control, .legend')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.right <= frame.left || r.left >= frame.right || r.bottom <= frame.top || r.top >= frame.bottom) continue;
    boxes.push([r.left - frame.left + origin.x, r.top - frame.top + origin.y, r.right - frame.left + origin.x, r.bottom - frame.top + origin.y]);
  }
  return boxes;
}

const DOT: CSSProperties = { position: 'absolute', width: 5, height: 5, borderRadius: '50%', background: COLORS.cityLabel, boxShadow: '0 0 0 1px #fff' };

const HALO = '0 0 2px #fff, 0 0 2px #fff, 0 0 3px #fff';

const styleOf = (kind: LabelKind, box: Box): CSSProperties => {
  const s = LABEL_STYLES[kind];
  const isPort = kind === 'port' || kind === 'port-active';
  return {
    position: 'absolute',
    boxSizing: 'border-box',
    padding: 0,
    whiteSpace: 'nowrap',
    textAlign: 'center',
    textShadow: isPort ? undefined : HALO,
    left: box[0],
    top: box[1],
    width: box[2] - box[0],
    height: box[3] - box[1],
    lineHeight: `${box[3] - box[1]}px`,
    fontSize: s.size,
    fontWeight: s.weight,
    fontStyle: s.italic ? 'italic' : undefined,
    letterSpacing: s.spacing ? `${s.spacing}em` : undefined,
    color: s.color,
  };
};

/**
 * Every name on the live map (ports, countries, seas, towns), placed by priority so that none covers
 * another or a port (the same rule as the exported image, lib/core/geo/places.ts), again after each
 * move and zoom. Drawn in a pane that takes no pointer events: a label never steals a route's click.
 */
export default function PlaceLabels({ ports, active, highlighted, showPortLabels, showPlaces }: Props) {
  const map = useMap();
  const placesLayer = useBasemap('places');
  const places = useMemo(() => placesOf(placesLayer.data), [placesLayer.data]);
  const [view, redraw] = useReducer((n: number) => n + 1, 0);
  const pane = useMemo(() => {
    const existing = map.getPane(PANE);
    if (existing) return existing;
    const created = map.createPane(PANE);
    created.style.zIndex = '470';
    created.style.pointerEvents = 'none';
    return created;
  }, [map]);
  // The labels are placed for one zoom: hidden while the map animates to the next, then placed again.
  const [animating, setAnimating] = useState(false);
  useMapEvents({
    zoomstart: () => setAnimating(true),
    // Leaflet ends every zoom with a moveend too: placing the labels there alone places them once.
    zoomend: () => setAnimating(false),
    moveend: redraw,
    resize: redraw,
    viewreset: redraw,
  });
  const measure = useMemo(() => measurer(getComputedStyle(map.getContainer()).fontFamily), [map]);
  // Placed again once the page around has drawn (the legend grows with the voyages shown) and
  // whenever the legend opens, closes or changes size.
  useEffect(() => {
    const frame = requestAnimationFrame(redraw);
    const legend = document.querySelector('.legend');
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => redraw());
    if (legend) observer?.observe(legend);
    return () => {
      cancelAnimationFrame(frame);
      observer?.disconnect();
    };
  }, [active, ports, places]);

  const labels = useMemo(() => {
    void view;
    const size = map.getSize();
    const origin = map.containerPointToLayerPoint([0, 0]);
    const scene: LabelScene = {
      places: showPlaces ? places : [],
      ports,
      active,
      highlighted,
      showPortLabels,
      zoom: map.getZoom(),
      project: (lon, lat) => {
        const p = map.latLngToLayerPoint([lat, lon]);
        return [p.x, p.y];
      },
      measure,
    };
    const bounds: Box = [origin.x, origin.y, origin.x + size.x, origin.y + size.y];
    return declutter(labelRequests(scene), [...portObstacles(scene), ...overlays(map.getContainer(), origin)], bounds);
  }, [view, map, places, showPlaces, ports, active, highlighted, showPortLabels, measure]);

  return createPortal(
    <div className="place-labels" style={animating ? { visibility: 'hidden' } : undefined}>
      {labels.map(({ item, spot }, i) => {
        const isPort = item.kind === 'port' || item.kind === 'port-active';
        // A port's label keeps its white ground over the room placed for it; a name sits on its text.
        const box = isPort ? spot.box : textBox(spot, measure(item.text, item.kind), LABEL_STYLES[item.kind].size);
        return (
          <span key={`${i}:${item.kind}:${item.text}`}>
            {item.kind === 'city' && <span className="place-dot" style={{ ...DOT, left: item.x - 2.5, top: item.y - 2.5 }} />}
            <span
              className={isPort ? `map-label port-label${item.kind === 'port-active' ? ' port-label-active' : ''}` : `map-label place-label place-${item.kind}`}
              data-kind={item.kind}
              style={styleOf(item.kind, box)}
            >
              {item.text}
            </span>
          </span>
        );
      })}
    </div>,
    pane,
  );
}
