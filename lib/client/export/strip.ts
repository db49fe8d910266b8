/**
 * The timeline strip of an export image, under the map: the weekly histogram of the voyages shown
 * (how many were possibly under way each week), date ticks, the brushed from/to range marked, and
 * the time cursor as a line with its date. Everything but the cursor is drawn once; the cursor is
 * a shape that a video moves from frame to frame. Pure.
 */
import { COLORS } from '@/lib/core/domain/map-style';
import { formatDay } from '@/lib/core/domain/display';
import { DAY_MS, WEEK_MS, dayStart } from '@/lib/core/time/days';
import { type VoyageTimes, voyageTimes } from '@/lib/core/time/possibleProgress';
import { type TimeDomain, fitDomain, timeTicks, timeToX } from '@/lib/core/time/scale';
import { weeklyCounts } from '@/lib/core/time/timeline';
import type { StripLayout } from './layout';
import type { ExportVoyage } from './map';
import { measureText } from './metrics';
import { type Shape, rectPath } from './shapes';
import { type Cursor, cursorDay, cursorInstant } from './timed';
import { n1, svgText } from './text';

export interface StripInput {
  voyages: readonly ExportVoyage[];
  /** The brushed date filter, marked on the strip. */
  range?: { from?: string; to?: string };
  /** Instants the strip must show besides the voyages (the cursor, a video's range). */
  include?: readonly number[];
}

export interface StripScene {
  domain: TimeDomain;
  /** The strip without its cursor. */
  svg: string[];
  /** The cursor line and its date. */
  cursor(c: Cursor): Shape[];
}

/** Rows inside the strip, in units from its top. */
const ROW = { title: 12, histTop: 18, axis: 56, labels: 70 } as const;

function timesOf(voyages: readonly ExportVoyage[]): VoyageTimes[] {
  return voyages.flatMap((v) => {
    try {
      return [voyageTimes(v.departure, v.arrival)];
    } catch {
      return [];
    }
  });
}

function rangeSpan(range: StripInput['range']): { start: number; end: number } | null {
  const start = range?.from ? dayStart(range.from) : Number.NaN;
  const end = range?.to ? dayStart(range.to) + DAY_MS : Number.NaN;
  if (Number.isNaN(start) && Number.isNaN(end)) return null;
  return { start: Number.isNaN(start) ? -Infinity : start, end: Number.isNaN(end) ? Infinity : end };
}

export function stripScene(strip: StripLayout, u: number, input: StripInput): StripScene {
  const bars = timesOf(input.voyages);
  const range = rangeSpan(input.range);
  const instants = [...bars.flatMap((b) => [b.d1, b.a2]), ...(input.include ?? []), ...(range ? [range.start, range.end].filter(Number.isFinite) : [])];
  const now = instants.length ? instants : [Date.UTC(2024, 0, 1)];
  const domain = fitDomain(Math.min(...now), Math.max(...now), 0.02);
  const { x0, x1, top } = strip;
  const width = x1 - x0;
  const x = (t: number) => x0 + timeToX(domain, width, t);
  const histTop = top + ROW.histTop * u;
  const axis = top + ROW.axis * u;
  const weeks = weeklyCounts(bars);
  const maxWeek = Math.max(1, ...weeks.map((w) => w.count));
  const barGap = Math.min(1, (WEEK_MS / (domain.end - domain.start)) * width * 0.2);
  // Each week's bar, cut to the plot: weeks run past either end of a short domain.
  const histogram = weeks
    .filter((w) => w.count > 0)
    .map((w) => {
      const h = (w.count / maxWeek) * (axis - histTop);
      const left = Math.max(x0, x(w.start));
      const right = Math.min(x1, x(w.start + WEEK_MS) - barGap);
      return right - left >= 0.5 ? rectPath(left, axis - h, right - left, h) : '';
    })
    .join('');
  const svg: string[] = [
    '<g id="timeline-strip">',
    svgText(x0, top + ROW.title * u, 11 * u, 'Voyages possibly under way, per week', 'fill="#4b5563"'),
  ];
  if (range) {
    const a = Math.max(x0, x(range.start));
    const b = Math.min(x1, x(range.end));
    if (b > a) {
      svg.push(
        `<path id="strip-range" d="${rectPath(a, histTop - 2 * u, b - a, axis - histTop + 2 * u)}" fill="${COLORS.port}" fill-opacity="0.1" stroke="${COLORS.port}" stroke-width="${n1(1.5 * u)}"/>`,
      );
    }
  }
  svg.push(`<path id="strip-histogram" d="${histogram}" fill="#7d8898"/>`);
  svg.push(`<path d="M${n1(x0)} ${n1(axis)}H${n1(x1)}" stroke="#1c2430" stroke-width="${n1(u)}"/>`);
  const ticks = timeTicks(domain, width, 80 * u).filter((t) => x(t.t) >= x0 && x(t.t) <= x1);
  const tickPath = ticks.map((t) => `M${n1(x(t.t))} ${n1(axis)}v${n1((t.major ? 6 : 4) * u)}`).join('');
  svg.push(`<path d="${tickPath}" stroke="#1c2430" stroke-width="${n1(u)}"/>`);
  const size = 10.5 * u;
  for (const t of ticks) {
    const tx = x(t.t);
    // A label that would run past either end of the strip is left out.
    if (tx - 2 * size < x0 || tx + 2 * size > x1) continue;
    svg.push(svgText(tx, top + ROW.labels * u, size, t.label, `text-anchor="middle" fill="#1c2430"${t.major ? ' font-weight="700"' : ''}`));
  }
  svg.push('</g>');

  // The cursor's date beside its line, at the top of the histogram: right of the line, or left of it near the end.
  const cursor = (c: Cursor): Shape[] => {
    const cx = Math.min(x1, Math.max(x0, x(cursorInstant(c))));
    const label = formatDay(cursorDay(c));
    const size = 11 * u;
    const room = measureText(label, size, true) + 6 * u;
    const right = cx + room <= x1;
    return [
      { kind: 'path', d: `M${n1(cx)} ${n1(histTop - 4 * u)}V${n1(axis + 6 * u)}`, stroke: COLORS.routeSelected, width: 2.5 * u },
      { kind: 'text', x: cx + (right ? 5 : -5) * u, y: histTop + size * 0.9, size, content: label, fill: COLORS.routeSelected, bold: true, anchor: right ? 'start' : 'end', halo: 4 * u },
    ];
  };
  return { domain, svg, cursor };
}


/** The earliest possible departure and latest possible arrival of the voyages (null: none readable). */
export function voyagesExtent(voyages: readonly ExportVoyage[]): { start: number; end: number } | null {
  const times = timesOf(voyages);
  if (!times.length) return null;
  return { start: Math.min(...times.map((t) => t.d1)), end: Math.max(...times.map((t) => t.a2)) };
}
