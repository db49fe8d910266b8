/**
 * The export image's legend: only the symbols the image holds, in a white box at the top right of
 * the map. Pure.
 */
import { CURSOR_STYLE, type CursorSummary, type LegendKey, TRACK_STYLE, type TrackSummary, cursorLabel, legendKeys } from '@/lib/core/domain/legend';
import { ANNOTATION_COLORS, BORDER_DASH, COLORS } from '@/lib/core/domain/map-style';
import type { Port } from '@/lib/core/domain/schemas';
import { type ExportVoyage, inferredDash } from './map';
import { type Box, CHAR_EM, escapeXml, n1, scaledDash } from './text';

export interface LegendInput {
  voyages: readonly ExportVoyage[];
  selected: ExportVoyage | undefined;
  /** The ports inside the frame. */
  ports: readonly Port[];
  showGeofences: boolean;
  hasPins: boolean;
  /** Raster tiles replace the vector land, so there is no land symbol to explain. */
  hasTiles: boolean;
  /** A country border is drawn inside the frame. */
  borders?: boolean;
  /**
   * The time cursor, when the image shows one: its day and how many voyages are drawn possibly
   * and certainly under way, and how many stretches (CURSOR_STYLE in lib/core/domain/legend.ts).
   */
  cursor?: CursorSummary;
  /** What the image draws of the observed tracks (lib/client/export/tracks.ts). */
  tracks?: TrackSummary;
}

/** Draws a legend symbol with its left end at x, centred on the row's line y. */
type Draw = (x: number, y: number) => string;

interface Entry {
  label: string;
  symbol: Draw;
}

/** The symbol and words for each legend key the export draws (it draws no sightings). */
function entryFor(key: LegendKey, u: number, selectedInferred: boolean, day: string | undefined): Entry | null {
  const dash = inferredDash(u);
  const line = (color: string, width: number, dashed: boolean): Draw => (x, y) =>
    `<line x1="${n1(x)}" y1="${n1(y)}" x2="${n1(x + 30 * u)}" y2="${n1(y)}" stroke="${color}" stroke-width="${n1(width * u)}"${dashed ? ` stroke-dasharray="${dash}"` : ''}/>`;
  const sample = (text: string): Draw => (x, y) =>
    `<text x="${n1(x + 15 * u)}" y="${n1(y + 4 * u)}" font-size="${n1(11 * u)}" font-style="italic" text-anchor="middle" fill="${COLORS.routeSelected}">${text}</text>`;
  const circle = (r: number, paint: string): Draw => (x, y) => `<circle cx="${n1(x + 15 * u)}" cy="${n1(y)}" r="${n1(r * u)}" ${paint}/>`;
  switch (key) {
    case 'route-inferred':
      return { label: 'Route inferred, not observed', symbol: line(COLORS.route, 2.5, true) };
    case 'route-observed':
      return { label: 'Route observed (AIS track)', symbol: line(COLORS.route, 2.5, false) };
    case 'cursor-certain':
      return { label: cursorLabel(key, day), symbol: line(COLORS.route, CURSOR_STYLE.certainWeight, true) };
    case 'cursor-possible':
      return { label: cursorLabel(key, day), symbol: line(COLORS.route, CURSOR_STYLE.possibleWeight, true) };
    case 'cursor-faded':
      return {
        label: cursorLabel(key, day),
        symbol: (x, y) => `<g opacity="${CURSOR_STYLE.fadedOpacity}">${line(COLORS.route, 2.5, true)(x, y)}</g>`,
      };
    case 'cursor-stretch':
      return {
        label: cursorLabel(key, day),
        symbol: (x, y) =>
          `${line(COLORS.route, CURSOR_STYLE.possibleWeight, true)(x, y)}<line x1="${n1(x + 8 * u)}" y1="${n1(y)}" x2="${n1(x + 22 * u)}" y2="${n1(y)}" stroke="${CURSOR_STYLE.stretchColor}" stroke-opacity="${CURSOR_STYLE.stretchOpacity}" stroke-width="${n1(12 * u)}" stroke-linecap="round"/>`,
      };
    case 'selected':
      return { label: 'Selected voyage', symbol: line(COLORS.routeSelected, 5, selectedInferred) };
    case 'hedged-name':
      return { label: '(believed), (matching): name hedged', symbol: sample('(…)') };
    case 'team-inferred':
      return { label: '(inferred by team): leg joined from two sightings', symbol: sample('(…)') };
    case 'direction':
      return {
        label: 'Direction of travel',
        symbol: (x, y) => `<path d="M${n1(x + 21 * u)} ${n1(y)}L${n1(x + 10 * u)} ${n1(y - 5 * u)}L${n1(x + 10 * u)} ${n1(y + 5 * u)}Z" fill="${COLORS.route}"/>`,
      };
    case 'port':
      return { label: 'Port (World Port Index position)', symbol: circle(5, `fill="${COLORS.port}" stroke="#fff" stroke-width="${n1(1.5 * u)}"`) };
    case 'port-approximate':
      return {
        label: 'Port, position approximate',
        symbol: circle(5, `fill="#fff" stroke="${COLORS.port}" stroke-width="${n1(2 * u)}" stroke-dasharray="${n1(3 * u)} ${n1(3 * u)}"`),
      };
    case 'geofence':
      return {
        label: 'Port geofence',
        symbol: circle(8, `fill="${COLORS.geofence}" fill-opacity="0.06" stroke="${COLORS.geofence}" stroke-opacity="0.5" stroke-dasharray="${n1(2 * u)} ${n1(4 * u)}"`),
      };
    case 'pin':
      return { label: 'Team annotation', symbol: circle(6, `fill="${ANNOTATION_COLORS.note}" stroke="#fff" stroke-width="${n1(2 * u)}"`) };
    case 'land':
      return {
        label: 'Land',
        symbol: (x, y) => `<rect x="${n1(x + 1 * u)}" y="${n1(y - 5 * u)}" width="${n1(28 * u)}" height="${n1(10 * u)}" fill="${COLORS.land}" stroke="${COLORS.landStroke}"/>`,
      };
    case 'border':
      return {
        label: 'Country border',
        symbol: (x, y) =>
          `<line x1="${n1(x)}" y1="${n1(y)}" x2="${n1(x + 30 * u)}" y2="${n1(y)}" stroke="${COLORS.border}" stroke-width="${n1(1.5 * u)}" stroke-dasharray="${scaledDash(BORDER_DASH, u)}"/>`,
      };
    case 'track-gap':
      return {
        label: 'AIS gap (dotted, with its duration)',
        symbol: (x, y) =>
          `<line x1="${n1(x + 2 * u)}" y1="${n1(y)}" x2="${n1(x + 28 * u)}" y2="${n1(y)}" stroke="${COLORS.route}" stroke-width="${n1(TRACK_STYLE.gapWeight * u)}" stroke-linecap="round" stroke-dasharray="${scaledDash(TRACK_STYLE.gapDash, u)}"/>`,
      };
    case 'dark-port-call':
      return {
        label: 'Possible dark port call',
        symbol: circle(
          8,
          `fill="none" stroke="${TRACK_STYLE.haloColor}" stroke-width="${n1(TRACK_STYLE.haloWeight * u)}" stroke-dasharray="${scaledDash(TRACK_STYLE.haloDash, u)}"`,
        ),
      };
    // The image draws no sightings.
    case 'sighting':
    case 'sighting-draft':
      return null;
  }
}
/** The legend's SVG and the box it covers, which labels must keep clear of. */
export function legendSvg(input: LegendInput, width: number, mapTop: number, u: number): { svg: string; box: Box } {
  const selectedInferred = input.selected?.routeKind === 'inferred';
  const keys = legendKeys({ ...input, pins: input.hasPins ? 1 : 0 });
  const entries = keys.flatMap((key) => entryFor(key, u, selectedInferred, input.cursor?.day) ?? []);
  const size = 12.5 * u;
  const rowH = 19 * u;
  const boxW = 36 * u + Math.max(...entries.map((e) => e.label.length)) * size * CHAR_EM + 14 * u;
  const boxH = 14 * u + rowH * entries.length + 22 * u;
  const x0 = width - boxW - 12 * u;
  const y0 = mapTop + 12 * u;
  const rows = entries.map((e, i) => {
    const cy = y0 + 32 * u + i * rowH;
    return `${e.symbol(x0 + 10 * u, cy)}<text x="${n1(x0 + 46 * u)}" y="${n1(cy + size * 0.35)}" font-size="${n1(size)}" fill="#1c2430">${escapeXml(e.label)}</text>`;
  });
  const svg = [
    `<g id="legend">`,
    `<rect x="${n1(x0)}" y="${n1(y0)}" width="${n1(boxW)}" height="${n1(boxH)}" rx="${n1(4 * u)}" fill="#ffffff" fill-opacity="0.94" stroke="#d7dbe0"/>`,
    `<text x="${n1(x0 + 10 * u)}" y="${n1(y0 + 18 * u)}" font-size="${n1(13 * u)}" font-weight="700" fill="#1c2430">Legend</text>`,
    ...rows,
    '</g>',
  ].join('');
  return { svg, box: [x0, y0, x0 + boxW, y0 + boxH] };
}
