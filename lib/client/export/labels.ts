/**
 * The map's labels, placed greedily so that none covers another or the legend and scale bar: the
 * route label first, then the hedged vessel names ("Lady R (believed)"), then the ports, countries,
 * seas and towns by the live map's rule (lib/core/geo/declutter.ts, places.ts); a label with no free
 * place is left out (the subtitle's note still names every hedge). Pure.
 */
import { hedgedVesselName, hedgeWords } from '@/lib/core/domain/hedges';
import { COLORS } from '@/lib/core/domain/map-style';
import type { Port } from '@/lib/core/domain/schemas';
import { arrowheads } from '@/lib/core/geo/arrowheads';
import { type Box, type PlacedLabel, claim, declutter } from '@/lib/core/geo/declutter';
import { LABEL_STYLES, type LabelKind, type LabelScene, type MapLabel, type Place, labelRequests, portObstacles } from '@/lib/core/domain/places';
import { type ExportVoyage, projectLine } from './map';
import { measureText } from './metrics';
import type { Frame } from './projection';
import { n1, svgText, textWidth } from './text';

const ROUTE_LABEL = 'Route inferred, not observed';

export interface LabelInput {
  voyages: readonly ExportVoyage[];
  selected: ExportVoyage | undefined;
  /** The ports inside the frame. */
  ports: readonly Port[];
  /** Ids of the ports the voyages shown call at. */
  active: ReadonlySet<string>;
  showLabels: boolean;
  /** Names of countries, seas and towns (the basemap's places layer). */
  places?: readonly Place[];
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

/** Text widths as DejaVu Sans sets them, caps and letter spacing applied. */
const exportMeasure = (u: number) => (text: string, kind: LabelKind) => {
  const st = LABEL_STYLES[kind];
  return measureText(text, st.size * u, st.weight >= 600) + st.spacing * st.size * u * text.length;
};

/** The zoom of the live map that shows the ground at the same scale as this image. */
const frameZoom = (frame: Frame, u: number) => Math.log2(frame.scale / (256 * u));

function placeSvg({ item, spot }: PlacedLabel<MapLabel>, u: number): string {
  const st = LABEL_STYLES[item.kind];
  const isPort = item.kind === 'port' || item.kind === 'port-active';
  const attrs = [
    `text-anchor="${spot.anchor}"`,
    `fill="${st.color}"`,
    `font-weight="${st.weight}"`,
    ...(st.italic ? ['font-style="italic"'] : []),
    ...(st.spacing ? [`letter-spacing="${n1(st.spacing * st.size * u)}"`] : []),
    `stroke="#ffffff" stroke-width="${n1(3 * u)}" stroke-opacity="${isPort ? 1 : 0.85}" paint-order="stroke" stroke-linejoin="round"`,
    `class="${isPort ? 'port-label' : `place-label place-${item.kind}`}"`,
  ].join(' ');
  const text = svgText(spot.x, spot.y, st.size * u, item.text, attrs);
  if (item.kind !== 'city') return text;
  // A town's dot goes with its name.
  return `<circle cx="${n1(item.x)}" cy="${n1(item.y)}" r="${n1(2.5 * u)}" fill="${COLORS.cityLabel}" stroke="#ffffff" stroke-width="${n1(u)}"/>${text}`;
}

/**
 * The labels as SVG text, avoiding `obstacles` (the legend and scale bar boxes, the outside of the
 * map) and each other: the route and hedge labels first, then ports, countries, seas and towns in
 * the live map's order (lib/core/geo/places.ts), none covering a port.
 */
export function labelsSvg(input: LabelInput, frame: Frame, u: number, obstacles: readonly Box[]): string[] {
  const placed: Box[] = [...obstacles];
  const labels: (string | null)[] = [];
  const route = labelledRoute(input);
  if (route) labels.push(routeLabel(route, frame, u, placed));
  const hedged = input.selected ? [input.selected] : input.voyages;
  for (const v of hedged.filter((x) => hedgeWords(x).length > 0)) labels.push(hedgeLabel(v, frame, u, placed));
  const scene: LabelScene = {
    places: input.places ?? [],
    ports: input.ports,
    active: input.active,
    showPortLabels: input.showLabels,
    zoom: frameZoom(frame, u),
    project: frame.project,
    measure: exportMeasure(u),
    u,
  };
  placed.push(...portObstacles(scene));
  for (const label of declutter(labelRequests(scene), placed)) labels.push(placeSvg(label, u));
  return ['<g id="labels">', ...labels.filter((l): l is string => l !== null), '</g>'];
}
