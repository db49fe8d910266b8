'use client';
import type { LatLngTuple, Map as LeafletMap } from 'leaflet';
import { useMemo } from 'react';
import { offsetLine } from '@/lib/core/geo/routeStacks';

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
