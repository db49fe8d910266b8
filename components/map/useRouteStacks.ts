'use client';
import type { LatLng, LatLngTuple, Map as LeafletMap } from 'leaflet';
import { useCallback, useMemo, useRef } from 'react';
import { offsetLine, routesNear } from '@/lib/core/geo/routeStacks';

export interface StackedRoute {
  id: string;
  /** From the western end (canonicalLine), in Leaflet order. */
  drawn: LatLngTuple[];
  /** In the direction of travel. */
  latlngs: LatLngTuple[];
  /** Sideways offset in pixels (0: alone on its path) and its lane's key; see stackOffsets. */
  offset: number;
  lane: string | null;
  /** Whether `drawn` runs against the direction of travel. */
  reversed: boolean;
}

/**
 * The routes as drawn at this zoom: a stacked route moved sideways by its offset in screen pixels
 * (recomputed at each zoom, so the lanes stay a few pixels apart however far in or out); the others
 * untouched (same objects, so react-leaflet leaves them alone). Each lane's line is computed once
 * and shared by the routes in it (a stack of 800 generated voyages costs its 5 lanes, not 800).
 */
export function useOffsetRoutes<T extends StackedRoute>(map: LeafletMap, routes: readonly T[], zoom: number): T[] {
  return useMemo(() => {
    const lanes = new Map<string, { drawn: LatLngTuple[]; reversed: LatLngTuple[] }>();
    return routes.map((r) => {
      if (!r.offset || !r.lane) return r;
      let lane = lanes.get(r.lane);
      if (!lane) {
        const px = r.drawn.map((ll): [number, number] => {
          const p = map.project(ll, zoom);
          return [p.x, p.y];
        });
        const drawn = offsetLine(px, r.offset).map(([x, y]): LatLngTuple => {
          const ll = map.unproject([x, y], zoom);
          return [ll.lat, ll.lng];
        });
        lanes.set(r.lane, (lane = { drawn, reversed: [...drawn].reverse() }));
      }
      return { ...r, drawn: lane.drawn, latlngs: r.reversed ? lane.reversed : lane.drawn };
    });
  }, [map, routes, zoom]);
}

/** The canvas renderer's click tolerance (VoyageMap's L.canvas({ tolerance })). */
const RENDERER_TOLERANCE = 6;

type Projected = { id: string; points: [number, number][]; minX: number; minY: number; maxX: number; maxY: number };

/**
 * Which routes lie under a point, as the canvas renderer would hit each of them (half its stroke
 * plus the renderer's tolerance). Lines are projected once per zoom and data, then each test is a
 * bounding-box filter and a distance check.
 */
export function useRouteHitTest(map: LeafletMap, routes: readonly { id: string; drawn: LatLngTuple[] }[], selectedId: string | undefined) {
  const cache = useRef<{ zoom: number; routes: unknown; lines: Projected[] } | null>(null);
  return useCallback(
    (latlng: LatLng): string[] => {
      const zoom = map.getZoom();
      if (!cache.current || cache.current.zoom !== zoom || cache.current.routes !== routes) {
        // Routes drawn on one shared line (a lane of a stack) are projected once.
        const byLine = new Map<LatLngTuple[], Omit<Projected, 'id'>>();
        const lines = routes.map((r) => {
          let line = byLine.get(r.drawn);
          if (!line) {
            const points = r.drawn.map((ll): [number, number] => {
              const p = map.project(ll, zoom);
              return [p.x, p.y];
            });
            const xs = points.map((p) => p[0]);
            const ys = points.map((p) => p[1]);
            line = { points, minX: Math.min(...xs), minY: Math.min(...ys), maxX: Math.max(...xs), maxY: Math.max(...ys) };
            byLine.set(r.drawn, line);
          }
          return { id: r.id, ...line };
        });
        cache.current = { zoom, routes, lines };
      }
      const p = map.project(latlng, zoom);
      const reach = RENDERER_TOLERANCE + 2.5;
      const candidates = cache.current.lines
        .filter((l) => p.x >= l.minX - reach && p.x <= l.maxX + reach && p.y >= l.minY - reach && p.y <= l.maxY + reach)
        .map((l) => ({ id: l.id, points: l.points, tolerance: RENDERER_TOLERANCE + (l.id === selectedId ? 2.5 : 1.25) }));
      return routesNear([p.x, p.y], candidates);
    },
    [map, routes, selectedId],
  );
}
