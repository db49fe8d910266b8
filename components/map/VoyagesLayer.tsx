'use client';
import L, { type LatLng, type LatLngTuple, type LeafletMouseEvent } from 'leaflet';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useMap, useMapEvent } from 'react-leaflet';
import type { VoyageFeatures } from '@/lib/client/api';
import { formatWindow } from '@/lib/core/domain/display';
import type { VoyageFeatureProperties } from '@/lib/core/domain/format';
import { basisLabel, hedgedVesselName } from '@/lib/core/domain/hedges';
import { arrowFractionsFor } from '@/lib/core/geo/arrowFractionsFor';
import { arrowheads } from '@/lib/core/geo/arrowheads';
import { canonicalLine } from '@/lib/core/geo/canonicalLine';
import { stackOffsets } from '@/lib/core/geo/routeStacks';
import { useCursorStates, useVoyageTimes } from './cursorStates';
import { toLatLng } from './latlng';
import RouteChooser, { type ChooserItem } from './RouteChooser';
import { type Batch, ProjectedLines, type SceneRoute, batchRoutes, drawBatches } from './routes/drawRoutes';
import { hitRoutes } from './routes/hitRoutes';
import { atCursor, routeLook } from './routes/routeLook';
import { routesRenderer } from './routes/RoutesRenderer';
import { tooltipLines } from './tooltipLines';
import { type StackedRoute, useOffsetRoutes } from './useRouteStacks';

interface Props {
  voyages: VoyageFeatures;
  selectedId: string | undefined;
  hoveredId: string | null;
  onSelect: (id: string) => void;
  onHover: (id: string | null) => void;
}

type Route = StackedRoute & SceneRoute & { props: VoyageFeatureProperties; inferred: boolean };

/** The chooser lists at most this many routes (a stack of generated voyages can hold hundreds). */
const MAX_CHOICES = 40;

const kind = (inferred: boolean) => (inferred ? 'Route inferred, not observed' : 'Route observed');
const vesselOf = (p: VoyageFeatureProperties) => hedgedVesselName(p.vessel?.name ?? null, p);

/** The hover tooltip's lines: who, where and when; how the leg is known; the route's kind; how many lie here. */
function hoverLines(p: VoyageFeatureProperties, under: number): string[] {
  const lines = [`${vesselOf(p)} · ${p.origin.name} → ${p.destination.name} · departed ${formatWindow(p.departure)}`];
  if (p.basis && p.basis.kind !== 'reported') lines.push(`Voyage ${basisLabel(p.basis)}`);
  lines.push(kind(p.routeKind === 'inferred'));
  if (under > 1) lines.push(`${under} voyages here: click to choose`);
  return lines;
}

function chooserItem(p: VoyageFeatureProperties): ChooserItem {
  return { id: p.id, vessel: vesselOf(p), route: `${p.origin.name} → ${p.destination.name}`, dates: `departed ${formatWindow(p.departure)}`, inferred: p.routeKind === 'inferred' };
}

/** Per route (by its coordinates array: decoded voyages on one path share it), its Leaflet lines. */
function linesOf(cache: WeakMap<object, { latlngs: LatLngTuple[]; drawn: LatLngTuple[]; reversed: boolean }>, coordinates: number[][]) {
  let l = cache.get(coordinates);
  if (!l) {
    const canonical = canonicalLine(coordinates);
    l = { latlngs: coordinates.map(toLatLng), drawn: canonical.map(toLatLng), reversed: canonical.length > 1 && canonical[0] !== coordinates[0] };
    cache.set(coordinates, l);
  }
  return l;
}

/**
 * Voyage routes, every one of them, drawn in one pass on one canvas (routes/RoutesRenderer):
 * dashed when inferred, solid when observed, with direction arrows. Routes on the same path are
 * drawn as parallel lanes a few pixels apart (lib/core/geo/routeStacks); the pointer is tested
 * against each distinct line; a click where several routes lie offers them all in a chooser, and
 * hovering there says how many.
 */
export default function VoyagesLayer({ voyages, selectedId, hoveredId, onSelect, onHover }: Props) {
  const map = useMap();
  const states = useCursorStates(useVoyageTimes(voyages));
  const [zoom, setZoom] = useState(() => map.getZoom());
  useMapEvent('zoomend', () => setZoom(map.getZoom()));
  const routes = useMemo<Route[]>(() => {
    const lines = voyages.features.map((f) => ({ id: f.properties.id, coordinates: f.geometry.coordinates }));
    const arrowAt = arrowFractionsFor(lines);
    const offsets = stackOffsets(lines);
    const cache = new WeakMap();
    return voyages.features.map((f) => {
      const p = f.properties;
      const l = linesOf(cache, f.geometry.coordinates);
      const lane = offsets.get(p.id);
      return { id: p.id, props: p, inferred: p.routeKind === 'inferred', ...l, offset: lane?.offset ?? 0, lane: lane?.key ?? null, arrowAt: arrowAt.get(p.id) ?? 0.5 };
    });
  }, [voyages]);
  const shown = useOffsetRoutes(map, routes, zoom);
  const byId = useMemo(() => new Map(routes.map((r) => [r.id, r])), [routes]);
  // Each distinct line drawn and the routes on it, for the pointer.
  const byLine = useMemo(() => {
    const out = new Map<LatLngTuple[], string[]>();
    for (const r of shown) {
      const ids = out.get(r.drawn);
      if (ids) ids.push(r.id);
      else out.set(r.drawn, [r.id]);
    }
    return out;
  }, [shown]);

  const [projected] = useState(() => new ProjectedLines((ll, z) => map.project(ll, z)));
  const [renderer] = useState(() => routesRenderer({ padding: 0.1 }));
  useEffect(() => {
    map.addLayer(renderer);
    return () => void map.removeLayer(renderer);
  }, [map, renderer]);
  // New routes are drawn at once, in the commit that brings them, rather than on the next frame,
  // which other work on the page may hold back.
  const drawnRoutes = useRef<Route[] | null>(null);
  useEffect(() => {
    const dimmed = selectedId !== undefined;
    const lookOf = (r: SceneRoute) => routeLook((r as Route).inferred, r.id === selectedId, r.id === hoveredId, dimmed, atCursor(states, r.id));
    // Grouped once per zoom (and per change of look): a redraw after a pan only strokes the groups.
    const batches = new Map<number, Batch[]>();
    renderer.setScene((ctx, z, view) => {
      let b = batches.get(z);
      if (!b) batches.set(z, (b = batchRoutes(shown, lookOf, projected.at(z))));
      drawBatches(ctx, b, view);
      markFirstDraw(shown.length);
    }, drawnRoutes.current !== shown);
    drawnRoutes.current = shown;
  }, [renderer, shown, selectedId, hoveredId, states, projected]);

  // The routes under a point, for the hover and the click.
  const under = useRef<(at: LatLng) => string[]>(() => []);
  useEffect(() => {
    under.current = (at) => {
      const z = map.getZoom();
      return hitRoutes(map.project(at, z), byLine, projected.at(z), selectedId);
    };
  }, [map, byLine, projected, selectedId]);

  const [choice, setChoice] = useState<{ at: LatLng; total: number; items: ChooserItem[] } | null>(null);
  const hovered = useRef<string | null>(null);
  const handlers = useRef({ onSelect, onHover, byId, selectedId });
  useEffect(() => {
    handlers.current = { onSelect, onHover, byId, selectedId };
  }, [onSelect, onHover, byId, selectedId]);
  useEffect(() => {
    const tip = L.tooltip({ direction: 'auto', className: 'route-tip' });
    let frame = 0;
    const clear = () => {
      cancelAnimationFrame(frame);
      map.closeTooltip(tip);
      map.getContainer().style.cursor = '';
      if (hovered.current !== null) handlers.current.onHover((hovered.current = null));
    };
    // Straight from the DOM: Leaflet passes a canvas's mouse moves on to the map at most every 32 ms
    // and drops the others, the last one of a gesture included. A marker, a control or a popup
    // under the pointer answers first, as when routes were layers under them.
    const container = map.getContainer();
    const onMove = (e: MouseEvent) => {
      if (e.target instanceof Element && e.target.closest('.leaflet-marker-icon, .leaflet-control, .leaflet-popup, .route-chooser')) return clear();
      if ((map.dragging as L.Handler & { moving?: () => boolean } | undefined)?.moving?.()) return;
      const at = map.mouseEventToLatLng(e);
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const ids = under.current(at);
        const top = ids[0] ? handlers.current.byId.get(ids[0]) : undefined;
        if (!top) return clear();
        map.getContainer().style.cursor = 'pointer';
        if (hovered.current !== top.id) handlers.current.onHover((hovered.current = top.id));
        // The selected route says what it is in its own label; the others on hover.
        if (top.id === handlers.current.selectedId && ids.length < 2) return void map.closeTooltip(tip);
        tip.setContent(tooltipLines(hoverLines(top.props, ids.length)));
        map.openTooltip(tip.setLatLng(at));
      });
    };
    const onClick = (e: LeafletMouseEvent) => {
      if (e.sourceTarget !== map) return;
      const ids = under.current(e.latlng);
      if (ids.length === 0) return;
      if (ids.length === 1) return handlers.current.onSelect(ids[0]!);
      // The hover tooltip would sit beside the chooser saying the same thing.
      cancelAnimationFrame(frame);
      map.closeTooltip(tip);
      const items = ids.slice(0, MAX_CHOICES).flatMap((id) => {
        const r = handlers.current.byId.get(id);
        return r ? [chooserItem(r.props)] : [];
      });
      setChoice({ at: e.latlng, total: ids.length, items });
    };
    container.addEventListener('mousemove', onMove);
    map.on('click', onClick);
    container.addEventListener('mouseleave', clear);
    return () => {
      clear();
      container.removeEventListener('mousemove', onMove);
      map.off('click', onClick);
      container.removeEventListener('mouseleave', clear);
    };
  }, [map]);

  const selected = selectedId ? shown.find((r) => r.id === selectedId) : undefined;
  useSelectedLabel(selected, zoom, projected);

  return choice ? (
    <RouteChooser
      position={choice.at}
      items={choice.items}
      total={choice.total}
      onChoose={(id) => {
        setChoice(null);
        onSelect(id);
      }}
      onClose={() => setChoice(null)}
    />
  ) : null;
}

let drawnOnce = false;
/** Marks `wakeline:voyages-drawn` at the first draw with routes (scripts/bench/voyages-map.ts measures from the data's arrival to it). */
function markFirstDraw(voyages: number) {
  if (drawnOnce || voyages === 0) return;
  drawnOnce = true;
  performance.mark('wakeline:voyages-drawn', { detail: { voyages } });
}

/**
 * The selected route's permanent label ("Route inferred, not observed"), at the middle of its line
 * as drawn. One tooltip, moved and reworded: a new one at each zoom would sit beside the old one
 * while that fades out (Leaflet removes a closed tooltip 200 ms later).
 */
function useSelectedLabel(route: (Route & { drawn: LatLngTuple[] }) | undefined, zoom: number, projected: ProjectedLines) {
  const map = useMap();
  const [label] = useState(() => L.tooltip({ permanent: true, direction: 'top', className: 'route-label' }));
  useEffect(() => () => void label.remove(), [label]);
  useEffect(() => {
    const line = route && projected.at(zoom)(route.drawn);
    const mid = line && (arrowheads(line.points, [0.5], 0.001)[0]?.[0] ?? line.points[0]);
    if (!route || !mid) return void label.remove();
    label.setLatLng(map.unproject([mid.x, mid.y], zoom)).setContent(kind(route.inferred));
    if (!map.hasLayer(label)) label.addTo(map);
  }, [map, label, route, zoom, projected]);
}
