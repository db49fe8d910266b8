'use client';
import type { LatLngTuple } from 'leaflet';
import { distanceToLine } from '@/lib/core/geo/routeStacks';
import type { Projected } from './drawRoutes';

/** The pointer's reach around a line, as Leaflet's canvas renderer tested its paths (VoyageMap's tolerance). */
const TOLERANCE = 6;
/** How far beyond the tolerance a stack's other lanes are looked for: its width (5 lanes, 4 px apart). */
const STACK_REACH = 16;

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
 * its stroke plus the tolerance (wider for the selected route, as it is drawn wider). A hit on
 * one lane of a stack (`stacks`: line → its stack) brings the stack's other lanes after it: the
 * lanes are drawn 4 px apart, so a pointer on the middle of a five-lane stack is 8 px from its
 * outer lanes, and the bundle under it is what it points at.
 */
export function hitRoutes(
  p: { x: number; y: number },
  byLine: ReadonlyMap<LatLngTuple[], readonly string[]>,
  project: (line: LatLngTuple[]) => Projected,
  selectedId: string | undefined,
  stacks?: ReadonlyMap<LatLngTuple[], string>,
): string[] {
  const hits: { line: LatLngTuple[]; ids: readonly string[]; d: number; i: number }[] = [];
  const distances: { line: LatLngTuple[]; ids: readonly string[]; d: number; i: number }[] = [];
  let i = 0;
  for (const [line, ids] of byLine) {
    const pr = project(line);
    const tolerance = TOLERANCE + (selectedId !== undefined && ids.includes(selectedId) ? 2.5 : 1.25);
    i++;
    const stacked = stacks?.has(line) ?? false;
    // A stacked lane is measured a stack's width further out: it may join a stack hit nearby.
    const reach = stacked ? tolerance + STACK_REACH : tolerance;
    if (p.x < pr.minX - reach || p.x > pr.maxX + reach || p.y < pr.minY - reach || p.y > pr.maxY + reach) continue;
    const d = distanceToLine([p.x, p.y], pxOf(pr));
    if (d <= tolerance) hits.push({ line, ids, d, i });
    else if (stacked && d <= reach) distances.push({ line, ids, d, i });
  }
  const hitStacks = new Set(hits.map((h) => stacks?.get(h.line)).filter((k) => k !== undefined));
  const joined = distances.filter((x) => hitStacks.has(stacks!.get(x.line)!));
  const order = (a: { d: number; i: number }, b: { d: number; i: number }) => a.d - b.d || a.i - b.i;
  return [...hits.sort(order), ...joined.sort(order)].flatMap((h) => h.ids);
}
