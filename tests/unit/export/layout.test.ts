import type { FeatureCollection, LineString } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { Port } from '@/lib/core/domain/schemas';
import { type Bbox, type ExportPart, EXPORT_PARTS } from '@/lib/core/domain/view-state';
import { type LayoutInput, exportLayout, textLineBox } from '@/lib/client/export/layout';
import { legendSvg } from '@/lib/client/export/legend';
import type { Frame } from '@/lib/client/export/projection';
import { composeSvg } from '@/lib/client/export/svg';
import { type Box, overlaps } from '@/lib/client/export/text';
import { voyageSummary } from '../../fixtures/voyages';

/** The dialog's size presets. */
const SIZES = [
  [1200, 675],
  [1080, 1080],
  [1080, 1350],
  [1920, 1080],
  [3000, 2000],
] as const;

const REGION: Bbox = [129.6, 41.55, 133.6, 43.35];

const settings = (width: number, height: number, parts: readonly ExportPart[] = EXPORT_PARTS): LayoutInput => ({
  width,
  height,
  bbox: REGION,
  parts: new Set(parts),
  title: 'Reported voyages, Rajin – Dunai, Vostochny, Vladivostok, Nakhodka, Aug 2023 – Oct 2025',
  subtitle: '12 voyages. Dashed routes inferred from reporting, not observed; solid routes observed',
  dates: 'Voyages between 7 Sep 2023 and 2 Oct 2025, as date windows',
  credits: 'Sources: The White House; RUSI; CSIS Beyond Parallel; NK Pro. Map: © OpenStreetMap contributors (ODbL), Natural Earth. Made with Wakeline.',
  permalink: 'http://localhost:3000/?vessel=lady-r&x=1&w=1200&h=675&f=voyages',
});

/** Every subset of the parts, as lists. */
const everyChoiceOfParts = (): ExportPart[][] =>
  Array.from({ length: 2 ** EXPORT_PARTS.length }, (_, mask) => EXPORT_PARTS.filter((_, i) => mask & (1 << i)));

const mapBox = (l: ReturnType<typeof exportLayout>): Box => [0, l.map.top, l.width, l.map.top + l.map.height];

describe('exportLayout', () => {
  it('gives the map the whole image when every part is off', () => {
    const layout = exportLayout(settings(1200, 675, []));
    expect(layout.map).toEqual({ top: 0, bottom: 675, height: 675 });
    expect(layout.header).toEqual([]);
    expect(layout.footer).toEqual([]);
    expect(layout.scaleBar).toBeNull();
  });

  it('keeps the map clear of the title and footer text at every preset size, whatever parts are on', () => {
    for (const [width, height] of SIZES) {
      for (const parts of everyChoiceOfParts()) {
        const layout = exportLayout(settings(width, height, parts));
        const map = mapBox(layout);
        for (const line of [...layout.header, ...layout.footer]) {
          const box = textLineBox(line);
          expect(overlaps(box, map), `${width}×${height} [${parts.join(',')}] ${line.role}`).toBe(false);
          expect(box[1]).toBeGreaterThanOrEqual(0);
          expect(box[3]).toBeLessThanOrEqual(height);
          expect(box[2]).toBeLessThanOrEqual(width);
        }
        expect(layout.header.map((l) => l.role).every((r) => parts.includes(r))).toBe(true);
        expect(layout.footer.map((l) => l.role).every((r) => parts.includes(r))).toBe(true);
      }
    }
  });

  it('puts the scale bar and a full legend inside the map, clear of each other, at every preset size', () => {
    const route: LineString = { type: 'LineString', coordinates: [[130.3, 42.23], [132.34, 42.88]] };
    const voyages = [
      { ...voyageSummary({ id: 'a' }), route },
      { ...voyageSummary({ id: 'b', routeKind: 'observed' }), route },
    ];
    const ports = [{ approximate: true }, { approximate: false }] as Port[];
    for (const [width, height] of SIZES) {
      const layout = exportLayout(settings(width, height));
      const inMap = (b: Box) => b[0] >= 0 && b[2] <= width && b[1] >= layout.map.top && b[3] <= layout.map.bottom;
      const legend = legendSvg({ voyages, selected: voyages[0], ports, showGeofences: true, hasPins: true, hasTiles: false }, width, layout.map.top, layout.u);
      expect(legend.svg.match(/<text /g)).toHaveLength(10);
      expect(inMap(legend.box), `legend at ${width}×${height}`).toBe(true);
      expect(layout.scaleBar).not.toBeNull();
      expect(inMap(layout.scaleBar!.box), `scale bar at ${width}×${height}`).toBe(true);
      expect(overlaps(legend.box, layout.scaleBar!.box)).toBe(false);
    }
  });

  it('fits the whole bbox asked for inside the map rectangle', () => {
    for (const [width, height] of SIZES) {
      const layout = exportLayout(settings(width, height));
      const [w, s, e, n] = REGION;
      for (const [lon, lat] of [[w, s], [w, n], [e, s], [e, n]] as const) {
        const [x, y] = layout.frame.project(lon, lat);
        expect(x).toBeGreaterThanOrEqual(-0.01);
        expect(x).toBeLessThanOrEqual(width + 0.01);
        expect(y).toBeGreaterThanOrEqual(layout.map.top - 0.01);
        expect(y).toBeLessThanOrEqual(layout.map.bottom + 0.01);
      }
    }
  });

  it('is pure: the same settings give the same layout, and the settings are left as they were', () => {
    const input = settings(1920, 1080);
    const before = JSON.stringify({ ...input, parts: [...input.parts] });
    const a = exportLayout(input);
    const b = exportLayout(input);
    expect(JSON.stringify({ ...input, parts: [...input.parts] })).toBe(before);
    expect({ ...a, frame: a.frame.bbox }).toEqual({ ...b, frame: b.frame.bbox });
    expect(a.frame.project(131, 42.5)).toEqual(b.frame.project(131, 42.5));
  });

  it('is the frame the full composition draws in', () => {
    const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
    for (const [width, height] of SIZES) {
      for (const parts of [EXPORT_PARTS, [], ['title', 'credits']] as const) {
        const input = settings(width, height, parts);
        let drawnIn: Frame | undefined;
        const svg = composeSvg({
          ...input,
          land: empty,
          world: empty,
          ports: [],
          showGeofences: false,
          showLabels: false,
          voyages: [{ ...voyageSummary(), route: { type: 'LineString', coordinates: [[130.3, 42.23], [132.34, 42.88]] } }],
          tiles: (frame) => ((drawnIn = frame), []),
        });
        const layout = exportLayout(input);
        expect(drawnIn).toBeDefined();
        expect(drawnIn!.bbox).toEqual(layout.frame.bbox);
        expect(drawnIn!.scale).toBe(layout.frame.scale);
        expect(drawnIn!.metresPerPixel).toBe(layout.frame.metresPerPixel);
        expect(drawnIn!.project(131.5, 42.7)).toEqual(layout.frame.project(131.5, 42.7));
        expect(svg).toContain(`<clipPath id="map"><rect x="0" y="${layout.map.top}" width="${width}" height="${layout.map.height}"/>`);
      }
    }
  });
});
