'use client';
import L from 'leaflet';
import type { Position } from 'geojson';
import { useContext, useEffect, useMemo } from 'react';
import { useMap } from 'react-leaflet';
import type { VoyageFeatures } from '@/lib/client/api';
import type { TimeCursor } from '@/lib/client/time/cursor';
import { formatDay } from '@/lib/core/domain/display';
import { hedgedVesselName } from '@/lib/core/domain/hedges';
import { CURSOR_STYLE } from '@/lib/core/domain/legend';
import { COLORS, INFERRED_DASH } from '@/lib/core/domain/map-style';
import { type VoyageTimes, possibleProgressOnDay } from '@/lib/core/time/possibleProgress';
import { TimeCursorContext } from '../timeCursor';
import { type CursorTimes, progressAt, useVoyageTimes } from './cursorStates';
import { type PreparedRoute, prepareRoute, stretchOf } from './preparedRoute';
import { tooltipLines } from './tooltipLines';

interface Props {
  voyages: VoyageFeatures;
}

interface Route {
  coordinates: Position[];
  inferred: boolean;
  /** Measured the first time the voyage is under way at the cursor. */
  prepared: PreparedRoute | null;
  vessel: string;
}

/** One voyage's stretch on the map: a band, or a dot where the stretch has no length. */
interface Drawn {
  vessel: string;
  /** While playing: the route itself, styled as under way (the routes' pane is faded meanwhile). */
  line: L.Polyline;
  lineShown: boolean;
  band: L.Polyline;
  dot: L.CircleMarker;
  shown: L.Path | null;
  from: number;
  to: number;
  state: 'possible' | 'certain';
}

/** The stretches' own pane and canvas, above the routes (overlayPane, 400) and under the ports (450). */
const PANE = 'cursor';

const BAND: L.PolylineOptions = {
  color: CURSOR_STYLE.stretchColor,
  opacity: CURSOR_STYLE.stretchOpacity,
  weight: CURSOR_STYLE.stretchWeight,
  lineCap: 'round',
  lineJoin: 'round',
  interactive: false,
  pane: PANE,
};
/** The routes' pane while playing: every route faded, those under way drawn over it here. */
const PLAYING_ROUTES_OPACITY = 0.3;

const LINE: L.PolylineOptions = {
  color: COLORS.route,
  weight: CURSOR_STYLE.possibleWeight,
  opacity: 1,
  lineCap: 'butt',
  interactive: false,
  pane: PANE,
};
const DOT: L.CircleMarkerOptions = {
  radius: CURSOR_STYLE.stretchDotRadius,
  color: '#fff',
  weight: 2,
  fillColor: CURSOR_STYLE.stretchColor,
  fillOpacity: 0.85,
  interactive: false,
  pane: PANE,
};

/** "Lady R could have been on this stretch on 6 Feb 2024 (possibly under way)", in lines. */
function stretchText(vessel: string, day: string, state: 'possible' | 'certain', point: boolean): string[] {
  return [vessel, `could have been ${point ? 'here' : 'on this stretch'}`, `on ${formatDay(day)} (${state === 'certain' ? 'certainly' : 'possibly'} under way)`];
}

/**
 * Where each ship could have been at the time cursor: for every voyage possibly or certainly under
 * way, the stretch of its route between the lowest and highest progress its windows allow
 * (lib/core/time/possibleProgress), a wide translucent band over the route.
 *
 * Playback moves the cursor up to 60 times a second, so this draws outside React: it subscribes to
 * the cursor store itself and moves its layers (setLatLngs), made once per voyage, on one canvas
 * renderer of its own. On the routes' canvas every frame would redraw every route and arrow under
 * the stretches (2,000 voyages: 3 frames a second); on its own, a frame redraws the stretches
 * alone. Its pane lets the pointer through to the routes below, and the stretches' hover is tested
 * here, from the map's mouse moves.
 */
export default function CursorLayer({ voyages }: Props) {
  const map = useMap();
  const store = useContext(TimeCursorContext);
  const times = useVoyageTimes(voyages);
  const routes = useMemo(
    () =>
      new Map(
        voyages.features.map((f): [string, Route] => [
          f.properties.id,
          { coordinates: f.geometry.coordinates, inferred: f.properties.routeKind === 'inferred', prepared: null, vessel: hedgedVesselName(f.properties.vessel?.name ?? null, f.properties) },
        ]),
      ),
    [voyages],
  );

  useEffect(() => {
    if (!store) return;
    const pane = map.getPane(PANE) ?? map.createPane(PANE);
    pane.style.zIndex = '420';
    pane.style.pointerEvents = 'none';
    const renderer = L.canvas({ pane: PANE });
    const group = L.layerGroup().addTo(map);
    const drawn = new Map<string, Drawn>();
    const make = (route: Route): Drawn => ({
      vessel: route.vessel,
      line: L.polyline(
        route.coordinates.map((c): L.LatLngTuple => [c[1]!, c[0]!]),
        { ...LINE, dashArray: route.inferred ? INFERRED_DASH : undefined, renderer },
      ),
      lineShown: false,
      band: L.polyline([], { ...BAND, renderer }),
      dot: L.circleMarker([0, 0], { ...DOT, renderer }),
      shown: null,
      from: NaN,
      to: NaN,
      state: 'possible',
    });
    const routesPane = map.getPane('overlayPane');
    // The voyages under way at some time on the cursor's day (the windows' ends are midnights, so
    // this list holds all day): playback then looks at these at each frame, not at every voyage.
    let listed: { day: string; times: CursorTimes } | null = null;
    const underWay = (day: string): CursorTimes => {
      if (listed?.day !== day) {
        const on = new Map<string, VoyageTimes>();
        for (const [id, t] of times) {
          const state = possibleProgressOnDay(t, day).state;
          if (state === 'possible' || state === 'certain') on.set(id, t);
        }
        listed = { day, times: on };
      }
      return listed.times;
    };
    const draw = () => {
      const cursor = store.get();
      // While playing, the routes' own styles stay those of the resting day (restyling thousands
      // redraws their whole canvas): the pane fades as a whole, and the routes under way at each
      // instant are drawn here, on this canvas, over it.
      if (routesPane) routesPane.style.opacity = cursor?.playing ? String(PLAYING_ROUTES_OPACITY) : '';
      drawCursor(cursor, cursor ? underWay(cursor.day) : times, routes, drawn, group, make);
    };
    draw();
    const unsubscribe = store.subscribe(draw);
    const unhover = hoverStretches(map, drawn, () => store.get()?.day ?? null);
    return () => {
      if (routesPane) routesPane.style.opacity = '';
      unsubscribe();
      unhover();
      group.remove();
      renderer.remove();
    };
  }, [map, store, times, routes]);
  return null;
}

/** Within this many pixels of a band's edge or a dot's, the pointer is on it. */
const REACH = 3;

/** The stretch under a point of the map's container, the last drawn (on top) first. */
function stretchAt(map: L.Map, drawn: ReadonlyMap<string, Drawn>, at: L.Point): Drawn | null {
  let hit: Drawn | null = null;
  for (const d of drawn.values()) {
    if (d.shown === d.dot) {
      if (map.latLngToContainerPoint(d.dot.getLatLng()).distanceTo(at) <= CURSOR_STYLE.stretchDotRadius + REACH) hit = d;
    } else if (d.shown === d.band) {
      const r = CURSOR_STYLE.stretchWeight / 2 + REACH;
      const bounds = d.band.getBounds();
      const sw = map.latLngToContainerPoint(bounds.getSouthWest());
      const ne = map.latLngToContainerPoint(bounds.getNorthEast());
      if (at.x < sw.x - r || at.x > ne.x + r || at.y > sw.y + r || at.y < ne.y - r) continue;
      const px = (d.band.getLatLngs() as L.LatLng[]).map((ll) => map.latLngToContainerPoint(ll));
      if (px.slice(1).some((p, i) => L.LineUtil.pointToSegmentDistance(at, px[i]!, p) <= r)) hit = d;
    }
  }
  return hit;
}

/** A tooltip over the stretch under the pointer (tested once a frame at most); returns the unsubscribe. */
function hoverStretches(map: L.Map, drawn: ReadonlyMap<string, Drawn>, day: () => string | null): () => void {
  const tip = L.tooltip({ direction: 'top', offset: [0, -12], className: 'cursor-stretch-tip' });
  let frame = 0;
  let pointer: L.Point | null = null;
  let text = '';
  const probe = () => {
    frame = 0;
    const d = pointer && day() ? stretchAt(map, drawn, pointer) : null;
    if (!d || !pointer) {
      if (map.hasLayer(tip)) map.closeTooltip(tip);
      text = '';
      return;
    }
    const lines = stretchText(d.vessel, day()!, d.state, d.shown === d.dot);
    if (lines.join(' ') !== text) {
      text = lines.join(' ');
      tip.setContent(tooltipLines(lines));
    }
    const at = map.containerPointToLatLng(pointer);
    if (map.hasLayer(tip)) tip.setLatLng(at);
    else map.openTooltip(tip.setLatLng(at));
  };
  const move = (e: L.LeafletMouseEvent) => {
    pointer = e.containerPoint;
    frame ||= requestAnimationFrame(probe);
  };
  const out = () => {
    pointer = null;
    frame ||= requestAnimationFrame(probe);
  };
  map.on('mousemove', move);
  map.on('mouseout', out);
  return () => {
    cancelAnimationFrame(frame);
    map.off('mousemove', move);
    map.off('mouseout', out);
    map.closeTooltip(tip);
  };
}

/** Moves, shows and hides the stretches for the cursor now; layers are made once per voyage and reused. */
function drawCursor(
  cursor: TimeCursor | null,
  times: CursorTimes,
  routes: ReadonlyMap<string, Route>,
  drawn: Map<string, Drawn>,
  group: L.LayerGroup,
  make: (route: Route) => Drawn,
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
      if (!d) drawn.set(id, (d = make(route)));
      if (d.state !== p.state) d.line.setStyle({ weight: p.state === 'certain' ? CURSOR_STYLE.certainWeight : CURSOR_STYLE.possibleWeight });
      d.state = p.state;
      if (d.lineShown !== cursor.playing) {
        if (cursor.playing) group.addLayer(d.line);
        else group.removeLayer(d.line);
        d.lineShown = cursor.playing;
      }
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
    }
  }
  for (const [id, d] of drawn) {
    if (seen.has(id)) continue;
    if (d.lineShown) group.removeLayer(d.line);
    d.lineShown = false;
    if (!d.shown) continue;
    group.removeLayer(d.shown);
    d.shown = null;
  }
}
