/**
 * The animated export: the playback over a range rendered frame by frame, as fast as the machine
 * can (not in real time), and encoded in the browser as a WebM (VP9, else VP8) with WebCodecs
 * through mediabunny. Each frame is the still image's composition at the frame's instant: what
 * does not move (basemap; ports, labels, legend, text and the timeline strip) is rasterised once,
 * and per frame only the routes at the cursor, the stretches and the cursor's date are drawn.
 */
import { BufferTarget, CanvasSource, Output, QUALITY_HIGH, WebMOutputFormat, canEncodeVideo } from 'mediabunny';
import type { Scene } from './svg';
import type { Shape } from './shapes';
import { FONT } from './text';

type Codec = 'vp9' | 'vp8';
type Ctx = OffscreenCanvasRenderingContext2D;

/** The codec this browser can encode a video of this size in, or null when it cannot encode one. */
export async function videoCodec(width: number, height: number): Promise<Codec | null> {
  if (typeof VideoEncoder === 'undefined' || typeof OffscreenCanvas === 'undefined') return null;
  for (const codec of ['vp9', 'vp8'] as const) {
    try {
      if (await canEncodeVideo(codec, { width, height, quality: QUALITY_HIGH })) return codec;
    } catch {
      // An encoder that throws while asked cannot be used either.
    }
  }
  return null;
}

export class VideoCancelled extends Error {
  constructor() {
    super('Video rendering cancelled');
  }
}

/** An SVG document as a bitmap of exactly its size. */
async function rasterise(svg: string, width: number, height: number): Promise<ImageBitmap> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image(width, height);
    img.src = url;
    await img.decode();
    return await createImageBitmap(img, { resizeWidth: width, resizeHeight: height });
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Path2D objects by path data: the routes' paths repeat in every frame. */
class PathCache {
  private paths = new Map<string, Path2D>();
  get(d: string): Path2D {
    let p = this.paths.get(d);
    if (!p) {
      if (this.paths.size > 20_000) this.paths.clear();
      p = new Path2D(d);
      this.paths.set(d, p);
    }
    return p;
  }
}

const ALIGN = { start: 'left', middle: 'center', end: 'right' } as const;

/** Draws shapes as the SVG writes them (shapes.ts). */
function drawShapes(ctx: Ctx, shapes: readonly Shape[], cache: PathCache): void {
  for (const s of shapes) {
    ctx.save();
    if (s.kind === 'path') {
      const path = cache.get(s.d);
      ctx.globalAlpha = s.opacity ?? 1;
      if (s.fill) {
        ctx.fillStyle = s.fill;
        ctx.fill(path);
      }
      if (s.stroke) {
        ctx.strokeStyle = s.stroke;
        ctx.lineWidth = s.width ?? 1;
        ctx.lineJoin = 'round';
        ctx.lineCap = s.cap ?? 'butt';
        ctx.setLineDash(s.dash ? s.dash.split(' ').map(Number) : []);
        ctx.stroke(path);
      }
    } else {
      ctx.font = `${s.bold ? '700 ' : ''}${s.size}px ${FONT}`;
      ctx.textAlign = ALIGN[s.anchor ?? 'start'];
      ctx.textBaseline = 'alphabetic';
      if (s.halo) {
        ctx.strokeStyle = '#ffffff';
        ctx.lineWidth = s.halo;
        ctx.lineJoin = 'round';
        ctx.strokeText(s.content, s.x, s.y);
      }
      ctx.fillStyle = s.fill;
      ctx.fillText(s.content, s.x, s.y);
    }
    ctx.restore();
  }
}

export interface VideoJob {
  scene: Scene;
  /** The instant each frame shows (lib/core/time/frames.ts). */
  times: readonly number[];
  fps: number;
  signal: AbortSignal;
  onProgress: (done: number, total: number) => void;
}

/** Lets the page breathe (progress, a Cancel click) during a long render. */
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Draws shapes clipped to the map's rectangle. */
function drawOnMap(ctx: Ctx, scene: Scene, shapes: readonly Shape[], cache: PathCache): void {
  const { width: W, map } = scene.layout;
  ctx.save();
  ctx.beginPath();
  ctx.rect(0, map.top, W, map.height);
  ctx.clip();
  drawShapes(ctx, shapes, cache);
  ctx.restore();
}

/** The basemap with every route faded on it: what lies under the routes under way in every frame. */
async function baseOf(scene: Scene, below: ImageBitmap, cache: PathCache): Promise<ImageBitmap> {
  const { width, height } = scene.layout;
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw the video (no 2D canvas).');
  ctx.drawImage(below, 0, 0);
  drawOnMap(ctx, scene, scene.faded, cache);
  below.close();
  return createImageBitmap(canvas);
}

/** One frame: the still parts as bitmaps, the moving ones drawn between and over them. */
function drawFrame(ctx: Ctx, scene: Scene, t: number, below: ImageBitmap, above: ImageBitmap, cache: PathCache): void {
  const timed = scene.timed({ t });
  ctx.drawImage(below, 0, 0);
  drawOnMap(ctx, scene, [...timed.routes, ...timed.stretches], cache);
  ctx.drawImage(above, 0, 0);
  drawShapes(ctx, timed.top, cache);
}

/**
 * Renders and encodes the video; resolves to the WebM file, or rejects with VideoCancelled when
 * the signal aborts (the encoder is closed and nothing is kept).
 */
export async function renderWebM({ scene, times, fps, signal, onProgress }: VideoJob): Promise<Blob> {
  const { width, height } = scene.layout;
  const codec = await videoCodec(width, height);
  if (!codec) throw new Error(`This browser cannot encode a ${width} × ${height} WebM video (no VP9 or VP8 encoder).`);
  const cache = new PathCache();
  const [basemap, above] = await Promise.all([rasterise(scene.below, width, height), rasterise(scene.above, width, height)]);
  const below = await baseOf(scene, basemap, cache);
  // Every browser with WebCodecs has OffscreenCanvas.
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d', { alpha: false });
  if (!ctx) throw new Error('This browser cannot draw the video (no 2D canvas).');
  const target = new BufferTarget();
  const output = new Output({ format: new WebMOutputFormat(), target });
  const source = new CanvasSource(canvas, { codec, quality: QUALITY_HIGH, keyFrameInterval: 2, latencyMode: 'quality' });
  output.addVideoTrack(source, { frameRate: fps });
  try {
    await output.start();
    let breathed = performance.now();
    for (let i = 0; i < times.length; i++) {
      if (signal.aborted) throw new VideoCancelled();
      drawFrame(ctx, scene, times[i]!, below, above, cache);
      await source.add(i / fps, 1 / fps);
      onProgress(i + 1, times.length);
      if (performance.now() - breathed > 40) {
        await breathe();
        breathed = performance.now();
      }
    }
    if (signal.aborted) throw new VideoCancelled();
    await output.finalize();
  } catch (err) {
    if (output.state !== 'finalized' && output.state !== 'canceled') await output.cancel().catch(() => undefined);
    throw signal.aborted ? new VideoCancelled() : err;
  } finally {
    below.close();
    above.close();
  }
  if (!target.buffer) throw new Error('The encoder produced no video.');
  return new Blob([target.buffer], { type: 'video/webm' });
}
