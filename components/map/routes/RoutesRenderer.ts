'use client';
import L from 'leaflet';

/** Draws the whole scene on the renderer's context, in absolute pixels at `zoom` (the context is already moved to them). */
export type DrawScene = (ctx: CanvasRenderingContext2D, zoom: number, view: View) => void;

/** The drawn area in absolute pixels at the zoom drawn. */
export interface View {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export interface RoutesRenderer extends L.Canvas {
  /**
   * What to draw: drawn on the next frame (several calls in a frame draw once), or at once with
   * `now` (new routes: drawn before whatever else the page does next), and again at every move and zoom.
   */
  setScene: (scene: DrawScene | null, now?: boolean) => void;
}

// Leaflet's internals this class relies on (L.Canvas, Leaflet 1.9): the context, the drawn bounds,
// the pending redraw and the flag set while a view reset is under way.
type Internals = RoutesRenderer & {
  scene: DrawScene | null;
  _map: L.Map | undefined;
  _ctx: CanvasRenderingContext2D | undefined;
  _bounds: L.Bounds | undefined;
  _redrawBounds: L.Bounds | null;
  _redrawRequest: number | null;
  _postponeUpdatePaths: boolean;
  _redraw: () => void;
};

/**
 * A canvas renderer that draws every route in one pass instead of holding one Leaflet layer per
 * route. It keeps all of L.Canvas's handling of the view (its padding around the screen, its
 * position after a pan, its CSS transform while a zoom animates, its size) and replaces only what
 * is drawn: Leaflet's list of paths is empty, and `scene` draws the routes from shared arrays.
 * Pointer events are the map's (VoyagesLayer tests which routes lie under the pointer itself).
 */
const RoutesCanvas = L.Canvas.extend({
  _draw(this: Internals) {
    const map = this._map;
    const ctx = this._ctx;
    if (!map || !ctx || !this.scene || !this._bounds) return;
    ctx.save();
    // The context draws in layer points; the scene works in absolute pixels at this zoom.
    const origin = map.getPixelOrigin();
    ctx.translate(-origin.x, -origin.y);
    const { min, max } = this._bounds;
    if (min && max) this.scene(ctx, map.getZoom(), { minX: min.x + origin.x, minY: min.y + origin.y, maxX: max.x + origin.x, maxY: max.y + origin.y });
    ctx.restore();
  },
  // A view reset or the end of a zoom: Leaflet updates each path, then redraws; here, redraw.
  _updatePaths(this: Internals) {
    if (this._postponeUpdatePaths) return;
    this._redrawBounds = null;
    this._redraw();
  },
  setScene(this: Internals, scene: DrawScene | null, now = false) {
    this.scene = scene;
    if (!this._map || !this._ctx) return;
    this._redrawBounds = null;
    if (now) {
      if (this._redrawRequest) L.Util.cancelAnimFrame(this._redrawRequest);
      this._redraw();
    } else this._redrawRequest ||= L.Util.requestAnimFrame(this._redraw, this);
  },
});

export function routesRenderer(options: L.RendererOptions): RoutesRenderer {
  return new (RoutesCanvas as unknown as new (o: L.RendererOptions) => RoutesRenderer)(options);
}
