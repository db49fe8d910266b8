/**
 * The export image as one SVG document: map (land, geofences, routes with direction arrows,
 * ports and labels), title, subtitle, legend, scale bar, dates, credits and permalink. Everything
 * is vector, so the same document is the SVG download and, rasterised at the exact size asked for,
 * the PNG: text stays crisp at every size and nothing can come out blank or tainted.
 *
 * Pure: data in, string out. The map's look (colours, dashes) comes from the same style module as
 * the Leaflet map.
 */
import type { Feature, FeatureCollection, Geometry, LineString, MultiPolygon, Polygon } from 'geojson';
import { ANNOTATION_COLORS, COLORS, INFERRED_DASH } from '@/lib/core/domain/map-style';
import type { VoyageSummary } from '@/lib/core/domain/dto';
import type { Port } from '@/lib/core/domain/schemas';
import type { Bbox, ExportPart } from '@/lib/core/domain/view-state';
import { arrowFractions, arrowheads } from '@/lib/core/geo/arrowheads';
import { arrowFractionsFor } from '@/lib/core/geo/arrowFractionsFor';
import { canonicalLine } from '@/lib/core/geo/canonicalLine';
import { coastline } from '@/lib/core/geo/coastline';
import { scaleLength } from '@/lib/core/geo/scaleLength';
import { type Frame, fitFrame } from './projection';

export interface TileImage {
  href: string;
  x: number;
  y: number;
  size: number;
}

export interface ComposeInput {
  width: number;
  height: number;
  bbox: Bbox;
  parts: ReadonlySet<ExportPart>;
  title: string;
  subtitle: string;
  dates: string;
  credits: string;
  permalink: string;
  land: FeatureCollection;
  world: FeatureCollection;
  ports: readonly Port[];
  showGeofences: boolean;
  showLabels: boolean;
  voyages: readonly (VoyageSummary & { route: LineString })[];
  selectedId?: string;
  /** Team annotation pins to draw (only when the export includes them). */
  pins?: readonly { position: [number, number]; kind: keyof typeof ANNOTATION_COLORS }[];
  /** Raster tiles, placed by the caller from the frame (only when a tile layer is exported). */
  tiles?: (frame: Frame) => TileImage[];
}

const FONT = "'DejaVu Sans', 'Helvetica Neue', Arial, sans-serif";
/** Average advance of a character, in ems, for wrapping (generous for DejaVu Sans). */
const CHAR_EM = 0.58;

type Box = [number, number, number, number];
const overlaps = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
const textWidth = (s: string, size: number) => s.length * size * CHAR_EM;

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

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

const n1 = (x: number) => (Math.round(x * 10) / 10).toString();

function ringsOf(g: Geometry): number[][][][] {
  switch (g.type) {
    case 'Polygon':
      return [(g as Polygon).coordinates];
    case 'MultiPolygon':
      return (g as MultiPolygon).coordinates;
    case 'GeometryCollection':
      return g.geometries.flatMap(ringsOf);
    case 'Point':
    case 'MultiPoint':
    case 'LineString':
    case 'MultiLineString':
      return [];
  }
}

function landPath(fc: FeatureCollection, frame: Frame): string {
  const [w, s, e, n] = frame.bbox;
  let d = '';
  for (const f of fc.features as Feature[]) {
    if (!f.geometry) continue;
    for (const polygon of ringsOf(f.geometry)) {
      // Skip polygons wholly outside the frame: smaller files, same picture.
      const outer = polygon[0] ?? [];
      let minX = Infinity;
      let minY = Infinity;
      let maxX = -Infinity;
      let maxY = -Infinity;
      for (const [x = 0, y = 0] of outer) {
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
      }
      if (maxX < w || minX > e || maxY < s || minY > n) continue;
      for (const ring of polygon) {
        ring.forEach(([lon = 0, lat = 0], i) => {
          const [x, y] = frame.project(lon, lat);
          d += `${i === 0 ? 'M' : 'L'}${n1(x)} ${n1(y)}`;
        });
        d += 'Z';
      }
    }
  }
  return d;
}

/**
 * The coast of a land layer, worked out once per layer object: the dialog recomposes the image on
 * every change of a setting, and the land does not change.
 */
const coasts = new WeakMap<FeatureCollection, number[][][]>();
function coastOf(land: FeatureCollection): number[][][] {
  let lines = coasts.get(land);
  if (!lines) {
    lines = coastline(land as FeatureCollection<Polygon | MultiPolygon>).geometry.coordinates;
    coasts.set(land, lines);
  }
  return lines;
}

function linePath(lines: readonly (readonly (readonly number[])[])[], frame: Frame): string {
  let d = '';
  for (const line of lines) {
    line.forEach(([lon = 0, lat = 0], i) => {
      const [x, y] = frame.project(lon, lat);
      d += `${i === 0 ? 'M' : 'L'}${n1(x)} ${n1(y)}`;
    });
  }
  return d;
}

const inside = (frame: Frame, [lon, lat]: [number, number]) =>
  lon >= frame.bbox[0] && lon <= frame.bbox[2] && lat >= frame.bbox[1] && lat <= frame.bbox[3];

export function composeSvg(input: ComposeInput): string {
  const { width: W, height: H, parts } = input;
  const u = Math.max(0.6, Math.sqrt((W * H) / (1200 * 675)));
  const pad = 22 * u;
  const out: string[] = [];
  const text = (x: number, y: number, size: number, content: string, attrs = '') =>
    `<text x="${n1(x)}" y="${n1(y)}" font-size="${n1(size)}" ${attrs}>${escapeXml(content)}</text>`;

  // Header: title and subtitle on a white band above the map.
  const header: string[] = [];
  let y = pad;
  if (parts.has('title') && input.title) {
    const size = 30 * u;
    for (const line of wrapText(input.title, W - 2 * pad, size).slice(0, 3)) {
      y += size;
      header.push(text(pad, y, size, line, `font-weight="700" fill="#1c2430"`));
      y += size * 0.22;
    }
  }
  if (parts.has('subtitle') && input.subtitle) {
    const size = 16 * u;
    y += size * 0.3;
    for (const line of wrapText(input.subtitle, W - 2 * pad, size).slice(0, 3)) {
      y += size;
      header.push(text(pad, y, size, line, `fill="#4b5563"`));
      y += size * 0.3;
    }
  }
  const mapTop = header.length ? Math.round(y + pad * 0.7) : 0;

  // Footer: dates, credits and permalink on a white band below the map.
  const footerLines: { size: number; content: string; fill: string }[] = [];
  if (parts.has('dates') && input.dates) {
    for (const line of wrapText(input.dates, W - 2 * pad, 13 * u)) footerLines.push({ size: 13 * u, content: line, fill: '#1c2430' });
  }
  if (parts.has('credits') && input.credits) {
    for (const line of wrapText(input.credits, W - 2 * pad, 12 * u)) footerLines.push({ size: 12 * u, content: line, fill: '#4b5563' });
  }
  if (parts.has('permalink') && input.permalink) {
    for (const line of wrapText(input.permalink, W - 2 * pad, 10 * u)) footerLines.push({ size: 10 * u, content: line, fill: '#6b7280' });
  }
  const footerHeight = footerLines.length
    ? Math.round(pad * 1.4 + footerLines.reduce((sum, l) => sum + l.size * 1.35, 0))
    : 0;
  const mapBottom = H - footerHeight;
  const mapHeight = Math.max(10, mapBottom - mapTop);
  const frame = fitFrame(input.bbox, 0, mapTop, W, mapHeight);

  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="${escapeXml(FONT)}">`,
    `<title>${escapeXml(input.title || 'Wakeline map')}</title>`,
    `<defs><clipPath id="map"><rect x="0" y="${mapTop}" width="${W}" height="${mapHeight}"/></clipPath></defs>`,
    `<rect width="${W}" height="${H}" fill="#ffffff"/>`,
    `<g clip-path="url(#map)">`,
    `<rect x="0" y="${mapTop}" width="${W}" height="${mapHeight}" fill="${COLORS.sea}"/>`,
  );

  const tiles = input.tiles?.(frame) ?? [];
  if (tiles.length) {
    out.push('<g id="tiles">');
    for (const t of tiles) out.push(`<image href="${escapeXml(t.href)}" x="${n1(t.x)}" y="${n1(t.y)}" width="${n1(t.size)}" height="${n1(t.size)}"/>`);
    out.push('</g>');
  } else {
    out.push(
      `<path id="world" d="${landPath(input.world, frame)}" fill="${COLORS.land}" fill-rule="evenodd"/>`,
      `<path id="land" d="${landPath(input.land, frame)}" fill="${COLORS.land}" fill-rule="evenodd"/>`,
      `<path id="coast" d="${linePath(coastOf(input.land), frame)}" fill="none" stroke="${COLORS.landStroke}" stroke-width="${n1(0.8 * u)}" stroke-linejoin="round"/>`,
    );
  }

  const visiblePorts = input.ports.filter((p) => inside(frame, p.position));
  if (input.showGeofences) {
    out.push('<g id="geofences">');
    for (const p of visiblePorts) {
      const [x, yy] = frame.project(p.position[0], p.position[1]);
      const mpp = frame.metresPerPixel * (Math.cos((p.position[1] * Math.PI) / 180) / Math.cos((((frame.bbox[1] + frame.bbox[3]) / 2) * Math.PI) / 180));
      const r = (p.geofenceRadiusNm * 1852) / mpp;
      out.push(
        `<circle cx="${n1(x)}" cy="${n1(yy)}" r="${n1(r)}" fill="${COLORS.geofence}" fill-opacity="0.04" stroke="${COLORS.geofence}" stroke-opacity="0.5" stroke-width="${n1(u)}" stroke-dasharray="${n1(2 * u)} ${n1(4 * u)}"/>`,
      );
    }
    out.push('</g>');
  }

  // Routes: dimmed ones first, the selected one last so it sits on top.
  const selected = input.voyages.find((v) => v.id === input.selectedId);
  const ordered = [...input.voyages].sort((a, b) => Number(a.id === input.selectedId) - Number(b.id === input.selectedId));
  const dash = INFERRED_DASH.split(' ').map((d) => n1(Number(d) * u)).join(' ');
  out.push('<g id="routes" fill="none" stroke-linecap="butt" stroke-linejoin="round">');
  const arrowShapes: string[] = [];
  const arrowAt = arrowFractionsFor(input.voyages.map((v) => ({ id: v.id, coordinates: v.route.coordinates })));
  for (const v of ordered) {
    const isSelected = v.id === input.selectedId;
    const dimmed = Boolean(selected) && !isSelected;
    const color = isSelected ? COLORS.routeSelected : COLORS.route;
    const pts = v.route.coordinates.map(([lon = 0, lat = 0]) => frame.project(lon, lat));
    // Drawn from the western end so that routes sharing a path keep their dashes aligned.
    const d = linePath([canonicalLine(v.route.coordinates)], frame);
    out.push(
      `<path d="${d}" stroke="${color}" stroke-width="${n1((isSelected ? 5 : 2.5) * u)}" stroke-opacity="${dimmed ? 0.35 : 0.95}"${v.routeKind === 'inferred' ? ` stroke-dasharray="${dash}"` : ''}><title>${escapeXml(`${v.vessel?.name ?? 'Unidentified vessel'}: ${v.origin.name} → ${v.destination.name}`)}</title></path>`,
    );
    const xy = pts.map(([x, yy]) => ({ x, y: yy }));
    const length = xy.slice(1).reduce((sum, p, i) => sum + Math.hypot(p.x - xy[i]!.x, p.y - xy[i]!.y), 0);
    for (const tri of arrowheads(xy, arrowFractions(length / u, arrowAt.get(v.id)), 11 * u)) {
      arrowShapes.push(
        `<path d="M${tri.map((p) => `${n1(p.x)} ${n1(p.y)}`).join('L')}Z" fill="${color}" fill-opacity="${dimmed ? 0.35 : 1}"/>`,
      );
    }
  }
  out.push('</g>', '<g id="arrows">', ...arrowShapes, '</g>');

  // Ports and labels.
  const active = new Set(input.voyages.flatMap((v) => [v.origin.id, v.destination.id]));
  out.push('<g id="ports">');
  for (const p of visiblePorts) {
    const [x, yy] = frame.project(p.position[0], p.position[1]);
    const r = (active.has(p.id) ? 6 : 4) * u;
    out.push(
      p.approximate
        ? `<circle cx="${n1(x)}" cy="${n1(yy)}" r="${n1(r)}" fill="#ffffff" stroke="${COLORS.port}" stroke-width="${n1(2 * u)}" stroke-dasharray="${n1(3 * u)} ${n1(3 * u)}"/>`
        : `<circle cx="${n1(x)}" cy="${n1(yy)}" r="${n1(r)}" fill="${COLORS.port}" stroke="#ffffff" stroke-width="${n1(1.5 * u)}"/>`,
    );
  }
  out.push('</g>');
  if (input.pins?.length) {
    out.push('<g id="pins">');
    for (const pin of input.pins) {
      if (!inside(frame, pin.position)) continue;
      const [x, yy] = frame.project(pin.position[0], pin.position[1]);
      out.push(`<circle cx="${n1(x)}" cy="${n1(yy)}" r="${n1(7 * u)}" fill="${ANNOTATION_COLORS[pin.kind]}" stroke="#ffffff" stroke-width="${n1(2 * u)}"/>`);
    }
    out.push('</g>');
  }

  // Labels, placed greedily so that none covers another: the route label first, then the ports of
  // the voyages shown, then the rest; a label with no free place is left out.
  const legendPart = parts.has('legend') ? legend(input, visiblePorts, Boolean(selected), W, mapTop, u) : null;
  const scalePart = parts.has('scale') ? scaleBar(frame.metresPerPixel, pad, mapBottom, u) : null;
  const placed: Box[] = [legendPart?.box, scalePart?.box].filter((b): b is Box => b !== undefined);
  const labels: string[] = [];
  const labelled = selected ?? [...input.voyages].filter((v) => v.routeKind === 'inferred').sort((a, b) => b.metrics.routeNm - a.metrics.routeNm)[0];
  if (labelled && labelled.routeKind === 'inferred') {
    const pts = labelled.route.coordinates.map(([lon = 0, lat = 0]) => {
      const [x, yy] = frame.project(lon, lat);
      return { x, y: yy };
    });
    // The middle of the route by length: where the arrow sits (its tip is the midpoint).
    const tip = arrowheads(pts, [0.5], 0.001)[0]?.[0];
    if (tip) {
      const size = 13 * u;
      const w = textWidth('Route inferred, not observed', size);
      for (const [dx, dy] of [[0, -14 * u], [0, 14 * u + size]] as const) {
        const box: Box = [tip.x + dx - w / 2, tip.y + dy - size, tip.x + dx + w / 2, tip.y + dy + size * 0.3];
        if (placed.some((b) => overlaps(b, box))) continue;
        placed.push(box);
        labels.push(
          text(tip.x + dx, tip.y + dy, size, 'Route inferred, not observed', `text-anchor="middle" font-weight="700" fill="${COLORS.routeSelected}" stroke="#ffffff" stroke-width="${n1(3.5 * u)}" paint-order="stroke" stroke-linejoin="round" id="route-label"`),
        );
        break;
      }
    }
  }
  if (input.showLabels) {
    const byPriority = [...visiblePorts].sort((a, b) => Number(active.has(b.id)) - Number(active.has(a.id)));
    for (const p of byPriority) {
      const [x, yy] = frame.project(p.position[0], p.position[1]);
      const size = (active.has(p.id) ? 14 : 12) * u;
      const name = `${p.name}${p.approximate ? ' (approx.)' : ''}`;
      const w = textWidth(name, size);
      const gap = 9 * u;
      const candidates: [number, number, 'start' | 'end' | 'middle'][] = [
        [x + gap, yy + size * 0.35, 'start'],
        [x - gap, yy + size * 0.35, 'end'],
        [x, yy - gap, 'middle'],
        [x, yy + gap + size * 0.8, 'middle'],
      ];
      for (const [tx, ty, anchor] of candidates) {
        const left = anchor === 'start' ? tx : anchor === 'end' ? tx - w : tx - w / 2;
        const box: Box = [left, ty - size * 0.85, left + w, ty + size * 0.25];
        if (placed.some((b) => overlaps(b, box))) continue;
        placed.push(box);
        labels.push(
          text(tx, ty, size, name, `text-anchor="${anchor}" fill="${COLORS.port}" font-weight="${active.has(p.id) ? 700 : 400}" stroke="#ffffff" stroke-width="${n1(3 * u)}" paint-order="stroke" stroke-linejoin="round"`),
        );
        break;
      }
    }
  }
  out.push('<g id="labels">', ...labels, '</g>');
  out.push('</g>');

  if (legendPart) out.push(legendPart.svg);
  if (scalePart) out.push(scalePart.svg);
  if (header.length || footerLines.length) {
    out.push('<g id="text">', ...header);
    let fy = mapBottom + pad * 0.6;
    for (const l of footerLines) {
      fy += l.size * 1.1;
      out.push(text(pad, fy, l.size, l.content, `fill="${l.fill}"`));
      fy += l.size * 0.25;
    }
    out.push('</g>');
  }
  out.push('</svg>');
  return out.join('\n');
}

function legend(input: ComposeInput, visiblePorts: readonly Port[], hasSelection: boolean, W: number, mapTop: number, u: number): { svg: string; box: Box } {
  const dash = INFERRED_DASH.split(' ').map((d) => n1(Number(d) * u)).join(' ');
  const entries: { label: string; symbol: (x: number, y: number) => string }[] = [];
  const line = (color: string, width: number, dashed: boolean) => (x: number, y: number) =>
    `<line x1="${n1(x)}" y1="${n1(y)}" x2="${n1(x + 30 * u)}" y2="${n1(y)}" stroke="${color}" stroke-width="${n1(width * u)}"${dashed ? ` stroke-dasharray="${dash}"` : ''}/>`;
  if (input.voyages.some((v) => v.routeKind === 'inferred')) entries.push({ label: 'Route inferred, not observed', symbol: line(COLORS.route, 2.5, true) });
  if (input.voyages.some((v) => v.routeKind === 'observed')) entries.push({ label: 'Route observed (AIS track)', symbol: line(COLORS.route, 2.5, false) });
  if (hasSelection) entries.push({ label: 'Selected voyage', symbol: line(COLORS.routeSelected, 5, input.voyages.find((v) => v.id === input.selectedId)?.routeKind === 'inferred') });
  if (input.voyages.length) {
    entries.push({
      label: 'Direction of travel',
      symbol: (x, y) => `<path d="M${n1(x + 21 * u)} ${n1(y)}L${n1(x + 10 * u)} ${n1(y - 5 * u)}L${n1(x + 10 * u)} ${n1(y + 5 * u)}Z" fill="${COLORS.route}"/>`,
    });
  }
  if (visiblePorts.some((p) => !p.approximate)) {
    entries.push({
      label: 'Port (World Port Index position)',
      symbol: (x, y) => `<circle cx="${n1(x + 15 * u)}" cy="${n1(y)}" r="${n1(5 * u)}" fill="${COLORS.port}" stroke="#fff" stroke-width="${n1(1.5 * u)}"/>`,
    });
  }
  if (visiblePorts.some((p) => p.approximate)) {
    entries.push({
      label: 'Port, position approximate',
      symbol: (x, y) => `<circle cx="${n1(x + 15 * u)}" cy="${n1(y)}" r="${n1(5 * u)}" fill="#fff" stroke="${COLORS.port}" stroke-width="${n1(2 * u)}" stroke-dasharray="${n1(3 * u)} ${n1(3 * u)}"/>`,
    });
  }
  if (input.showGeofences && visiblePorts.length) {
    entries.push({
      label: 'Port geofence',
      symbol: (x, y) => `<circle cx="${n1(x + 15 * u)}" cy="${n1(y)}" r="${n1(8 * u)}" fill="${COLORS.geofence}" fill-opacity="0.06" stroke="${COLORS.geofence}" stroke-opacity="0.5" stroke-dasharray="${n1(2 * u)} ${n1(4 * u)}"/>`,
    });
  }
  if (input.pins?.length) {
    entries.push({
      label: 'Team annotation',
      symbol: (x, y) => `<circle cx="${n1(x + 15 * u)}" cy="${n1(y)}" r="${n1(6 * u)}" fill="${ANNOTATION_COLORS.note}" stroke="#fff" stroke-width="${n1(2 * u)}"/>`,
    });
  }
  if (!input.tiles) {
    entries.push({
      label: 'Land',
      symbol: (x, y) => `<rect x="${n1(x + 1 * u)}" y="${n1(y - 5 * u)}" width="${n1(28 * u)}" height="${n1(10 * u)}" fill="${COLORS.land}" stroke="${COLORS.landStroke}"/>`,
    });
  }
  const size = 12.5 * u;
  const rowH = 19 * u;
  const boxW = 36 * u + Math.max(...entries.map((e) => e.label.length)) * size * CHAR_EM + 14 * u;
  const boxH = 14 * u + rowH * entries.length + 22 * u;
  const x0 = W - boxW - 12 * u;
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

function scaleBar(metresPerPixel: number, pad: number, mapBottom: number, u: number): { svg: string; box: Box } {
  const nm = scaleLength(metresPerPixel, 160 * u, 'nm');
  const km = scaleLength(metresPerPixel, 160 * u, 'km');
  const x = pad;
  const y = mapBottom - pad - 26 * u;
  const size = 12 * u;
  const w = Math.max(nm.px, km.px);
  const box: Box = [x - 6 * u, y - 18 * u, x + w + 54 * u, y + 26 * u];
  const svg = [
    `<g id="scale-bar" stroke="#1c2430" stroke-width="${n1(2 * u)}" fill="none">`,
    `<rect x="${n1(box[0])}" y="${n1(box[1])}" width="${n1(box[2] - box[0])}" height="${n1(box[3] - box[1])}" fill="#ffffff" fill-opacity="0.85" stroke="none"/>`,
    `<path d="M${n1(x)} ${n1(y - 6 * u)}V${n1(y)}H${n1(x + nm.px)}V${n1(y - 6 * u)}"/>`,
    `<path d="M${n1(x)} ${n1(y + 6 * u)}V${n1(y)}M${n1(x + km.px)} ${n1(y)}V${n1(y + 6 * u)}"/>`,
    `<text x="${n1(x + nm.px + 5 * u)}" y="${n1(y - 3 * u)}" font-size="${n1(size)}" fill="#1c2430" stroke="none">${nm.value} nm</text>`,
    `<text x="${n1(x + km.px + 5 * u)}" y="${n1(y + 13 * u)}" font-size="${n1(size)}" fill="#1c2430" stroke="none">${km.value} km</text>`,
    '</g>',
  ].join('');
  return { svg, box };
}
