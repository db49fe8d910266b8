/**
 * One vessel's observed track, prepared for the map: its fixes projected once to Web Mercator in
 * a typed array, split at its gaps, simplified per zoom level (cached by integer zoom) and cut into
 * chunks whose bounds let the layer skip what is out of view. Pure (no Leaflet): the map layer
 * (drawTile) scales these coordinates by 256 × 2^zoom, exactly as Leaflet's EPSG:3857 does.
 */
import KDBush from 'kdbush';
import type { TrackDto } from '@/lib/core/track/types';
import { simplifyImportance } from '@/lib/core/track/simplifyImportance';
import { simplifyTrack } from '@/lib/core/track/simplifyTrack';
import { type TrackGap, splitAtGaps } from '@/lib/core/track/splitAtGaps';

/** Vertices left out lie within this many screen pixels of the line drawn. */
const TOLERANCE_PX = 0.5;
/** Kept vertices per chunk: small enough that a tile strokes little beyond its edges, large enough to stay few. */
const CHUNK = 64;
/** Leaflet's SphericalMercator limit. */
const MAX_LATITUDE = 85.0511287798;

/** The fixes drawn at one zoom level, in chunks with their bounds. */
export interface ZoomLevel {
  /** Ascending fix indices kept at this zoom. */
  kept: Uint32Array;
  /** Chunk c draws kept[c × CHUNK] through kept[min((c + 1) × CHUNK, kept.length − 1)] (sharing ends). */
  chunks: number;
  /** Per chunk: minX, minY, maxX, maxY (normalised Mercator). */
  bounds: Float64Array;
}

export interface TrackModel {
  vesselId: string;
  vesselName: string;
  /** Fixes. */
  n: number;
  /** Interleaved normalised Web Mercator: x = lon/360 + ½, y grows southwards, both in [0, 1]. */
  xy: Float64Array;
  /** 1 where a part starts after a gap (the line is lifted there, the gap drawn dotted). */
  partStart: Uint8Array;
  gaps: TrackGap[];
  /** The whole track's minX, minY, maxX, maxY. */
  bounds: [number, number, number, number];
  dto: TrackDto;
  /** Simplification and the hover index, made when first asked for. */
  cache: { importance: Float64Array | null; importanceZoom: number; levels: Map<number, ZoomLevel>; index: KDBush | null };
}

/** GeoJSON longitude and latitude to normalised Web Mercator (Leaflet's EPSG:3857 at scale 1). */
export function mercatorX(lon: number): number {
  return lon / 360 + 0.5;
}
export function mercatorY(lat: number): number {
  const sin = Math.sin((Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat)) * Math.PI) / 180);
  return 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI);
}

/** One screen pixel at this zoom, in normalised Mercator units. */
export function pixelAt(zoom: number): number {
  return 1 / (256 * 2 ** zoom);
}

/**
 * Prepares a track: projection, parts and gaps (see splitAtGaps). Linear in the fixes; the
 * simplification waits for the first zoom level asked for ({@link levelAt}).
 */
export function buildTrackModel(dto: TrackDto, gapMinHours: number, gapStartsSeconds: Iterable<number> = []): TrackModel {
  const n = dto.t.length;
  if (dto.coords.length !== 2 * n) {
    throw new Error(`buildTrackModel: track ${dto.vesselId} has ${n} times but ${dto.coords.length / 2} positions: coords must interleave lon, lat per time`);
  }
  const xy = new Float64Array(2 * n);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = mercatorX(dto.coords[2 * i]!);
    const y = mercatorY(dto.coords[2 * i + 1]!);
    xy[2 * i] = x;
    xy[2 * i + 1] = y;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  const { breaks, gaps } = splitAtGaps(dto.t, gapMinHours, gapStartsSeconds);
  const partStart = new Uint8Array(n);
  for (const b of breaks) partStart[b] = 1;
  return {
    vesselId: dto.vesselId,
    vesselName: dto.vesselName,
    n,
    xy,
    partStart,
    gaps,
    bounds: [minX, minY, maxX, maxY],
    dto,
    cache: { importance: null, importanceZoom: -Infinity, levels: new Map(), index: null },
  };
}

/** The integer zoom whose simplification serves a (possibly fractional) zoom: the next one up, finer. */
function levelZoom(zoom: number): number {
  return Math.ceil(zoom - 1e-9);
}

/**
 * The fixes to draw at a zoom, computed once per integer zoom. The Douglas–Peucker tree is built
 * down to this zoom's tolerance only (a coarse first view of a million fixes costs a fraction of
 * the whole tree); zooming in past it builds the tree down to `finestZoom` once.
 */
export function levelAt(model: TrackModel, zoom: number, finestZoom: number): ZoomLevel {
  const z = levelZoom(zoom);
  const cache = model.cache;
  let level = cache.levels.get(z);
  if (level) return level;
  if (!cache.importance || cache.importanceZoom < z) {
    const floorZoom = cache.importance ? Math.max(z, finestZoom) : z;
    const floor = TOLERANCE_PX * pixelAt(floorZoom);
    cache.importance = simplifyImportance(model.xy, breaksOf(model), floor * floor);
    cache.importanceZoom = floorZoom;
  }
  const kept = simplifyTrack(model.xy, TOLERANCE_PX * pixelAt(z), cache.importance);
  level = chunked(model.xy, kept);
  cache.levels.set(z, level);
  return level;
}

function breaksOf(model: TrackModel): number[] {
  return model.gaps.map((g) => g.from + 1);
}

function chunked(xy: Float64Array, kept: Uint32Array): ZoomLevel {
  const chunks = Math.max(1, Math.ceil((kept.length - 1) / CHUNK));
  const bounds = new Float64Array(4 * chunks);
  for (let c = 0; c < chunks; c++) {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    const end = Math.min((c + 1) * CHUNK, kept.length - 1);
    for (let k = c * CHUNK; k <= end; k++) {
      const i = kept[k]!;
      const x = xy[2 * i]!;
      const y = xy[2 * i + 1]!;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
    bounds.set([minX, minY, maxX, maxY], 4 * c);
  }
  return { kept, chunks, bounds };
}

/** The kept-index range chunk `c` draws, ends included. */
export function chunkRange(level: ZoomLevel, c: number): [number, number] {
  return [c * CHUNK, Math.min((c + 1) * CHUNK, level.kept.length - 1)];
}

/**
 * The fix nearest a point within `radius` (normalised Mercator), or -1. All fixes are indexed,
 * not only those drawn at this zoom (every fix has its time), through {@link fixIndex}.
 */
export function nearestFix(model: TrackModel, x: number, y: number, radius: number): number {
  const [minX, minY, maxX, maxY] = model.bounds;
  if (x < minX - radius || x > maxX + radius || y < minY - radius || y > maxY + radius) return -1;
  const index = fixIndex(model);
  let best = -1;
  let bestSq = radius * radius;
  for (const i of index.within(x, y, radius)) {
    const dx = model.xy[2 * i]! - x;
    const dy = model.xy[2 * i + 1]! - y;
    const dSq = dx * dx + dy * dy;
    // Ties go to the earlier fix, so the answer does not depend on the index's internal order.
    if (dSq < bestSq || (dSq === bestSq && i < best)) {
      bestSq = dSq;
      best = i;
    }
  }
  return best;
}

/** The spatial index of all the track's fixes, built on the first call (a quarter of a million fixes: about 0.1 s here). */
export function fixIndex(model: TrackModel): KDBush {
  let index = model.cache.index;
  if (!index) {
    index = new KDBush(model.n);
    for (let i = 0; i < model.n; i++) index.add(model.xy[2 * i]!, model.xy[2 * i + 1]!);
    index.finish();
    model.cache.index = index;
  }
  return index;
}
