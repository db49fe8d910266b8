'use client';
import type { LatLng, LatLngTuple, LeafletMouseEvent, PathOptions } from 'leaflet';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useMap, useMapEvent } from 'react-leaflet';
import type { VoyageFeatures } from '@/lib/client/api';
import { formatWindow } from '@/lib/core/domain/display';
import { basisLabel, hedgedVesselName } from '@/lib/core/domain/hedges';
import { arrowFractions, arrowheads } from '@/lib/core/geo/arrowheads';
import { arrowFractionsFor } from '@/lib/core/geo/arrowFractionsFor';
import { canonicalLine } from '@/lib/core/geo/canonicalLine';
import { stackOffsets } from '@/lib/core/geo/routeStacks';
import { CURSOR_STYLE } from '@/lib/core/domain/legend';
import { COLORS, INFERRED_DASH } from '@/lib/core/domain/map-style';
import type { UnderWay } from '@/lib/core/time/possibleProgress';
import { useCursorStates, useVoyageTimes } from './cursorStates';
import { toLatLng } from './latlng';
import RouteChooser, { type ChooserItem } from './RouteChooser';
import { ArrowShape, RouteLine } from './RouteLine';
import { StackHover } from './stack-hover';
import { type StackedRoute, useOffsetRoutes, useRouteHitTest } from './useRouteStacks';

interface Props {
  voyages: VoyageFeatures;
  selectedId: string | undefined;
  hoveredId: string | null;
  onSelect: (id: string) => void;
  onHover: (id: string | null) => void;
}

type Route = StackedRoute & {
  label: string;
  chooser: ChooserItem;
  /** How the leg is known, when that is less than a source's report ("inferred by the team from two sightings"). */
  basis: string | null;
  inferred: boolean;
  arrowAt: number;
};

/** The chooser lists at most this many routes (a stack of generated voyages can hold hundreds). */
const MAX_CHOICES = 40;

/** At the time cursor (states: null without one): certainly, possibly, or not under way (faded). */
type AtCursor = 'certain' | 'possible' | 'faded' | null;
function atCursor(states: ReadonlyMap<string, UnderWay> | null, id: string): AtCursor {
  if (!states) return null;
  const state = states.get(id);
  return state === 'certain' || state === 'possible' ? state : 'faded';
}

/** A route's width: the selection and the hover first, then the cursor's certain and possible (CURSOR_STYLE). */
function weightFor(selected: boolean, hovered: boolean, cursor: AtCursor): number {
  if (selected) return 5;
  if (cursor === 'certain') return CURSOR_STYLE.certainWeight;
  if (hovered) return 4;
  return cursor === 'possible' ? CURSOR_STYLE.possibleWeight : 2.5;
}

/**
 * One style object per look, so react-leaflet (which compares props by reference) restyles only
 * the routes whose look changed when the hover, the selection or the time cursor moves.
 */
const styles = new Map<string, PathOptions>();
function styleFor(route: Route, selectedId: string | undefined, hoveredId: string | null, cursor: AtCursor): PathOptions {
  const selected = route.id === selectedId;
  const hovered = route.id === hoveredId;
  const dimmed = selectedId !== undefined && !selected && !hovered;
  const faded = cursor === 'faded' && !selected && !hovered;
  const key = `${selected}|${hovered}|${dimmed}|${route.inferred}|${cursor}`;
  let style = styles.get(key);
  if (!style) {
    style = {
      color: selected ? COLORS.routeSelected : COLORS.route,
      weight: weightFor(selected, hovered, cursor),
      opacity: faded ? CURSOR_STYLE.fadedOpacity : dimmed ? 0.35 : cursor ? 1 : 0.95,
      dashArray: route.inferred ? INFERRED_DASH : undefined,
      lineCap: 'butt',
    };
    styles.set(key, style);
  }
  return style;
}

/**
 * Voyage routes: dashed when inferred, solid when observed, with direction arrows. Routes on the
 * same path are drawn as parallel lanes a few pixels apart (lib/core/geo/routeStacks); a click
 * where several routes lie offers them all in a chooser, and hovering there says how many.
 */
export default function VoyagesLayer({ voyages, selectedId, hoveredId, onSelect, onHover }: Props) {
  const map = useMap();
  // Whether each voyage is under way at the time cursor: a new map only when a state changes.
  const states = useCursorStates(useVoyageTimes(voyages));
  const [zoom, setZoom] = useState(() => map.getZoom());
  useMapEvent('zoomend', () => setZoom(map.getZoom()));
  const routes = useMemo<Route[]>(() => {
    const lines = voyages.features.map((f) => ({ id: f.properties.id, coordinates: f.geometry.coordinates }));
    const arrowAt = arrowFractionsFor(lines);
    const offsets = stackOffsets(lines);
    return voyages.features.map((f) => {
      const p = f.properties;
      const vessel = hedgedVesselName(p.vessel?.name ?? null, p);
      const canonical = canonicalLine(f.geometry.coordinates);
      const inferred = p.routeKind === 'inferred';
      return {
        id: p.id,
        inferred,
        basis: p.basis && p.basis.kind !== 'reported' ? `Voyage ${basisLabel(p.basis)}` : null,
        label: `${vessel} · ${p.origin.name} → ${p.destination.name} · departed ${formatWindow(p.departure)}`,
        chooser: {
          id: p.id,
          vessel,
          route: `${p.origin.name} → ${p.destination.name}`,
          dates: `departed ${formatWindow(p.departure)}`,
          inferred,
        },
        latlngs: f.geometry.coordinates.map(toLatLng),
        drawn: canonical.map(toLatLng),
        reversed: canonical.length > 1 && canonical[0] !== f.geometry.coordinates[0],
        offset: offsets.get(p.id)?.offset ?? 0,
        lane: offsets.get(p.id)?.key ?? null,
        arrowAt: arrowAt.get(p.id) ?? 0.5,
      };
    });
  }, [voyages]);
  const shown = useOffsetRoutes(map, routes, zoom);
  // The selected route is drawn last so it sits on top of routes it overlaps.
  const ordered = useMemo(
    () => [...shown].sort((a, b) => Number(a.id === selectedId) - Number(b.id === selectedId)),
    [shown, selectedId],
  );
  const hitTest = useRouteHitTest(map, shown, selectedId);
  const hitTestRef = useRef(hitTest);
  useEffect(() => {
    hitTestRef.current = hitTest;
  }, [hitTest]);
  const [hover] = useState(() => new StackHover());
  const [choice, setChoice] = useState<{ at: LatLng; total: number; items: ChooserItem[] } | null>(null);
  const handlers = useMemo(() => {
    const byId = new Map(routes.map((r) => [r.id, r]));
    // The routes under the pointer: the one the canvas picked first, then every other within reach.
    const under = (id: string, e: LeafletMouseEvent) => [id, ...hitTestRef.current(e.latlng).filter((x) => x !== id)];
    return new Map(
      routes.map((r) => [
        r.id,
        {
          click: (e: LeafletMouseEvent) => {
            const ids = under(r.id, e);
            if (ids.length < 2) return onSelect(r.id);
            // The hover tooltip would sit beside the chooser saying the same thing.
            e.target.closeTooltip();
            setChoice({ at: e.latlng, total: ids.length, items: ids.slice(0, MAX_CHOICES).flatMap((id) => byId.get(id)?.chooser ?? []) });
          },
          mouseover: () => onHover(r.id),
          mousemove: (e: LeafletMouseEvent) => hover.probe(() => under(r.id, e).length),
          mouseout: () => {
            hover.set(0);
            onHover(null);
          },
        },
      ]),
    );
  }, [routes, onSelect, onHover, hover]);

  return (
    <>
      {ordered.map((r) => (
        <RouteLine
          // A new key when selected re-adds the layer, which draws it on top of the canvas.
          key={r.id === selectedId ? `${r.id}-selected` : r.id}
          drawn={r.drawn}
          selected={r.id === selectedId}
          style={styleFor(r, selectedId, hoveredId, atCursor(states, r.id))}
          handlers={handlers.get(r.id)}
          label={r.label}
          basis={r.basis}
          inferred={r.inferred}
          hover={hover}
        />
      ))}
      <Arrows routes={ordered} selectedId={selectedId} zoom={zoom} states={states} />
      {choice && (
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
      )}
    </>
  );
}

/** One style object per look, as for the routes: a re-render restyles only the arrows whose look changed. */
const arrowStyles = new Map<string, PathOptions>();
function arrowStyle(color: string, opacity: number): PathOptions {
  const key = `${color}|${opacity}`;
  let style = arrowStyles.get(key);
  if (!style) arrowStyles.set(key, (style = { color, weight: 1, fillColor: color, fillOpacity: opacity, opacity }));
  return style;
}

interface ArrowsProps {
  routes: Route[];
  selectedId: string | undefined;
  zoom: number;
  states: ReadonlyMap<string, UnderWay> | null;
}

function Arrows({ routes, selectedId, zoom, states }: ArrowsProps) {
  const map = useMap();
  const arrows = useMemo(
    () =>
      routes.flatMap((r) => {
        const px = r.latlngs.map((ll) => map.project(ll, zoom));
        const length = px.slice(1).reduce((sum, p, i) => sum + p.distanceTo(px[i]!), 0);
        return arrowheads(px, arrowFractions(length, r.arrowAt)).map((tri, i) => ({
          key: `${r.id}-${i}`,
          id: r.id,
          latlngs: tri.map((p): LatLngTuple => {
            const ll = map.unproject([p.x, p.y], zoom);
            return [ll.lat, ll.lng];
          }),
        }));
      }),
    [routes, map, zoom],
  );
  return (
    <>
      {arrows.map((a) => {
        const color = a.id === selectedId ? COLORS.routeSelected : COLORS.route;
        const dimmed = selectedId !== undefined && a.id !== selectedId;
        const opacity = atCursor(states, a.id) === 'faded' && a.id !== selectedId ? CURSOR_STYLE.fadedOpacity : dimmed ? 0.35 : 1;
        return (
<ArrowShape key={a.key} positions={a.latlngs} style={arrowStyle(color, opacity)} />
        );
      })}
    </>
  );
}
