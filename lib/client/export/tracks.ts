/**
 * The observed (AIS) tracks of an export image, as the live map draws them: each vessel's fixes
 * solid, simplified to the image's pixels (every fix left out lies within half a pixel of the
 * line) and cut to the frame, each silence a dotted connector with its duration, and the ports of
 * possible dark port calls ringed. Pure. A million fixes make a path of only the vertices the
 * image can show.
 */
import { gapLabel } from '@/lib/core/track/gapLabel';
import { simplifyImportance } from '@/lib/core/track/simplifyImportance';
import { simplifyTrack } from '@/lib/core/track/simplifyTrack';
import { splitAtGaps } from '@/lib/core/track/splitAtGaps';
import type { TrackDto } from '@/lib/core/track/types';
import { type TrackSummary, TRACK_STYLE } from '@/lib/core/domain/legend';
import { COLORS } from '@/lib/core/domain/map-style';
import type { Port } from '@/lib/core/domain/schemas';
import type { Frame } from './projection';
import { type Box, escapeXml, n1, scaledDash } from './text';

export interface ExportTracks {
  tracks: readonly TrackDto[];
  /** Silences longer than this split a track (DetectionParams.gapMinHours). */
  gapMinHours: number;
  /** Per vessel, the last fixes before the gaps the detection reported (epoch seconds). */
  gapStarts: ReadonlyMap<string, readonly number[]>;
  /** Ports ringed as possible dark port calls. */
  haloPortIds: readonly string[];
}

/** The map's pixel box: [left, top, right, bottom]. */
export type PixelBox = [number, number, number, number];

/** Vertices left out lie within this many of the image's pixels of the line drawn. */
const TOLERANCE_PX = 0.5;
/** A gap is labelled when its connector is at least this long (in `u`), at most MAX_LABELS, none over another. */
const LABEL_MIN = 70;
const MAX_LABELS = 12;

/** What {@link tracksSvg} draws, in two layers. */
export interface TracksSvg {
  /** The tracks, gap connectors and dark port call rings: under the routes. */
  svg: string[];
  /** The gaps' durations ("20 h silent"): over the routes, so that no route covers one. */
  labels: string[];
  /** What the image shows, for the legend. */
  summary: TrackSummary;
  /** The durations' boxes, which the route and port labels keep clear of. */
  labelBoxes: Box[];
}

/**
 * The tracks' SVG and what it shows. `box` is the map's rectangle in the image's pixels; `u` the
 * image's unit (one CSS pixel of the live map).
 */
export function tracksSvg(input: ExportTracks, ports: readonly Port[], frame: Frame, box: PixelBox, u: number): TracksSvg {
  const [left, top, right, bottom] = box;
  const margin = 10 * u;
  const near = (x: number, y: number) => x >= left - margin && x <= right + margin && y >= top - margin && y <= bottom + margin;
  let solid = '';
  let dotted = '';
  let fixes = 0;
  const gaps: { x: number; y: number; lengthPx: number; hours: number }[] = [];
  for (const track of input.tracks) {
    const n = track.t.length;
    if (n === 0) continue;
    const xy = new Float64Array(2 * n);
    for (let i = 0; i < n; i++) {
      const [x, y] = frame.project(track.coords[2 * i]!, track.coords[2 * i + 1]!);
      xy[2 * i] = x;
      xy[2 * i + 1] = y;
    }
    const split = splitAtGaps(track.t, input.gapMinHours, input.gapStarts.get(track.vesselId) ?? []);
    const starts = new Uint8Array(n);
    for (const b of split.breaks) starts[b] = 1;
    const kept = simplifyTrack(xy, TOLERANCE_PX, simplifyImportance(xy, split.breaks, TOLERANCE_PX * TOLERANCE_PX));
    // A vertex is drawn when it or a neighbour along its part is near the frame: lines leave the image cleanly.
    let pen = false;
    for (let k = 0; k < kept.length; k++) {
      const i = kept[k]!;
      const j = kept[k + 1];
      const h = kept[k - 1];
      const x = xy[2 * i]!;
      const y = xy[2 * i + 1]!;
      const partStarts = i === 0 || starts[i] === 1;
      const show = near(x, y) || (j !== undefined && starts[j] !== 1 && near(xy[2 * j]!, xy[2 * j + 1]!)) || (!partStarts && h !== undefined && near(xy[2 * h]!, xy[2 * h + 1]!));
      if (!show) {
        pen = false;
        continue;
      }
      const lone = partStarts && (j === undefined || starts[j] === 1);
      // A part of one fix (silent before and after) is a dot: a zero-length line with round caps.
      solid += pen && !partStarts ? `L${n1(x)} ${n1(y)}` : `M${n1(x)} ${n1(y)}${lone ? 'h0' : ''}`;
      pen = true;
      fixes++;
    }
    for (const gap of split.gaps) {
      const [ax, ay, bx, by] = [xy[2 * gap.from]!, xy[2 * gap.from + 1]!, xy[2 * gap.from + 2]!, xy[2 * gap.from + 3]!];
      if (Math.max(ax, bx) < left || Math.min(ax, bx) > right || Math.max(ay, by) < top || Math.min(ay, by) > bottom) continue;
      dotted += `M${n1(ax)} ${n1(ay)}L${n1(bx)} ${n1(by)}`;
      gaps.push({ x: (ax + bx) / 2, y: (ay + by) / 2, lengthPx: Math.hypot(bx - ax, by - ay), hours: gap.hours });
    }
  }
  const halos = ports.filter((p) => input.haloPortIds.includes(p.id));
  const svg: string[] = [];
  const labels = gapLabels(gaps, box, u);
  if (solid || dotted) {
    svg.push(`<g id="tracks" fill="none" stroke="${COLORS.route}" stroke-opacity="${TRACK_STYLE.opacity}" stroke-linecap="round" stroke-linejoin="round">`);
    if (solid) svg.push(`<path d="${solid}" stroke-width="${n1(TRACK_STYLE.weight * u)}"/>`);
    if (dotted) svg.push(`<path d="${dotted}" stroke-width="${n1(TRACK_STYLE.gapWeight * u)}" stroke-dasharray="${scaledDash(TRACK_STYLE.gapDash, u)}"/>`);
    svg.push('</g>');
  }
  if (halos.length) {
    svg.push(
      `<g id="dark-port-calls" fill="none" stroke="${TRACK_STYLE.haloColor}" stroke-width="${n1(TRACK_STYLE.haloWeight * u)}" stroke-dasharray="${scaledDash(TRACK_STYLE.haloDash, u)}">`,
      ...halos.map((p) => {
        const [x, y] = frame.project(p.position[0], p.position[1]);
        return `<circle cx="${n1(x)}" cy="${n1(y)}" r="${n1(TRACK_STYLE.haloRadius * u)}"/>`;
      }),
      '</g>',
    );
  }
  return { svg, labels: labels.svg, summary: { fixes, gaps: dotted ? gaps.length : 0, darkPortCalls: halos.length }, labelBoxes: labels.boxes };
}

/** "20 h silent" at the middle of the longest connectors inside the map, none over another; with their boxes, which other labels keep clear of. */
function gapLabels(gaps: { x: number; y: number; lengthPx: number; hours: number }[], [left, top, right, bottom]: PixelBox, u: number): { svg: string[]; boxes: Box[] } {
  const size = 11 * u;
  const placed: { x: number; y: number; w: number }[] = [];
  const out: string[] = [];
  for (const g of [...gaps].sort((a, b) => b.lengthPx - a.lengthPx)) {
    if (placed.length === MAX_LABELS || g.lengthPx < LABEL_MIN * u) break;
    const text = gapLabel(g.hours);
    const w = text.length * size * 0.6 + 8 * u;
    if (g.x - w / 2 < left || g.x + w / 2 > right || g.y - size < top || g.y + size > bottom) continue;
    if (placed.some((p) => Math.abs(p.x - g.x) < (p.w + w) / 2 && Math.abs(p.y - g.y) < 2 * size)) continue;
    placed.push({ x: g.x, y: g.y, w });
    out.push(
      `<text x="${n1(g.x)}" y="${n1(g.y + size * 0.35)}" text-anchor="middle" font-size="${n1(size)}" fill="#1c2430" stroke="#ffffff" stroke-width="${n1(3 * u)}" paint-order="stroke">${escapeXml(text)}</text>`,
    );
  }
  const boxes = placed.map((p): Box => [p.x - p.w / 2, p.y - size, p.x + p.w / 2, p.y + size]);
  return { svg: out.length ? ['<g id="track-gap-labels">', ...out, '</g>'] : [], boxes };
}
