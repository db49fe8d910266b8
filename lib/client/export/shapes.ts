/**
 * The time-dependent parts of an export image (routes at the time cursor, the stretches where the
 * ships could have been, the cursor's date) as a short list of plain shapes: SVG path data with a
 * stroke or fill, and text. The still image writes them as SVG; the video draws them on a canvas
 * (Path2D reads the same path data) over the rest of the image, rasterised once. Pure.
 */
import { escapeXml, n1 } from './text';

export interface PathShape {
  kind: 'path';
  /** SVG path data in image pixels. */
  d: string;
  stroke?: string;
  fill?: string;
  width?: number;
  opacity?: number;
  /** Dash lengths in pixels, as SVG writes them ("8 7"). */
  dash?: string;
  cap?: 'butt' | 'round';
  /** A tooltip in the SVG (a route's name). */
  title?: string;
}

export interface TextShape {
  kind: 'text';
  x: number;
  y: number;
  size: number;
  content: string;
  fill: string;
  bold?: boolean;
  anchor?: 'start' | 'middle' | 'end';
  /** A white halo this wide behind the letters. */
  halo?: number;
}

export type Shape = PathShape | TextShape;

/** The rectangle (x, y, w, h) as path data, for a filled background. */
export const rectPath = (x: number, y: number, w: number, h: number) => `M${n1(x)} ${n1(y)}h${n1(w)}v${n1(h)}h${n1(-w)}Z`;

function pathSvg(s: PathShape): string {
  const attrs = [
    `d="${s.d}"`,
    `fill="${s.fill ?? 'none'}"`,
    ...(s.stroke ? [`stroke="${s.stroke}"`, `stroke-width="${n1(s.width ?? 1)}"`] : []),
    ...(s.opacity !== undefined && s.opacity !== 1 ? [`opacity="${Math.round(s.opacity * 1000) / 1000}"`] : []),
    ...(s.dash ? [`stroke-dasharray="${s.dash}"`] : []),
    ...(s.cap === 'round' ? ['stroke-linecap="round"'] : []),
  ].join(' ');
  return s.title ? `<path ${attrs}><title>${escapeXml(s.title)}</title></path>` : `<path ${attrs}/>`;
}

function textSvg(s: TextShape): string {
  const attrs = [
    `x="${n1(s.x)}"`,
    `y="${n1(s.y)}"`,
    `font-size="${n1(s.size)}"`,
    `fill="${s.fill}"`,
    ...(s.bold ? ['font-weight="700"'] : []),
    ...(s.anchor && s.anchor !== 'start' ? [`text-anchor="${s.anchor}"`] : []),
    ...(s.halo ? [`stroke="#ffffff" stroke-width="${n1(s.halo)}" paint-order="stroke" stroke-linejoin="round"`] : []),
  ].join(' ');
  return `<text ${attrs}>${escapeXml(s.content)}</text>`;
}

/** The shapes as one SVG group. */
export function shapesSvg(id: string, shapes: readonly Shape[]): string[] {
  return [`<g id="${id}" stroke-linejoin="round">`, ...shapes.map((s) => (s.kind === 'path' ? pathSvg(s) : textSvg(s))), '</g>'];
}
