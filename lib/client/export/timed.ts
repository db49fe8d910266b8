/**
 * The map at the time cursor, as the live map draws it: every route, those not under way faded,
 * those possibly under way and those certainly under way styled apart, and over each the stretch
 * of its route where the ship could have been (lib/core/time/possibleProgress.ts); and the cursor's
 * date in a badge at the map's top left. A still image has a day for its cursor (`at=`), a video
 * frame an instant. Pure.
 */
import { CURSOR_STYLE } from '@/lib/core/domain/legend';
import { COLORS } from '@/lib/core/domain/map-style';
import { arrowFractions, arrowheads } from '@/lib/core/geo/arrowheads';
import { arrowFractionsFor } from '@/lib/core/geo/arrowFractionsFor';
import { canonicalLine } from '@/lib/core/geo/canonicalLine';
import { formatDay } from '@/lib/core/domain/display';
import { dayOf } from '@/lib/core/time/days';
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

/** How each state is drawn: the live map's look (CURSOR_STYLE), certain and possible apart in width. */
const CURSOR_LOOK = {
  faded: { width: 2.5, opacity: CURSOR_STYLE.fadedOpacity },
  possible: { width: CURSOR_STYLE.possibleWeight, opacity: 0.95 },
  certain: { width: CURSOR_STYLE.certainWeight, opacity: 1 },
  stretch: { color: CURSOR_STYLE.stretchColor, opacity: CURSOR_STYLE.stretchOpacity, width: CURSOR_STYLE.stretchWeight },
} as const;

interface PreparedVoyage {
  v: ExportVoyage;
  times: VoyageTimes | null;
  /** The route's path data, drawn from its western end (dashes of shared paths align). */
  d: string;
  /** Its direction arrows. */
  arrows: string[];
  /** Its vertices in image pixels, and the length along great circles to each (radians). */
  xy: { x: number; y: number }[];
  along: Float64Array;
}

const RAD = Math.PI / 180;

/** The arc between two [lon, lat] positions in radians (the haversine, as routeStretch measures). */
function arc(a: readonly number[], b: readonly number[]): number {
  const dLat = (b[1]! - a[1]!) * RAD;
  const dLon = (b[0]! - a[0]!) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1]! * RAD) * Math.cos(b[1]! * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * Math.atan2(Math.sqrt(h), Math.sqrt(1 - h));
}

/**
 * The stretch between two fractions of the route's length, as path data: routeStretch's fractions
 * (of the length along great circles), the ends interpolated in pixels within their segments
 * (far under a pixel from the great circle on segments of a few kilometres). Measured once per
 * route, each stretch is a walk over its vertices: a video slices every route under way each frame.
 */
function stretchPath({ xy, along }: PreparedVoyage, from: number, to: number): string {
  const n = xy.length;
  if (n === 0) return '';
  const total = along[n - 1]!;
  const clip = (x: number) => Math.min(1, Math.max(0, Number.isFinite(x) ? x : 0));
  const lo = clip(Math.min(from, to)) * total;
  const hi = clip(Math.max(from, to)) * total;
  const at = (d: number) => {
    let i = 0;
    while (i < n - 2 && along[i + 1]! < d) i++;
    const a = xy[i]!;
    const b = xy[i + 1] ?? a;
    const span = (along[i + 1] ?? along[i]!) - along[i]!;
    const k = span > 0 ? (d - along[i]!) / span : 0;
    return { x: a.x + k * (b.x - a.x), y: a.y + k * (b.y - a.y) };
  };
  const pts = [at(lo), ...xy.filter((_, k) => along[k]! > lo && along[k]! < hi), at(hi)];
  return pts.map((p, i) => `${i === 0 ? 'M' : 'L'}${n1(p.x)} ${n1(p.y)}`).join('');
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
    const along = new Float64Array(xy.length);
    for (let i = 1; i < xy.length; i++) along[i] = along[i - 1]! + arc(v.route.coordinates[i - 1]!, v.route.coordinates[i]!);
    return { v, times, d: linePathOf(canonicalLine(v.route.coordinates), frame), arrows, xy, along };
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
export function routesAtCursor(
  prepared: readonly PreparedVoyage[],
  cursor: Cursor,
  frame: Frame,
  u: number,
  selectedId?: string,
  /** Leave out the faded routes (a video draws them once, under every frame). */
  underWayOnly = false,
): { stretches: Shape[]; routes: Shape[]; counts: CursorCounts } {
  const rank: Record<UnderWay, number> = { before: 0, after: 0, possible: 1, certain: 2 };
  const items = prepared.map((p) => ({ p, at: progressAt(p.times, cursor) }));
  items.sort((a, b) => rank[a.at.state] - rank[b.at.state] || Number(a.p.v.id === selectedId) - Number(b.p.v.id === selectedId));
  const dash = inferredDash(u);
  const stretches: Shape[] = [];
  const lines: Shape[] = [];
  const counts: CursorCounts = { possible: 0, certain: 0 };
  for (const { p, at } of items) {
    const under = isUnderWay(at.state);
    if (underWayOnly && !under) continue;
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
    stretches.push({
      kind: 'path',
      d: stretchPath(p, at.from, at.to),
      stroke: CURSOR_LOOK.stretch.color,
      width: CURSOR_LOOK.stretch.width * u,
      opacity: CURSOR_LOOK.stretch.opacity,
      cap: 'round',
      title: `${name}: where it could have been`,
    });
  }
  return { stretches, routes: lines, counts };
}

/** Every route faded, as none is under way: what a video draws once, under the routes of each frame. */
export const fadedRoutes = (prepared: readonly PreparedVoyage[], frame: Frame, u: number, selectedId?: string): Shape[] =>
  routesAtCursor(prepared, { t: -Infinity }, frame, u, selectedId).routes;

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
    { kind: 'text', x: x0 + 10 * layout.u, y: y0 + size * 1.15, size, content: formatDay(cursorDay(cursor)), fill: '#1c2430', bold: true },
  ];
}
