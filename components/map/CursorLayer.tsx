'use client';
import L from 'leaflet';
import type { Position } from 'geojson';
import { useContext, useEffect, useMemo, useRef } from 'react';
import { useMap } from 'react-leaflet';
import type { VoyageFeatures } from '@/lib/client/api';
import type { TimeCursor } from '@/lib/client/time/cursor';
import { formatDay } from '@/lib/core/domain/display';
import { hedgedVesselName } from '@/lib/core/domain/hedges';
import { CURSOR_STYLE } from '@/lib/core/domain/legend';
import { TimeCursorContext } from '../timeCursor';
import { type CursorTimes, progressAt, useVoyageTimes } from './cursorStates';
import { type PreparedRoute, prepareRoute, stretchOf } from './preparedRoute';

interface Props {
  voyages: VoyageFeatures;
  onSelect: (id: string) => void;
  onHover: (id: string | null) => void;
}

interface Route {
  coordinates: Position[];
  /** Measured the first time the voyage is under way at the cursor. */
  prepared: PreparedRoute | null;
  vessel: string;
}

/** One voyage's stretch on the map: a band, or a dot where the stretch has no length. */
interface Drawn {
  band: L.Polyline;
  dot: L.CircleMarker;
  shown: L.Path | null;
  from: number;
  to: number;
  text: string;
}

const BAND: L.PolylineOptions = {
  color: CURSOR_STYLE.stretchColor,
  opacity: CURSOR_STYLE.stretchOpacity,
  weight: CURSOR_STYLE.stretchWeight,
  lineCap: 'round',
  lineJoin: 'round',
};
const DOT: L.CircleMarkerOptions = {
  radius: CURSOR_STYLE.stretchDotRadius,
  color: '#fff',
  weight: 2,
  fillColor: CURSOR_STYLE.stretchColor,
  fillOpacity: 0.85,
};

/** "Lady R could have been on this stretch on 6 Feb 2024 (possibly under way)", in lines. */
function stretchText(vessel: string, day: string, state: 'possible' | 'certain', point: boolean): string[] {
  return [vessel, `could have been ${point ? 'here' : 'on this stretch'}`, `on ${formatDay(day)} (${state === 'certain' ? 'certainly' : 'possibly'} under way)`];
}

/** The lines as a tooltip (Leaflet's tooltips do not wrap, and a long line runs off a phone). */
function tipContent(lines: readonly string[]): HTMLElement {
  const el = document.createElement('div');
  lines.forEach((line, i) => {
    if (i > 0) el.append(document.createElement('br'));
    // A space before each break, so the text reads as one sentence to a screen reader and a test.
    el.append(i < lines.length - 1 ? `${line} ` : line);
  });
  return el;
}

/**
 * Where each ship could have been at the time cursor: for every voyage possibly or certainly under
 * way, the stretch of its route between the lowest and highest progress its windows allow
 * (lib/core/time/possibleProgress), a wide translucent band over the route.
 *
 * Playback moves the cursor up to 60 times a second, so this draws outside React: it subscribes to
 * the cursor store itself and moves its layers (setLatLngs) on the map's one canvas renderer, and
 * re-renders only when the voyages change.
 */
export default function CursorLayer({ voyages, onSelect, onHover }: Props) {
  const map = useMap();
  const store = useContext(TimeCursorContext);
  const times = useVoyageTimes(voyages);
  const routes = useMemo(
    () =>
      new Map(
        voyages.features.map((f): [string, Route] => [
          f.properties.id,
          { coordinates: f.geometry.coordinates, prepared: null, vessel: hedgedVesselName(f.properties.vessel?.name ?? null, f.properties) },
        ]),
      ),
    [voyages],
  );
  const handlers = useRef({ onSelect, onHover });
  useEffect(() => {
    handlers.current = { onSelect, onHover };
  }, [onSelect, onHover]);

  useEffect(() => {
    if (!store) return;
    // The overlay pane: the map's shared canvas renderer (a pane of its own would add a canvas).
    const group = L.layerGroup().addTo(map);
    const drawn = new Map<string, Drawn>();
    const make = (id: string): Drawn => {
      const events = {
        click: () => handlers.current.onSelect(id),
        mouseover: () => handlers.current.onHover(id),
        mouseout: () => handlers.current.onHover(null),
      };
      const band = L.polyline([], BAND).on(events).bindTooltip('', { sticky: true, className: 'cursor-stretch-tip' });
      const dot = L.circleMarker([0, 0], DOT).on(events).bindTooltip('', { className: 'cursor-stretch-tip' });
      return { band, dot, shown: null, from: NaN, to: NaN, text: '' };
    };
    const draw = () => drawCursor(store.get(), times, routes, drawn, group, make);
    draw();
    const unsubscribe = store.subscribe(draw);
    return () => {
      unsubscribe();
      group.remove();
    };
  }, [map, store, times, routes]);
  return null;
}

/** Moves, shows and hides the stretches for the cursor now; layers are made once per voyage and reused. */
function drawCursor(
  cursor: TimeCursor | null,
  times: CursorTimes,
  routes: ReadonlyMap<string, Route>,
  drawn: Map<string, Drawn>,
  group: L.LayerGroup,
  make: (id: string) => Drawn,
): void {
  const seen = new Set<string>();
  if (cursor) {
    for (const [id, t] of times) {
      const p = progressAt(t, cursor);
      if (p.state !== 'possible' && p.state !== 'certain') continue;
      const route = routes.get(id);
      if (!route) continue;
      seen.add(id);
      let d = drawn.get(id);
      if (!d) drawn.set(id, (d = make(id)));
      const point = p.from === p.to;
      const layer = point ? d.dot : d.band;
      if (p.from !== d.from || p.to !== d.to) {
        // routeStretch's fractions, on the route measured once (preparedRoute.ts): playback slices it at every frame.
        route.prepared ??= prepareRoute(route.coordinates);
        const stretch = stretchOf(route.prepared, p.from, p.to);
        if (point) d.dot.setLatLng(stretch[0]!);
        else d.band.setLatLngs(stretch);
        d.from = p.from;
        d.to = p.to;
      }
      if (d.shown !== layer) {
        if (d.shown) group.removeLayer(d.shown);
        group.addLayer(layer);
        d.shown = layer;
      }
      const lines = stretchText(route.vessel, cursor.day, p.state, point);
      const text = lines.join(' ');
      if (text !== d.text) {
        d.band.setTooltipContent(tipContent(lines));
        d.dot.setTooltipContent(tipContent(lines));
        d.text = text;
      }
    }
  }
  for (const [id, d] of drawn) {
    if (seen.has(id) || !d.shown) continue;
    group.removeLayer(d.shown);
    d.shown = null;
  }
}
