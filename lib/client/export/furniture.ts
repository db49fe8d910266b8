/**
 * The furniture around the map: title and subtitle above it, dates, credits and permalink below
 * it, and the scale bar in its bottom-left corner, drawn where the layout put them. Pure.
 */
import type { ExportLayout, ScaleBarLayout, TextLine, TextRole } from './layout';
import { n1, svgText } from './text';

const TEXT_ATTRS: Record<TextRole, string> = {
  title: 'font-weight="700" fill="#1c2430"',
  subtitle: 'fill="#4b5563"',
  dates: 'fill="#1c2430"',
  credits: 'fill="#4b5563"',
  permalink: 'fill="#6b7280"',
};

const line = (l: TextLine) => svgText(l.x, l.y, l.size, l.content, TEXT_ATTRS[l.role]);

/** The header and footer text in one group; nothing when every text part is off or empty. */
export function textSvg(layout: ExportLayout): string[] {
  if (!layout.header.length && !layout.footer.length) return [];
  return ['<g id="text">', ...layout.header.map(line), ...layout.footer.map(line), '</g>'];
}

/** Nautical miles above the line, kilometres below, on a white patch. */
export function scaleBarSvg({ x, y, nm, km, box }: ScaleBarLayout, u: number): string {
  const size = 12 * u;
  return [
    `<g id="scale-bar" stroke="#1c2430" stroke-width="${n1(2 * u)}" fill="none">`,
    `<rect x="${n1(box[0])}" y="${n1(box[1])}" width="${n1(box[2] - box[0])}" height="${n1(box[3] - box[1])}" fill="#ffffff" fill-opacity="0.85" stroke="none"/>`,
    `<path d="M${n1(x)} ${n1(y - 6 * u)}V${n1(y)}H${n1(x + nm.px)}V${n1(y - 6 * u)}"/>`,
    `<path d="M${n1(x)} ${n1(y + 6 * u)}V${n1(y)}M${n1(x + km.px)} ${n1(y)}V${n1(y + 6 * u)}"/>`,
    `<text x="${n1(x + nm.px + 5 * u)}" y="${n1(y - 3 * u)}" font-size="${n1(size)}" fill="#1c2430" stroke="none">${nm.value} nm</text>`,
    `<text x="${n1(x + km.px + 5 * u)}" y="${n1(y + 13 * u)}" font-size="${n1(size)}" fill="#1c2430" stroke="none">${km.value} km</text>`,
    '</g>',
  ].join('');
}
