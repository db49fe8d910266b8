/**
 * The map at the time cursor, as the live map draws it: every route, those not under way faded,
 * those possibly under way and those certainly under way styled apart, and over each the stretch
 * of its route where the ship could have been (lib/core/time/possibleProgress.ts); and the cursor's
 * date in a badge at the map's top left. A still image has a day for its cursor (`at=`), a video
 * frame an instant. Pure.
 */
import type { LineString } from 'geojson';
import { COLORS } from '@/lib/core/domain/map-style';
import { arrowFractions, arrowheads } from '@/lib/core/geo/arrowheads';
import { arrowFractionsFor } from '@/lib/core/geo/arrowFractionsFor';
import { canonicalLine } from '@/lib/core/geo/canonicalLine';
import { routeStretch } from '@/lib/core/geo/routeStretch';
import { dayLabel, dayOf } from '@/lib/core/time/days';
import { type PossibleProgress, type UnderWay, type VoyageTimes, possibleProgress, possibleProgressOnDay, voyageTimes } from '@/lib/core/time/possibleProgress';
import type { ExportLayout } from './layout';
import { type ExportVoyage, inferredDash, projectLine } from './map';
import { measureText } from './metrics';
import type { Frame } from './projection';
import { type Shape, rectPath } from './shapes';
import { type Box, n1 } from './text';

/** The time cursor: a whole day (a still image, `at=`) or an instant (a video frame). */
export type Cursor = { day: string } | { t: number };

/** The instant a cursor stands for (a day: its middle) and the day it falls on. */
export function cursorInstant(c: Cursor): number {
  return 'day' in c ? Date.parse(`${c.day}T12:00:00Z`) : c.t;
}
export const cursorDay = (c: Cursor): string => ('day' in c ? c.day : dayOf(c.t));

/**
 * How each state is drawn, as the live map draws it (CURSOR_STYLE): certain and possible differ in
 * width, the rest fade; the stretch is a wide translucent blue band over the route.
 */
const CURSOR_LOOK = {
  faded: { width: 2.5, opacity: 0.2 },
  possible: { width: 3.5, opacity: 0.95 },
  certain: { width: 6, opacity: 1 },
  stretch: { color: '#1d4ed8', opacity: 0.4, width: 16 },
} as const;

interface PreparedVoyage {
  v: ExportVoyage;
  times: VoyageTimes | null;
  /** The route's path data, drawn from its western end (dashes of shared paths align). */
  d: string;
  /** Its direction arrows. */
  arrows: string[];
}

const linePathOf = (coordinates: readonly (readonly number[])[], frame: Frame) =>
  projectLine(coordinates, frame)
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${n1(p.x)} ${n1(p.y)}`)
    .join('');

/** What does not change from one frame to the next: times, paths and arrows of every route. */
export function prepareVoyages(voyages: readonly ExportVoyage[], frame: Frame, u: number): PreparedVoyage[] {
  const arrowAt = arrowFractionsFor(voyages.map((v) => ({ id: v.id, coordinates: v.route.coordinates })));
  return voyages.map((v) => {
    let times: VoyageTimes | null = null;
    try {
      times = voyageTimes(v.departure, v.arrival);
    } catch {
      // Unreadable windows: drawn faded, never under way.
    }
    const xy = projectLine(v.route.coordinates, frame);
    const length = xy.slice(1).reduce((sum, p, i) => sum + Math.hypot(p.x - xy[i]!.x, p.y - xy[i]!.y), 0);
    const arrows = arrowheads(xy, arrowFractions(length / u, arrowAt.get(v.id)), 11 * u).map((tri) => `M${tri.map((p) => `${n1(p.x)} ${n1(p.y)}`).join('L')}Z`);
    return { v, times, d: linePathOf(canonicalLine(v.route.coordinates), frame), arrows };
  });
}

function progressAt(times: VoyageTimes | null, cursor: Cursor): PossibleProgress {
  if (!times) return { state: 'before', from: 0, to: 0 };
  return 'day' in cursor ? possibleProgressOnDay(times, cursor.day) : possibleProgress(times, cursor.t);
}

const isUnderWay = (s: UnderWay) => s === 'possible' || s === 'certain';

export interface CursorCounts {
  possible: number;
  certain: number;
}

/**
 * The routes at the cursor: faded ones first, then possibly, then certainly under way (the selected
 * one last), each with its arrows; and the stretches of the voyages under way, drawn over them.
 */
export function routesAtCursor(prepared: readonly PreparedVoyage[], cursor: Cursor, frame: Frame, u: number, selectedId?: string): { stretches: Shape[]; routes: Shape[]; counts: CursorCounts } {
  const rank: Record<UnderWay, number> = { before: 0, after: 0, possible: 1, certain: 2 };
  const items = prepared.map((p) => ({ p, at: progressAt(p.times, cursor) }));
  items.sort((a, b) => rank[a.at.state] - rank[b.at.state] || Number(a.p.v.id === selectedId) - Number(b.p.v.id === selectedId));
  const dash = inferredDash(u);
  const stretches: Shape[] = [];
  const lines: Shape[] = [];
  const counts: CursorCounts = { possible: 0, certain: 0 };
  for (const { p, at } of items) {
    const under = isUnderWay(at.state);
    const look = at.state === 'certain' ? CURSOR_LOOK.certain : at.state === 'possible' ? CURSOR_LOOK.possible : CURSOR_LOOK.faded;
    const selected = p.v.id === selectedId;
    const name = `${p.v.vessel?.name ?? 'Unidentified vessel'}: ${p.v.origin.name} → ${p.v.destination.name}`;
    const color = selected ? COLORS.routeSelected : COLORS.route;
    lines.push({
      kind: 'path',
      d: p.d,
      stroke: color,
      width: (selected ? Math.max(5, look.width) : look.width) * u,
      opacity: look.opacity,
      ...(p.v.routeKind === 'inferred' ? { dash } : {}),
      title: name,
    });
    for (const a of p.arrows) lines.push({ kind: 'path', d: a, fill: color, opacity: look.opacity });
    if (!under) continue;
    counts[at.state === 'certain' ? 'certain' : 'possible']++;
    const stretch = routeStretch(p.v.route.coordinates as LineString['coordinates'], at.from, at.to);
    stretches.push({
      kind: 'path',
      d: linePathOf(stretch, frame),
      stroke: CURSOR_LOOK.stretch.color,
      width: CURSOR_LOOK.stretch.width * u,
      opacity: CURSOR_LOOK.stretch.opacity,
      cap: 'round',
      title: `${name}: where it could have been`,
    });
  }
  return { stretches, routes: lines, counts };
}

const BADGE_SAMPLE = '30 Sep 2024';

/** Where the cursor's date goes: the map's top-left corner, as wide as the widest date. */
export function badgeBox(layout: ExportLayout): Box {
  const { u, pad } = layout;
  const size = 20 * u;
  const w = measureText(BADGE_SAMPLE, size, true) + 20 * u;
  const x = pad * 0.6;
  const y = layout.map.top + pad * 0.6;
  return [x, y, x + w, y + size * 1.6];
}

/** The cursor's date on a white patch, at the badge's place. */
export function badgeShapes(layout: ExportLayout, cursor: Cursor): Shape[] {
  const [x0, y0, x1, y1] = badgeBox(layout);
  const size = 20 * layout.u;
  return [
    { kind: 'path', d: rectPath(x0, y0, x1 - x0, y1 - y0), fill: '#ffffff', opacity: 0.92, stroke: '#d7dbe0', width: 1 },
    { kind: 'text', x: x0 + 10 * layout.u, y: y0 + size * 1.15, size, content: dayLabel(cursorDay(cursor)), fill: '#1c2430', bold: true },
  ];
}
