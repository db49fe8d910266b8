/**
 * The map of an export image as SVG: basemap (land or raster tiles), geofences, routes with their
 * direction arrows, ports and annotation pins, each drawn into a frame from the layout. Pure. The
 * look (colours, dashes) comes from the same style module as the Leaflet map.
 */
import type { Feature, FeatureCollection, Geometry, LineString, MultiPolygon, Polygon } from 'geojson';
import { bboxClip } from '@turf/bbox-clip';
import { ANNOTATION_COLORS, BORDER_DASH, COLORS, INFERRED_DASH } from '@/lib/core/domain/map-style';
import type { VoyageSummary } from '@/lib/core/domain/dto';
import type { Port } from '@/lib/core/domain/schemas';
import { arrowFractions, arrowheads } from '@/lib/core/geo/arrowheads';
import { arrowFractionsFor } from '@/lib/core/geo/arrowFractionsFor';
import { canonicalLine } from '@/lib/core/geo/canonicalLine';
import { coastShape } from '@/lib/core/geo/basemapShapes';
import type { Frame } from './projection';
import type { TileImage } from './tiles';
import { escapeXml, n1, scaledDash } from './text';

export type ExportVoyage = VoyageSummary & { route: LineString };

export interface ExportPin {
  position: [number, number];
  kind: keyof typeof ANNOTATION_COLORS;
}

/** The dash of an inferred route, scaled to the image. */
export const inferredDash = (u: number) => scaledDash(INFERRED_DASH, u);

const inside = (frame: Frame, [lon, lat]: [number, number]) =>
  lon >= frame.bbox[0] && lon <= frame.bbox[2] && lat >= frame.bbox[1] && lat <= frame.bbox[3];

export const portsInFrame = (ports: readonly Port[], frame: Frame) => ports.filter((p) => inside(frame, p.position));

/** The frame's pixel positions of a line's points. */
export const projectLine = (coordinates: readonly (readonly number[])[], frame: Frame) =>
  coordinates.map(([lon = 0, lat = 0]) => {
    const [x, y] = frame.project(lon, lat);
    return { x, y };
  });

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

function outside(ring: readonly number[][], [w, s, e, n]: Frame['bbox']): boolean {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x = 0, y = 0] of ring) {
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  return maxX < w || minX > e || maxY < s || minY > n;
}

/** The frame's ground with a margin: what is clipped away lies beyond the image's edges. */
function clipBox(frame: Frame): Frame['bbox'] {
  const [w, s, e, n] = frame.bbox;
  const mx = (e - w) * 0.05;
  const my = (n - s) * 0.05;
  return [w - mx, s - my, e + mx, n + my];
}

function landPath(fc: FeatureCollection, frame: Frame): string {
  const box = clipBox(frame);
  let d = '';
  for (const f of fc.features as Feature[]) {
    if (!f.geometry) continue;
    for (const polygon of ringsOf(f.geometry)) {
      // Skip polygons wholly outside the frame, and clip the rest to it: smaller files, same picture.
      if (outside(polygon[0] ?? [], box)) continue;
      const clipped = bboxClip({ type: 'Polygon', coordinates: polygon }, box).geometry as Polygon | MultiPolygon;
      for (const rings of clipped.type === 'Polygon' ? [clipped.coordinates] : clipped.coordinates) {
        for (const ring of rings) if (ring.length >= 4) d += `${linePath([ring], frame)}Z`;
      }
    }
  }
  return d;
}

/** The parts of lines near the frame (a point beyond its edge kept at each end of a run). */
function linesNear(lines: readonly (readonly number[][])[], frame: Frame): number[][][] {
  const [w, s, e, n] = clipBox(frame);
  const near = ([x = 0, y = 0]: number[]) => x >= w && x <= e && y >= s && y <= n;
  const out: number[][][] = [];
  for (const line of lines) {
    let run: number[][] = [];
    line.forEach((p, i) => {
      if (near(p) || (line[i - 1] && near(line[i - 1]!)) || (line[i + 1] && near(line[i + 1]!))) run.push(p);
      else if (run.length) {
        if (run.length > 1) out.push(run);
        run = [];
      }
    });
    if (run.length > 1) out.push(run);
  }
  return out;
}

/**
 * The coast of the land layers, worked out once per pair of layers: the dialog recomposes the image
 * on every change of a setting, and the land does not change.
 */
const coasts = new WeakMap<FeatureCollection, { world: FeatureCollection; lines: number[][][] }>();
function coastOf(land: FeatureCollection, world: FeatureCollection): number[][][] {
  let cached = coasts.get(land);
  if (!cached || cached.world !== world) {
    cached = { world, lines: coastShape(land, world).geometry.coordinates };
    coasts.set(land, cached);
  }
  return cached.lines;
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

const linesOf = (fc: FeatureCollection | undefined): number[][][] =>
  (fc?.features ?? []).flatMap((f) => (f.geometry?.type === 'MultiLineString' ? f.geometry.coordinates : f.geometry?.type === 'LineString' ? [f.geometry.coordinates] : []));

/**
 * Raster tiles when the caller placed some, else the vector land (world and region as one shape:
 * no seam where they meet), its coast, and the land borders between countries.
 */
export function basemapSvg(
  tiles: readonly TileImage[],
  land: FeatureCollection,
  world: FeatureCollection,
  frame: Frame,
  u: number,
  borders?: FeatureCollection,
): string[] {
  if (tiles.length) {
    return [
      '<g id="tiles">',
      ...tiles.map((t) => `<image href="${escapeXml(t.href)}" x="${n1(t.x)}" y="${n1(t.y)}" width="${n1(t.size)}" height="${n1(t.size)}"/>`),
      '</g>',
    ];
  }
  const dash = scaledDash(BORDER_DASH, u);
  return [
    `<path id="land" d="${landPath(world, frame)}${landPath(land, frame)}" fill="${COLORS.land}" fill-rule="evenodd"/>`,
    `<path id="coast" d="${linePath(linesNear(coastOf(land, world), frame), frame)}" fill="none" stroke="${COLORS.landStroke}" stroke-width="${n1(0.8 * u)}" stroke-linejoin="round"/>`,
    ...(borders
      ? [`<path id="borders" d="${linePath(linesNear(linesOf(borders), frame), frame)}" fill="none" stroke="${COLORS.border}" stroke-width="${n1(1.2 * u)}" stroke-dasharray="${dash}" stroke-linejoin="round"/>`]
      : []),
  ];
}

export function geofencesSvg(ports: readonly Port[], frame: Frame, u: number): string[] {
  const circles = ports.map((p) => {
    const [x, y] = frame.project(p.position[0], p.position[1]);
    // Mercator stretches with latitude: the frame's metres per pixel hold at its centre only.
    const mpp = frame.metresPerPixel * (Math.cos((p.position[1] * Math.PI) / 180) / Math.cos((((frame.bbox[1] + frame.bbox[3]) / 2) * Math.PI) / 180));
    const r = (p.geofenceRadiusNm * 1852) / mpp;
    return `<circle cx="${n1(x)}" cy="${n1(y)}" r="${n1(r)}" fill="${COLORS.geofence}" fill-opacity="0.04" stroke="${COLORS.geofence}" stroke-opacity="0.5" stroke-width="${n1(u)}" stroke-dasharray="${n1(2 * u)} ${n1(4 * u)}"/>`;
  });
  return ['<g id="geofences">', ...circles, '</g>'];
}

/** Routes, dimmed ones first and the selected one last so it sits on top; then all their arrows. */
export function routesSvg(voyages: readonly ExportVoyage[], selectedId: string | undefined, frame: Frame, u: number): string[] {
  const hasSelection = voyages.some((v) => v.id === selectedId);
  const ordered = [...voyages].sort((a, b) => Number(a.id === selectedId) - Number(b.id === selectedId));
  const dash = inferredDash(u);
  const arrowAt = arrowFractionsFor(voyages.map((v) => ({ id: v.id, coordinates: v.route.coordinates })));
  const paths: string[] = [];
  const arrows: string[] = [];
  for (const v of ordered) {
    const isSelected = v.id === selectedId;
    const dimmed = hasSelection && !isSelected;
    const color = isSelected ? COLORS.routeSelected : COLORS.route;
    // Drawn from the western end so that routes sharing a path keep their dashes aligned.
    const d = linePath([canonicalLine(v.route.coordinates)], frame);
    const name = `${v.vessel?.name ?? 'Unidentified vessel'}: ${v.origin.name} → ${v.destination.name}`;
    paths.push(
      `<path d="${d}" stroke="${color}" stroke-width="${n1((isSelected ? 5 : 2.5) * u)}" stroke-opacity="${dimmed ? 0.35 : 0.95}"${v.routeKind === 'inferred' ? ` stroke-dasharray="${dash}"` : ''}><title>${escapeXml(name)}</title></path>`,
    );
    const xy = projectLine(v.route.coordinates, frame);
    const length = xy.slice(1).reduce((sum, p, i) => sum + Math.hypot(p.x - xy[i]!.x, p.y - xy[i]!.y), 0);
    for (const tri of arrowheads(xy, arrowFractions(length / u, arrowAt.get(v.id)), 11 * u)) {
      arrows.push(`<path d="M${tri.map((p) => `${n1(p.x)} ${n1(p.y)}`).join('L')}Z" fill="${color}" fill-opacity="${dimmed ? 0.35 : 1}"/>`);
    }
  }
  return ['<g id="routes" fill="none" stroke-linecap="butt" stroke-linejoin="round">', ...paths, '</g>', '<g id="arrows">', ...arrows, '</g>'];
}

/** Ports, larger where a voyage shown calls; approximate positions as dashed rings. */
export function portsSvg(ports: readonly Port[], active: ReadonlySet<string>, frame: Frame, u: number): string[] {
  const circles = ports.map((p) => {
    const [x, y] = frame.project(p.position[0], p.position[1]);
    const r = (active.has(p.id) ? 6 : 4) * u;
    return p.approximate
      ? `<circle cx="${n1(x)}" cy="${n1(y)}" r="${n1(r)}" fill="#ffffff" stroke="${COLORS.port}" stroke-width="${n1(2 * u)}" stroke-dasharray="${n1(3 * u)} ${n1(3 * u)}"/>`
      : `<circle cx="${n1(x)}" cy="${n1(y)}" r="${n1(r)}" fill="${COLORS.port}" stroke="#ffffff" stroke-width="${n1(1.5 * u)}"/>`;
  });
  return ['<g id="ports">', ...circles, '</g>'];
}

/** The annotation pins inside the frame; nothing at all when there are none to draw. */
export function pinsSvg(pins: readonly ExportPin[] | undefined, frame: Frame, u: number): string[] {
  if (!pins?.length) return [];
  const circles = pins
    .filter((pin) => inside(frame, pin.position))
    .map((pin) => {
      const [x, y] = frame.project(pin.position[0], pin.position[1]);
      return `<circle cx="${n1(x)}" cy="${n1(y)}" r="${n1(7 * u)}" fill="${ANNOTATION_COLORS[pin.kind]}" stroke="#ffffff" stroke-width="${n1(2 * u)}"/>`;
    });
  return ['<g id="pins">', ...circles, '</g>'];
}
