'use client';
import L from 'leaflet';
import { type TrackModel, type ZoomLevel, chunkRange, levelAt } from './model';

/** What TrackPath uses of Leaflet 1.9's canvas renderer (private members, stable across 1.9.x). */
interface CanvasInternals {
  _ctx: CanvasRenderingContext2D;
  /** True while the renderer redraws its layers: a path draws itself only then. */
  _drawing: boolean;
  /** The canvas's extent in layer points (the view and its padding). */
  _bounds: L.Bounds;
  _fillStroke(ctx: CanvasRenderingContext2D, layer: L.Path): void;
}

export interface TrackPathOptions extends L.PathOptions {
  renderer: L.Canvas;
  /** The map's deepest zoom: the simplification tree is built to it on the first zoom in. */
  finestZoom: number;
  /** The gaps' dotted connectors: width and dash (drawn by this path: thousands of gaps, one stroke). */
  gapWeight: number;
  gapDash: readonly number[];
}

/**
 * One observed track drawn on a Leaflet canvas renderer straight from typed arrays: no LatLng
 * object per fix, no projection per redraw. It takes part in the renderer's life like a Polyline
 * (zoom animation, panning, redraw on `moveend`) but draws itself: at each zoom the fixes kept for
 * that zoom (model.ts, cached per integer zoom), and of those only the chunks in view.
 *
 * Not interactive: the hover is tested from the map's mouse moves through a spatial index
 * (useTrackHover), so the canvas never asks a million fixes whether the pointer is on them.
 */
export class TrackPath extends L.Path {
  declare options: TrackPathOptions;
  private readonly model: TrackModel;
  private level: ZoomLevel | null = null;
  private scale = 1;
  private originX = 0;
  private originY = 0;
  // Read by the canvas renderer to decide whether this path is in a region being redrawn.
  private _pxBounds: L.Bounds | undefined;

  constructor(model: TrackModel, options: TrackPathOptions) {
    super();
    // L.Path has no initialize of its own to take the options (Polyline's does): set them here.
    L.setOptions(this, { ...options, interactive: false });
    this.model = model;
  }

  private get map(): L.Map {
    return (this as unknown as { _map: L.Map })._map;
  }

  private get canvas(): CanvasInternals {
    return (this as unknown as { _renderer: CanvasInternals })._renderer;
  }

  /** Leaflet calls this on add and at each zoom's end: the zoom's fixes and this zoom's pixel scale. */
  _project(): void {
    const map = this.map;
    const zoom = map.getZoom();
    this.scale = 256 * 2 ** zoom;
    const origin = map.getPixelOrigin();
    this.originX = origin.x;
    this.originY = origin.y;
    this.level = levelAt(this.model, zoom, this.options.finestZoom);
    this._updateBounds();
  }

  _updateBounds(): void {
    const [minX, minY, maxX, maxY] = this.model.bounds;
    if (!(minX <= maxX)) {
      this._pxBounds = undefined;
      return;
    }
    const w = (this.options.weight ?? 0) / 2 + 1;
    this._pxBounds = L.bounds(
      [minX * this.scale - this.originX - w, minY * this.scale - this.originY - w],
      [maxX * this.scale - this.originX + w, maxY * this.scale - this.originY + w],
    );
  }

  /** Leaflet's clip-and-simplify step: nothing to do, drawing picks the chunks in view. */
  _update(): void {}

  _containsPoint(): boolean {
    return false;
  }

  /** Called by the renderer while it redraws: strokes the kept fixes of the chunks in view. */
  _updatePath(): void {
    const canvas = this.canvas;
    const level = this.level;
    if (!canvas?._drawing || !level || level.kept.length === 0) return;
    const { xy, partStart } = this.model;
    const { scale, originX, originY } = this;
    const pad = (this.options.weight ?? 0) + 1;
    const view = canvas._bounds;
    const west = (view.min!.x + originX - pad) / scale;
    const north = (view.min!.y + originY - pad) / scale;
    const east = (view.max!.x + originX + pad) / scale;
    const south = (view.max!.y + originY + pad) / scale;
    const ctx = canvas._ctx;
    const kept = level.kept;
    ctx.beginPath();
    let drawn = 0;
    for (let c = 0; c < level.chunks; c++) {
      const b = 4 * c;
      if (level.bounds[b]! > east || level.bounds[b + 2]! < west || level.bounds[b + 1]! > south || level.bounds[b + 3]! < north) continue;
      const [k0, k1] = chunkRange(level, c);
      for (let k = k0; k <= k1; k++) {
        const i = kept[k]!;
        const x = xy[2 * i]! * scale - originX;
        const y = xy[2 * i + 1]! * scale - originY;
        const starts = i === 0 || partStart[i] === 1;
        if (k === k0 || starts) ctx.moveTo(x, y);
        else ctx.lineTo(x, y);
        // A part of one fix (silent before and after) is a dot, not nothing.
        if (starts && (k === kept.length - 1 || partStart[kept[k + 1]!] === 1)) ctx.arc(x, y, 0.5, 0, 2 * Math.PI);
      }
      drawn += k1 - k0 + 1;
    }
    if (drawn) canvas._fillStroke(ctx, this);
    this.drawGaps(ctx, west, north, east, south);
  }

  /** Each gap a dotted connector from the last fix before it to the next, those crossing the view. */
  private drawGaps(ctx: CanvasRenderingContext2D, west: number, north: number, east: number, south: number): void {
    const { xy, gaps } = this.model;
    if (gaps.length === 0) return;
    const { scale, originX, originY } = this;
    ctx.beginPath();
    let drawn = 0;
    for (const gap of gaps) {
      const a = 2 * gap.from;
      const b = a + 2;
      if (Math.min(xy[a]!, xy[b]!) > east || Math.max(xy[a]!, xy[b]!) < west || Math.min(xy[a + 1]!, xy[b + 1]!) > south || Math.max(xy[a + 1]!, xy[b + 1]!) < north) continue;
      ctx.moveTo(xy[a]! * scale - originX, xy[a + 1]! * scale - originY);
      ctx.lineTo(xy[b]! * scale - originX, xy[b + 1]! * scale - originY);
      drawn++;
    }
    if (!drawn) return;
    const o = this.options;
    ctx.save();
    ctx.setLineDash(o.gapDash as number[]);
    ctx.lineCap = 'round';
    ctx.lineWidth = o.gapWeight;
    ctx.strokeStyle = o.color ?? '#000';
    ctx.globalAlpha = o.opacity ?? 1;
    ctx.stroke();
    ctx.restore();
  }
}
