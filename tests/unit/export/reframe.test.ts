import { describe, expect, it } from 'vitest';
import { type Bbox, parseViewState, viewStateToSearch } from '@/lib/core/domain/view-state';
import { exportLayout } from '@/lib/client/export/layout';
import { fitFrame } from '@/lib/client/export/projection';
import { bboxUnderRect, fitAspect, panBbox, zoomBbox } from '@/lib/client/export/reframe';

const FRAME: Bbox = [130.1, 41.9, 133.3, 43.3];
const close = (a: Bbox, b: Bbox, digits = 6) => a.forEach((v, i) => expect(v).toBeCloseTo(b[i]!, digits));

describe('moving an export frame', () => {
  it('pans by image pixels: a point 100 px right of the centre comes to the centre', () => {
    const frame = fitFrame(FRAME, 0, 0, 1200, 600);
    const [cx, cy] = frame.project((FRAME[0] + FRAME[2]) / 2, 42.6);
    const moved = fitFrame(panBbox(frame.bbox, 100, 0, frame.scale), 0, 0, 1200, 600);
    const lonAt = (f: typeof frame, x: number) => {
      // The longitude under pixel x, by bisection on the projection.
      let [lo, hi] = [100, 160];
      for (let i = 0; i < 60; i++) {
        const mid = (lo + hi) / 2;
        if (f.project(mid, 42.6)[0] < x) lo = mid;
        else hi = mid;
      }
      return lo;
    };
    expect(lonAt(moved, cx)).toBeCloseTo(lonAt(frame, cx + 100), 6);
    expect(moved.scale).toBeCloseTo(frame.scale, 6);
    expect(moved.project(131, 42.6)[1]).toBeCloseTo(frame.project(131, 42.6)[1], 6);
    expect(cy).toBeGreaterThan(0);
  });

  it('zooms about a point that stays put, and back out to the same frame', () => {
    const inBy2 = zoomBbox(FRAME, 2, [0.25, 0.75]);
    const a = fitFrame(FRAME, 0, 0, 800, 400);
    const b = fitFrame(inBy2, 0, 0, 800, 400);
    expect(b.scale / a.scale).toBeCloseTo(2, 6);
    close(zoomBbox(inBy2, 0.5, [0.25, 0.75]), FRAME);
  });

  it('never pans past the edge of the world', () => {
    const frame = fitFrame(FRAME, 0, 0, 1200, 600);
    const far = panBbox(frame.bbox, 1e9, 0, frame.scale);
    expect(far[2]).toBeLessThanOrEqual(180);
    expect(far[2] - far[0]).toBeCloseTo(frame.bbox[2] - frame.bbox[0], 6);
  });

  it('reads the ground under a rectangle of the live map', () => {
    const view: Bbox = [128, 40, 136, 45];
    const size = { width: 1000, height: 700 };
    close(bboxUnderRect(view, size, { left: 0, top: 0, width: 1000, height: 700 }), view);
    const half = bboxUnderRect(view, size, { left: 500, top: 0, width: 500, height: 700 });
    expect(half[0]).toBeCloseTo(132, 6);
    expect(half[2]).toBeCloseTo(136, 6);
  });

  it('draws the outline with the image proportions, as large as fits', () => {
    const r = fitAspect({ width: 1000, height: 600 }, 1080 / 1350, 10);
    expect(r.height).toBeCloseTo(580, 6);
    expect(r.width / r.height).toBeCloseTo(0.8, 6);
    expect(r.left).toBeCloseTo((1000 - r.width) / 2, 6);
  });

  it('a frame taken from the map is drawn in the image exactly as outlined', () => {
    // The outline's map window has the image's map aspect, so the image shows just that ground.
    const input = { width: 1080, height: 1350, parts: new Set<never>(), title: '', subtitle: '', dates: '', credits: '', permalink: '' };
    const layout = exportLayout({ ...input, bbox: FRAME });
    const outline = fitAspect({ width: 900, height: 700 }, 1080 / 1350, 14);
    const k = outline.width / 1080;
    const window_ = { left: outline.left, top: outline.top + layout.map.top * k, width: outline.width, height: layout.map.height * k };
    // A live map's bounds have its own proportions, as Leaflet reports them.
    const view = fitFrame([128, 40, 136, 45], 0, 0, 900, 700).bbox;
    const bbox = bboxUnderRect(view, { width: 900, height: 700 }, window_);
    const drawn = exportLayout({ ...input, bbox }).frame;
    close(drawn.bbox, bbox, 6);
  });
});

describe('export settings in the URL', () => {
  it('round-trips a moved frame, the title and the size through a permalink', () => {
    const state = {
      voyage: 'lady-r-vostochny-rajin-2024-06',
      center: [131.88, 42.66] as [number, number],
      zoom: 10.5,
      export: { width: 1080, height: 1350, title: 'Lady R, June 2024', off: ['dates' as const], frame: 'map' as const, bbox: [130.1234, 41.9876, 133.3012, 43.2998] as Bbox, pins: false, timeline: false },
    };
    const search = viewStateToSearch(state);
    expect(parseViewState(new URLSearchParams(search))).toEqual(state);
    expect(viewStateToSearch(parseViewState(new URLSearchParams(search)))).toBe(search);
  });
});
