/**
 * The map's labels, placed greedily so that none covers another or the legend and scale bar: the
 * route label first, then the hedged vessel names ("Lady R (believed)"), then the ports of the
 * voyages shown, then the rest; a label with no free place is left out (the subtitle's note still
 * names every hedge). Pure.
 */
import { hedgedVesselName, hedgeWords } from '@/lib/core/domain/hedges';
import { COLORS } from '@/lib/core/domain/map-style';
import type { Port } from '@/lib/core/domain/schemas';
import { arrowheads } from '@/lib/core/geo/arrowheads';
import { type ExportVoyage, projectLine } from './map';
import type { Frame } from './projection';
import { type Box, n1, overlaps, svgText, textWidth } from './text';

const ROUTE_LABEL = 'Route inferred, not observed';

export interface LabelInput {
  voyages: readonly ExportVoyage[];
  selected: ExportVoyage | undefined;
  /** The ports inside the frame. */
  ports: readonly Port[];
  /** Ids of the ports the voyages shown call at. */
  active: ReadonlySet<string>;
  showLabels: boolean;
}

/** Places `box` unless it covers one already placed; says whether it did. */
function claim(placed: Box[], box: Box): boolean {
  if (placed.some((b) => overlaps(b, box))) return false;
  placed.push(box);
  return true;
}

/** The selected route, or else the longest inferred one: the route worth saying "inferred" on. */
function labelledRoute({ voyages, selected }: LabelInput): ExportVoyage | undefined {
  const labelled = selected ?? [...voyages].filter((v) => v.routeKind === 'inferred').sort((a, b) => b.metrics.routeNm - a.metrics.routeNm)[0];
  return labelled?.routeKind === 'inferred' ? labelled : undefined;
}

function routeLabel(route: ExportVoyage, frame: Frame, u: number, placed: Box[]): string | null {
  // The middle of the route by length: where the arrow sits (its tip is the midpoint).
  const tip = arrowheads(projectLine(route.route.coordinates, frame), [0.5], 0.001)[0]?.[0];
  if (!tip) return null;
  const size = 13 * u;
  const w = textWidth(ROUTE_LABEL, size);
  for (const [dx, dy] of [[0, -14 * u], [0, 14 * u + size]] as const) {
    if (!claim(placed, [tip.x + dx - w / 2, tip.y + dy - size, tip.x + dx + w / 2, tip.y + dy + size * 0.3])) continue;
    return svgText(
      tip.x + dx,
      tip.y + dy,
      size,
      ROUTE_LABEL,
      `text-anchor="middle" font-weight="700" fill="${COLORS.routeSelected}" stroke="#ffffff" stroke-width="${n1(3.5 * u)}" paint-order="stroke" stroke-linejoin="round" id="route-label"`,
    );
  }
  return null;
}

/** "Lady R (believed)" by the middle of a hedged route: above it, below it, or a line further out. */
function hedgeLabel(route: ExportVoyage, frame: Frame, u: number, placed: Box[]): string | null {
  const tip = arrowheads(projectLine(route.route.coordinates, frame), [0.5], 0.001)[0]?.[0];
  if (!tip) return null;
  const size = 12 * u;
  const text = hedgedVesselName(route.vessel?.name ?? null, route);
  const w = textWidth(text, size);
  for (const dy of [-14 * u, 14 * u + size, -30 * u - size, 30 * u + 2 * size]) {
    if (!claim(placed, [tip.x - w / 2, tip.y + dy - size, tip.x + w / 2, tip.y + dy + size * 0.3])) continue;
    return svgText(
      tip.x,
      tip.y + dy,
      size,
      text,
      `text-anchor="middle" font-style="italic" fill="${COLORS.routeSelected}" stroke="#ffffff" stroke-width="${n1(3 * u)}" paint-order="stroke" stroke-linejoin="round" class="hedge-label"`,
    );
  }
  return null;
}

/** Right of the port, left of it, above, below: the first place free. */
function portLabel(p: Port, isActive: boolean, frame: Frame, u: number, placed: Box[]): string | null {
  const [x, y] = frame.project(p.position[0], p.position[1]);
  const size = (isActive ? 14 : 12) * u;
  const name = `${p.name}${p.approximate ? ' (approx.)' : ''}`;
  const w = textWidth(name, size);
  const gap = 9 * u;
  const candidates: [number, number, 'start' | 'end' | 'middle'][] = [
    [x + gap, y + size * 0.35, 'start'],
    [x - gap, y + size * 0.35, 'end'],
    [x, y - gap, 'middle'],
    [x, y + gap + size * 0.8, 'middle'],
  ];
  for (const [tx, ty, anchor] of candidates) {
    const left = anchor === 'start' ? tx : anchor === 'end' ? tx - w : tx - w / 2;
    if (!claim(placed, [left, ty - size * 0.85, left + w, ty + size * 0.25])) continue;
    return svgText(
      tx,
      ty,
      size,
      name,
      `text-anchor="${anchor}" fill="${COLORS.port}" font-weight="${isActive ? 700 : 400}" stroke="#ffffff" stroke-width="${n1(3 * u)}" paint-order="stroke" stroke-linejoin="round"`,
    );
  }
  return null;
}

/** The labels as SVG text, avoiding `obstacles` (the legend and scale bar boxes) and each other. */
export function labelsSvg(input: LabelInput, frame: Frame, u: number, obstacles: readonly Box[]): string[] {
  const placed = [...obstacles];
  const labels: (string | null)[] = [];
  const route = labelledRoute(input);
  if (route) labels.push(routeLabel(route, frame, u, placed));
  const hedged = input.selected ? [input.selected] : input.voyages;
  for (const v of hedged.filter((x) => hedgeWords(x).length > 0)) labels.push(hedgeLabel(v, frame, u, placed));
  if (input.showLabels) {
    const byPriority = [...input.ports].sort((a, b) => Number(input.active.has(b.id)) - Number(input.active.has(a.id)));
    for (const p of byPriority) labels.push(portLabel(p, input.active.has(p.id), frame, u, placed));
  }
  return ['<g id="labels">', ...labels.filter((l): l is string => l !== null), '</g>'];
}
