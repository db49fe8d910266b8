/**
 * Where everything goes in an export image, before anything is drawn: the title band above the
 * map, the footer band below it, the map rectangle between them and its projection (the frame),
 * and the scale bar. Pure: settings, size and the ground to show in; positions out. The dialog asks
 * it for the frame (to know which tiles to fetch) and the composition draws into exactly the same.
 */
import type { Bbox, ExportPart } from '@/lib/core/domain/view-state';
import { type ScaleLength, scaleLength } from '@/lib/core/geo/scaleLength';
import { measureText, wrapMeasured, wrapUrl } from './metrics';
import { type Frame, fitFrame } from './projection';
import type { Box } from './text';

export interface LayoutInput {
  width: number;
  height: number;
  bbox: Bbox;
  parts: ReadonlySet<ExportPart>;
  title: string;
  subtitle: string;
  dates: string;
  credits: string;
  permalink: string;
  /** Room for the timeline strip under the map. */
  strip?: boolean;
}

export type TextRole = 'title' | 'subtitle' | 'dates' | 'credits' | 'permalink';

/** One line of title or footer text, at its baseline. */
export interface TextLine {
  role: TextRole;
  x: number;
  y: number;
  size: number;
  content: string;
}

export interface ScaleBarLayout {
  /** Left end of both bars, and the line they hang from and stand on. */
  x: number;
  y: number;
  nm: ScaleLength;
  km: ScaleLength;
  box: Box;
}

/** The timeline strip, full width between the map and the footer; its plot from x0 to x1. */
export interface StripLayout {
  top: number;
  bottom: number;
  x0: number;
  x1: number;
}

/** The strip's height, in units. */
const STRIP_HEIGHT = 78;

export interface ExportLayout {
  width: number;
  height: number;
  /** The unit every size is drawn in: 1 at 1200 × 675, growing with the square root of the area. */
  u: number;
  pad: number;
  header: TextLine[];
  footer: TextLine[];
  /** The map rectangle, full width between the header and the footer. */
  map: { top: number; bottom: number; height: number };
  frame: Frame;
  scaleBar: ScaleBarLayout | null;
  strip: StripLayout | null;
}

/** Title lines, then subtitle lines, from the top pad down; and where the text ends. */
function layoutHeader(input: LayoutInput, pad: number, u: number): { lines: TextLine[]; end: number } {
  const { width: W, parts } = input;
  const lines: TextLine[] = [];
  let y = pad;
  if (parts.has('title') && input.title) {
    const size = 30 * u;
    for (const content of wrapMeasured(input.title, W - 2 * pad, size, true).slice(0, 3)) {
      y += size;
      lines.push({ role: 'title', x: pad, y, size, content });
      y += size * 0.22;
    }
  }
  if (parts.has('subtitle') && input.subtitle) {
    const size = 16 * u;
    y += size * 0.3;
    for (const content of wrapMeasured(input.subtitle, W - 2 * pad, size).slice(0, 3)) {
      y += size;
      lines.push({ role: 'subtitle', x: pad, y, size, content });
      y += size * 0.3;
    }
  }
  return { lines, end: y };
}

/**
 * Dates, credits and permalink, wrapped by the font's real widths (the permalink at its `?`, `&`
 * and `/`), without their places yet (those hang on the map).
 */
function footerText(input: LayoutInput, pad: number, u: number): Omit<TextLine, 'x' | 'y'>[] {
  const wanted: [TextRole, string, number][] = [
    ['dates', input.dates, 13 * u],
    ['credits', input.credits, 12 * u],
    ['permalink', input.permalink, 10 * u],
  ];
  return wanted.flatMap(([role, text, size]) =>
    input.parts.has(role) && text
      ? (role === 'permalink' ? wrapUrl(text, input.width - 2 * pad, size) : wrapMeasured(text, input.width - 2 * pad, size)).map((content) => ({
          role,
          size,
          content,
        }))
      : [],
  );
}

function placeFooter(lines: Omit<TextLine, 'x' | 'y'>[], pad: number, mapBottom: number): TextLine[] {
  let y = mapBottom + pad * 0.6;
  return lines.map((l) => {
    y += l.size * 1.1;
    const line = { ...l, x: pad, y };
    y += l.size * 0.25;
    return line;
  });
}

const SCALE_BAR_MAX = 160;

function layoutScaleBar(frame: Frame, pad: number, mapBottom: number, u: number): ScaleBarLayout {
  const nm = scaleLength(frame.metresPerPixel, SCALE_BAR_MAX * u, 'nm');
  const km = scaleLength(frame.metresPerPixel, SCALE_BAR_MAX * u, 'km');
  const x = pad;
  const y = mapBottom - pad - 26 * u;
  const w = Math.max(nm.px, km.px);
  return { x, y, nm, km, box: [x - 6 * u, y - 18 * u, x + w + 54 * u, y + 26 * u] };
}

/** The most the scale bar can cover at any scale (its bars are at most SCALE_BAR_MAX × u long). */
export function scaleBarBounds(layout: Pick<ExportLayout, 'pad' | 'u' | 'map'>): Box {
  const { pad, u } = layout;
  const y = layout.map.bottom - pad - 26 * u;
  return [pad - 6 * u, y - 18 * u, pad + SCALE_BAR_MAX * u + 54 * u, y + 26 * u];
}

export function exportLayout(input: LayoutInput): ExportLayout {
  const { width: W, height: H } = input;
  const u = Math.max(0.6, Math.sqrt((W * H) / (1200 * 675)));
  const pad = 22 * u;
  const header = layoutHeader(input, pad, u);
  const mapTop = header.lines.length ? Math.round(header.end + pad * 0.7) : 0;
  const footer = footerText(input, pad, u);
  const footerHeight = footer.length ? Math.round(pad * 1.4 + footer.reduce((sum, l) => sum + l.size * 1.35, 0)) : 0;
  const stripHeight = input.strip ? Math.round(STRIP_HEIGHT * u) : 0;
  const mapBottom = H - footerHeight - stripHeight;
  const mapHeight = Math.max(10, mapBottom - mapTop);
  const frame = fitFrame(input.bbox, 0, mapTop, W, mapHeight);
  return {
    width: W,
    height: H,
    u,
    pad,
    header: header.lines,
    footer: placeFooter(footer, pad, mapBottom + stripHeight),
    map: { top: mapTop, bottom: mapBottom, height: mapHeight },
    frame,
    scaleBar: input.parts.has('scale') ? layoutScaleBar(frame, pad, mapBottom, u) : null,
    strip: input.strip ? { top: mapBottom, bottom: mapBottom + stripHeight, x0: pad, x1: W - pad } : null,
  };
}

/** The ink of a line of text: from its cap height to below its descenders. */
export function textLineBox(line: TextLine): Box {
  return [line.x, line.y - line.size, line.x + measureText(line.content, line.size, line.role === 'title'), line.y + line.size * 0.25];
}
