/**
 * The same line, always running from its western end (then southern, on a tie). Drawn this way,
 * routes that share a path in opposite directions lay their dashes on the same spots, so a stack
 * of dashed routes still reads as dashed instead of filling in to look solid.
 *
 * @example
 * canonicalLine([[133, 42.7], [130.3, 42.2]]); // [[130.3, 42.2], [133, 42.7]]
 */
export function canonicalLine<T extends readonly number[]>(coordinates: readonly T[]): T[] {
  const first = coordinates[0];
  const last = coordinates[coordinates.length - 1];
  if (!first || !last) return [...coordinates];
  const [x1 = 0, y1 = 0] = first;
  const [x2 = 0, y2 = 0] = last;
  return x1 > x2 || (x1 === x2 && y1 > y2) ? [...coordinates].reverse() : [...coordinates];
}
