import { canonicalLine } from './canonicalLine';

/**
 * Where along each route to put its direction arrow (a fraction of its length), so that routes on
 * the same path do not stack their arrows into one two-headed shape: the k-th of n routes sharing
 * a path is shifted by `step` from the middle.
 *
 * @example
 * arrowFractionsFor([{ id: 'a', coordinates: line }, { id: 'b', coordinates: [...line].reverse() }]);
 * // Map { 'a' => 0.46, 'b' => 0.54 }
 */
export function arrowFractionsFor(
  routes: readonly { id: string; coordinates: readonly (readonly number[])[] }[],
  step = 0.08,
): Map<string, number> {
  const groups = new Map<string, string[]>();
  for (const r of routes) {
    const key = JSON.stringify(canonicalLine(r.coordinates));
    const group = groups.get(key);
    if (group) group.push(r.id);
    else groups.set(key, [r.id]);
  }
  const out = new Map<string, number>();
  for (const ids of groups.values()) {
    ids.forEach((id, i) => out.set(id, 0.5 + (i - (ids.length - 1) / 2) * step));
  }
  return out;
}
