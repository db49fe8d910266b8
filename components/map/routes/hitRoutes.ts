'use client';
import type { LatLngTuple } from 'leaflet';
import { distanceToLine } from '@/lib/core/geo/routeStacks';
import type { Projected } from './drawRoutes';

/** The pointer's reach around a line, as Leaflet's canvas renderer tested its paths (VoyageMap's tolerance). */
const TOLERANCE = 6;

type Px = [number, number];
const tuples = new WeakMap<Projected, Px[]>();
function pxOf(line: Projected): Px[] {
  let t = tuples.get(line);
  if (!t) tuples.set(line, (t = line.points.map((p): Px => [p.x, p.y])));
  return t;
}

/**
 * The routes under a point (absolute pixels), nearest line first, the routes of one line in the
 * order given: each distinct line is tested once (a lane of 800 voyages is one test), within half
 * its stroke plus the tolerance (wider for the selected route, as it is drawn wider).
 */
export function hitRoutes(
  p: { x: number; y: number },
  byLine: ReadonlyMap<LatLngTuple[], readonly string[]>,
  project: (line: LatLngTuple[]) => Projected,
  selectedId: string | undefined,
): string[] {
  const hits: { ids: readonly string[]; d: number; i: number }[] = [];
  let i = 0;
  for (const [line, ids] of byLine) {
    const pr = project(line);
    const tolerance = TOLERANCE + (selectedId !== undefined && ids.includes(selectedId) ? 2.5 : 1.25);
    i++;
    if (p.x < pr.minX - tolerance || p.x > pr.maxX + tolerance || p.y < pr.minY - tolerance || p.y > pr.maxY + tolerance) continue;
    const d = distanceToLine([p.x, p.y], pxOf(pr));
    if (d <= tolerance) hits.push({ ids, d, i });
  }
  return hits.sort((a, b) => a.d - b.d || a.i - b.i).flatMap((h) => h.ids);
}
