'use client';
import type { LatLng, LatLngTuple, PathOptions } from 'leaflet';
import { useMemo, useState } from 'react';
import { Polygon, Polyline, Tooltip, useMap, useMapEvent } from 'react-leaflet';
import type { VoyageFeatures } from '@/lib/client/api';
import { formatWindow } from '@/lib/core/domain/display';
import { basisLabel, hedgedVesselName } from '@/lib/core/domain/hedges';
import { arrowFractions, arrowheads } from '@/lib/core/geo/arrowheads';
import { arrowFractionsFor } from '@/lib/core/geo/arrowFractionsFor';
import { canonicalLine } from '@/lib/core/geo/canonicalLine';
import { COLORS, INFERRED_DASH } from '@/lib/core/domain/map-style';
import { toLatLng } from './latlng';

interface Props {
  voyages: VoyageFeatures;
  selectedId: string | undefined;
  hoveredId: string | null;
  onSelect: (id: string) => void;
  onHover: (id: string | null) => void;
}

type Route = {
  id: string;
  label: string;
  /** How the leg is known, when that is less than a source's report ("inferred by the team from two sightings"). */
  basis: string | null;
  inferred: boolean;
  /** In the direction of travel (for the arrows). */
  latlngs: LatLngTuple[];
  /** From the western end (for the dashes; see canonicalLine). */
  drawn: LatLngTuple[];
  arrowAt: number;
};

/**
 * One style object per look, so react-leaflet (which compares props by reference) restyles only
 * the routes whose look changed when the hover or the selection moves.
 */
const styles = new Map<string, PathOptions>();
function styleFor(route: Route, selectedId: string | undefined, hoveredId: string | null): PathOptions {
  const selected = route.id === selectedId;
  const hovered = route.id === hoveredId;
  const dimmed = selectedId !== undefined && !selected && !hovered;
  const key = `${selected}|${hovered}|${dimmed}|${route.inferred}`;
  let style = styles.get(key);
  if (!style) {
    style = {
      color: selected ? COLORS.routeSelected : COLORS.route,
      weight: selected ? 5 : hovered ? 4 : 2.5,
      opacity: dimmed ? 0.35 : 0.95,
      dashArray: route.inferred ? INFERRED_DASH : undefined,
      lineCap: 'butt',
    };
    styles.set(key, style);
  }
  return style;
}

/** Voyage routes: dashed when inferred, solid when observed, with direction arrows. */
export default function VoyagesLayer({ voyages, selectedId, hoveredId, onSelect, onHover }: Props) {
  const routes = useMemo<Route[]>(() => {
    const arrowAt = arrowFractionsFor(voyages.features.map((f) => ({ id: f.properties.id, coordinates: f.geometry.coordinates })));
    return voyages.features.map((f) => {
      const p = f.properties;
      const vessel = hedgedVesselName(p.vessel?.name ?? null, p);
      return {
        id: p.id,
        inferred: p.routeKind === 'inferred',
        basis: p.basis && p.basis.kind !== 'reported' ? `Voyage ${basisLabel(p.basis)}` : null,
        label: `${vessel} · ${p.origin.name} → ${p.destination.name} · departed ${formatWindow(p.departure)}`,
        latlngs: f.geometry.coordinates.map(toLatLng),
        drawn: canonicalLine(f.geometry.coordinates).map(toLatLng),
        arrowAt: arrowAt.get(p.id) ?? 0.5,
      };
    });
  }, [voyages]);
  // The selected route is drawn last so it sits on top of routes it overlaps.
  const ordered = useMemo(
    () => [...routes].sort((a, b) => Number(a.id === selectedId) - Number(b.id === selectedId)),
    [routes, selectedId],
  );
  const handlers = useMemo(
    () =>
      new Map(
        routes.map((r) => [
          r.id,
          { click: () => onSelect(r.id), mouseover: () => onHover(r.id), mouseout: () => onHover(null) },
        ]),
      ),
    [routes, onSelect, onHover],
  );

  return (
    <>
      {ordered.map((r) => (
        <Polyline
          // A new key when selected re-adds the layer, which draws it on top of the canvas.
          key={r.id === selectedId ? `${r.id}-selected` : r.id}
          positions={r.drawn}
          pathOptions={styleFor(r, selectedId, hoveredId)}
          eventHandlers={handlers.get(r.id)}
        >
          {r.id === selectedId ? (
            <Tooltip key="selected" permanent direction="top" className="route-label">
              {r.inferred ? 'Route inferred, not observed' : 'Route observed'}
            </Tooltip>
          ) : (
            <Tooltip key="hover" sticky>
              {r.label}
              <br />
              {r.basis && (
                <>
                  {r.basis}
                  <br />
                </>
              )}
              {r.inferred ? 'Route inferred, not observed' : 'Route observed'}
            </Tooltip>
          )}
        </Polyline>
      ))}
      <Arrows routes={ordered} selectedId={selectedId} />
    </>
  );
}

function Arrows({ routes, selectedId }: { routes: Route[]; selectedId: string | undefined }) {
  const map = useMap();
  const [zoom, setZoom] = useState(() => map.getZoom());
  useMapEvent('zoomend', () => setZoom(map.getZoom()));
  const arrows = useMemo(
    () =>
      routes.flatMap((r) => {
        const px = r.latlngs.map((ll) => map.project(ll, zoom));
        const length = px.slice(1).reduce((sum, p, i) => sum + p.distanceTo(px[i]!), 0);
        return arrowheads(px, arrowFractions(length, r.arrowAt)).map((tri, i) => ({
          key: `${r.id}-${i}`,
          id: r.id,
          latlngs: tri.map((p): LatLng => map.unproject([p.x, p.y], zoom)),
        }));
      }),
    [routes, map, zoom],
  );
  return (
    <>
      {arrows.map((a) => {
        const color = a.id === selectedId ? COLORS.routeSelected : COLORS.route;
        const dimmed = selectedId !== undefined && a.id !== selectedId;
        return (
          <Polygon
            key={a.key}
            positions={a.latlngs}
            interactive={false}
            pathOptions={{ color, weight: 1, fillColor: color, fillOpacity: dimmed ? 0.35 : 1, opacity: dimmed ? 0.35 : 1 }}
          />
        );
      })}
    </>
  );
}
