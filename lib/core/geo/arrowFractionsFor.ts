import { canonicalLine } from './canonicalLine';

/** How much of a route's length the arrows of one stack share, around its middle. */
const SPREAD = 0.5;

/**
 * Where along each route to put its direction arrow (a fraction of its length), so that routes on
 * the same path do not stack their arrows into one two-headed shape: the k-th of n routes sharing
 * a path is shifted by `step` from the middle. A large stack shares the middle half of the route
 * (the step shrinks): with a fixed step, 800 generated voyages on one path were sent to fractions
 * of ±32, and the arrows were drawn along the first and last segments extended far over land.
 *
 * @example
 * arrowFractionsFor([{ id: 'a', coordinates: line }, { id: 'b', coordinates: [...line].reverse() }]);
 * // Map { 'a' => 0.46, 'b' => 0.54 }
 */
export function arrowFractionsFor(
  routes: readonly { id: string; coordinates: readonly (readonly number[])[] }[],
  step = 0.08,
): Map<string, number> {
  const keys = new Map<readonly (readonly number[])[], string>();
  const groups = new Map<string, string[]>();
  for (const r of routes) {
    // Voyages decoded from the map's answer share one coordinates array per path: one key each.
    let key = keys.get(r.coordinates);
    if (key === undefined) keys.set(r.coordinates, (key = JSON.stringify(canonicalLine(r.coordinates))));
    const group = groups.get(key);
    if (group) group.push(r.id);
    else groups.set(key, [r.id]);
  }
  const out = new Map<string, number>();
  for (const ids of groups.values()) {
    const k = ids.length > 1 ? Math.min(step, SPREAD / (ids.length - 1)) : 0;
    ids.forEach((id, i) => out.set(id, 0.5 + (i - (ids.length - 1) / 2) * k));
  }
  return out;
}
