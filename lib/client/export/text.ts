/**
 * The small pieces every part of the export image is written with: SVG text, numbers rounded to a
 * tenth of a pixel (enough for any screen or print, and much smaller files), boxes that must not
 * overlap, and word wrap by an average character width. Pure.
 */

export const FONT = "'DejaVu Sans', 'Helvetica Neue', Arial, sans-serif";
/** Average advance of a character, in ems, for wrapping (generous for DejaVu Sans). */
export const CHAR_EM = 0.58;

/** [left, top, right, bottom] in pixels. */
export type Box = [number, number, number, number];

export const overlaps = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

export const textWidth = (s: string, size: number) => s.length * size * CHAR_EM;

export const n1 = (x: number) => (Math.round(x * 10) / 10).toString();

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** A `<text>` element at (x, y); `attrs` are written as they are, `content` is escaped. */
export const svgText = (x: number, y: number, size: number, content: string, attrs = '') =>
  `<text x="${n1(x)}" y="${n1(y)}" font-size="${n1(size)}" ${attrs}>${escapeXml(content)}</text>`;

/** Greedy word wrap to a pixel width, by an average character width. */
export function wrapText(text: string, maxWidth: number, fontSize: number): string[] {
  const maxChars = Math.max(8, Math.floor(maxWidth / (fontSize * CHAR_EM)));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!line) line = word;
    else if (line.length + 1 + word.length <= maxChars) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
    while (line.length > maxChars) {
      lines.push(line.slice(0, maxChars));
      line = line.slice(maxChars);
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** A style's dash pattern ("5 4", CSS pixels) scaled to the image's unit `u`, for stroke-dasharray. */
export const scaledDash = (pattern: string, u: number): string =>
  pattern
    .split(' ')
    .map((d) => n1(Number(d) * u))
    .join(' ');
