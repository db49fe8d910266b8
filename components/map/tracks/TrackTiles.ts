'use client';
import L from 'leaflet';
import { type TileStyle, drawTile } from './drawTile';
import type { TrackModel } from './model';

export interface TrackTilesOptions extends L.GridLayerOptions {
  style: TileStyle;
}

/**
 * The observed tracks as a grid of canvas tiles (Leaflet's GridLayer): each tile is
 * drawn once per zoom from the tracks' typed arrays (drawTile: a coverage mask, not canvas strokes) and then only moved while the map
 * pans, so a pan costs the few tiles coming into view rather than a repaint of the whole view.
 * Each tile carries its address (`data-tile="z/x/y"`) and size (`data-size`, CSS pixels) for tests that read its pixels.
 *
 * Not interactive: the hover is tested from the map's mouse moves through a spatial index
 * (hover.ts), so no tile ever asks a million fixes whether the pointer is on them.
 */
export class TrackTiles extends L.GridLayer {
  declare options: TrackTilesOptions;
  private readonly models: readonly TrackModel[];

  constructor(models: readonly TrackModel[], options: TrackTilesOptions) {
    super(options);
    this.models = models;
  }

  createTile(coords: L.Coords): HTMLElement {
    const size = this.getTileSize();
    const ratio = window.devicePixelRatio || 1;
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(size.x * ratio);
    canvas.height = Math.round(size.y * ratio);
    canvas.dataset.tile = `${coords.z}/${coords.x}/${coords.y}`;
    canvas.dataset.size = String(size.x);
    const ctx = canvas.getContext('2d');
    if (ctx) drawTile(ctx, this.models, coords, size.x, ratio, this.options.style);
    return canvas;
  }
}
