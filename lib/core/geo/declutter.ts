/**
 * Label placement shared by the live map and the exported image: labels are placed greedily in
 * order of priority, each at the first of its candidate spots that covers no obstacle, no label
 * already placed, and lies inside the bounds; a label with no free spot is left out. Pure.
 */

/** [left, top, right, bottom] in pixels. */
export type Box = [number, number, number, number];

export const overlaps = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

const within = (a: Box, bounds: Box) => a[0] >= bounds[0] && a[1] >= bounds[1] && a[2] <= bounds[2] && a[3] <= bounds[3];

export type TextAnchor = 'start' | 'middle' | 'end';

/** One place a label may go: its text's anchor point (on the baseline) and the box it covers. */
export interface Spot {
  x: number;
  y: number;
  anchor: TextAnchor;
  box: Box;
}

export interface LabelRequest<T> {
  item: T;
  /** Lower goes first. Equal priorities keep their order. */
  priority: number;
  spots: readonly Spot[];
}

export interface PlacedLabel<T> {
  item: T;
  spot: Spot;
}

/**
 * Places `box` unless it covers one already placed or leaves the bounds; says whether it did.
 * `placed` grows with each box placed.
 */
export function claim(placed: Box[], box: Box, bounds?: Box): boolean {
  if (bounds && !within(box, bounds)) return false;
  if (placed.some((b) => overlaps(b, box))) return false;
  placed.push(box);
  return true;
}

/** The labels that fit, in priority order; `placed` (obstacles, and labels placed before) grows. */
export function declutter<T>(requests: readonly LabelRequest<T>[], placed: Box[], bounds?: Box): PlacedLabel<T>[] {
  const order = requests.map((r, i) => ({ r, i })).sort((a, b) => a.r.priority - b.r.priority || a.i - b.i);
  const out: PlacedLabel<T>[] = [];
  for (const { r } of order) {
    const spot = r.spots.find((s) => claim(placed, s.box, bounds));
    if (spot) out.push({ item: r.item, spot });
  }
  return out;
}

/**
 * Spots beside a point (a port or a town): right of it, left of it, above, below. `width` is the
 * text's width, `size` its font size, `gap` the distance from the point to the text, `pad` the
 * room kept clear around the text.
 */
export function pointSpots(x: number, y: number, width: number, size: number, gap: number, pad = 0): Spot[] {
  // Each text box stays `gap` from the point: beside it on the right or left, or its bottom above it
  // or its top below it.
  const candidates: [number, number, TextAnchor][] = [
    [x + gap, y + size * 0.35, 'start'],
    [x - gap, y + size * 0.35, 'end'],
    [x, y - gap - size * 0.25, 'middle'],
    [x, y + gap + size * 0.85, 'middle'],
  ];
  return candidates.map(([tx, ty, anchor]) => {
    const left = anchor === 'start' ? tx : anchor === 'end' ? tx - width : tx - width / 2;
    return { x: tx, y: ty, anchor, box: [left - pad, ty - size * 0.85 - pad, left + width + pad, ty + size * 0.25 + pad] };
  });
}

/** The spot of an area's name (a country, a sea) centred on its point. */
export function centredSpot(x: number, y: number, width: number, size: number, pad = 0): Spot {
  const ty = y + size * 0.35;
  return { x, y: ty, anchor: 'middle', box: [x - width / 2 - pad, ty - size * 0.85 - pad, x + width / 2 + pad, ty + size * 0.25 + pad] };
}

/**
 * Spots for an area's name: on its point, else a line above or below, else shifted a third of its
 * width either way (an area's point is one good place among many, unlike a town's).
 */
export function areaSpots(x: number, y: number, width: number, size: number, pad = 0): Spot[] {
  const dy = size * 1.5;
  const dx = width / 3;
  return [[0, 0], [0, -dy], [0, dy], [-dx, 0], [dx, 0], [0, -2 * dy], [0, 2 * dy]].map(([ox = 0, oy = 0]) => centredSpot(x + ox, y + oy, width, size, pad));
}

/** Where the text itself sits for a spot (its box without the room kept around it). */
export function textBox(spot: Spot, width: number, size: number): Box {
  const left = spot.anchor === 'start' ? spot.x : spot.anchor === 'end' ? spot.x - width : spot.x - width / 2;
  return [left, spot.y - size * 0.85, left + width, spot.y + size * 0.25];
}
