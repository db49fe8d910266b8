import { describe, expect, it } from 'vitest';
import { type ExportPart, EXPORT_PARTS } from '@/lib/core/domain/view-state';
import { fitVoyagesBbox } from '@/lib/client/export/fit';
import { exportLayout } from '@/lib/client/export/layout';
import { measureText } from '@/lib/client/export/metrics';
import { type ComposeInput, composeSvg } from '@/lib/client/export/svg';
import { type Box, overlaps } from '@/lib/client/export/text';
import { basemap, port } from '../../fixtures/ports';
import { voyageSummary } from '../../fixtures/voyages';

const land = basemap('land-region');
const world = basemap('world');

const PORTS = [
  port('rajin', 'Rajin', [130.3, 42.233333]),
  port('posyet', 'Posyet', [130.8, 42.65]),
  port('vladivostok', 'Vladivostok', [131.888333, 43.108889]),
  port('dunai', 'Dunai', [132.3375, 42.88028], true),
  port('vostochny', 'Vostochny', [133.083333, 42.75]),
];

// Sea routes as the server draws them: out of Rajin south-east, along the coast, into the bays.
const toDunai = [[130.3, 42.233], [130.6, 42.05], [131.4, 42.3], [132.2, 42.62], [132.3375, 42.88]];
const toVostochny = [[130.3, 42.233], [130.65, 42.0], [131.8, 42.2], [132.9, 42.55], [133.083, 42.75]];

const unframed = (width: number, height: number, over: Partial<ComposeInput> = {}): Omit<ComposeInput, 'bbox'> => ({
  width,
  height,
  parts: new Set<ExportPart>(EXPORT_PARTS),
  title: 'Reported voyages, Rajin – Dunai, Vostochny, Sep 2023 – Oct 2024',
  subtitle: '2 voyages. Routes inferred from reporting, not observed: the ships sailed with AIS off',
  dates: 'Voyages between 7 Sep 2023 and 2 Oct 2024, as date windows',
  credits: 'Sources: The White House; RUSI. Map: © OpenStreetMap contributors (ODbL), Natural Earth. Made with Wakeline.',
  permalink: 'http://127.0.0.1:3000/?x=1&fr=voyages',
  land,
  world,
  ports: PORTS,
  showGeofences: true,
  showLabels: true,
  voyages: [
    { ...voyageSummary({ id: 'a' }), route: { type: 'LineString', coordinates: toDunai } },
    {
      ...voyageSummary({ id: 'b', vessel: { id: 'lady-r', name: 'Lady R' }, destination: { id: 'vostochny', name: 'Vostochny' } }),
      route: { type: 'LineString', coordinates: toVostochny },
    },
  ],
  ...over,
});

const rectOf = (svg: string, group: string): Box | null => {
  const m = svg.match(new RegExp(`<g id="${group}"[^>]*><rect x="([\\d.-]+)" y="([\\d.-]+)" width="([\\d.-]+)" height="([\\d.-]+)"`));
  return m ? [Number(m[1]), Number(m[2]), Number(m[1]) + Number(m[3]), Number(m[2]) + Number(m[4])] : null;
};

/** The drawn routes' vertices, from the SVG. */
const routeVertices = (svg: string): [number, number][] =>
  [...(svg.match(/<g id="routes"[^>]*>([\s\S]*?)<\/g>/)?.[1] ?? '').matchAll(/[ML](-?[\d.]+) (-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);

/** Every map label's ink box, from the SVG (position, anchor, size and the font's real widths). */
function labelBoxes(svg: string): { text: string; box: Box }[] {
  const group = svg.match(/<g id="labels">([\s\S]*?)<\/g>/)?.[1] ?? '';
  return [...group.matchAll(/<text x="([\d.-]+)" y="([\d.-]+)" font-size="([\d.]+)"([^>]*)>([^<]*)<\/text>/g)].map((m) => {
    const [x, y, size] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const attrs = m[4]!;
    const w = measureText(m[5]!, size, attrs.includes('font-weight="700"'));
    const left = attrs.includes('text-anchor="middle"') ? x - w / 2 : attrs.includes('text-anchor="end"') ? x - w : x;
    return { text: m[5]!, box: [left, y - size * 0.85, left + w, y + size * 0.25] as Box };
  });
}

const inside = (b: Box, outer: Box) => b[0] >= outer[0] && b[1] >= outer[1] && b[2] <= outer[2] && b[3] <= outer[3];
const pointIn = ([x, y]: [number, number], b: Box) => x > b[0] && x < b[2] && y > b[1] && y < b[3];

describe('fit the voyages shown', () => {
  for (const [width, height] of [[1200, 675], [1080, 1350], [1080, 1080], [1920, 1080]] as const) {
    for (const selectedId of [undefined, 'b']) {
      it(`keeps routes and labels clear of the legend and scale bar, inside the map, at ${width}×${height}${selectedId ? ' with a voyage selected' : ''}`, () => {
        const input = unframed(width, height, selectedId ? { selectedId } : {});
        const bbox = fitVoyagesBbox(input);
        expect(bbox).not.toBeNull();
        const svg = composeSvg({ ...input, bbox: bbox! });
        const layout = exportLayout({ ...input, bbox: bbox! });
        const map: Box = [0, layout.map.top, width, layout.map.bottom];
        const legend = rectOf(svg, 'legend');
        const scale = rectOf(svg, 'scale-bar');
        expect(legend).not.toBeNull();
        expect(scale).not.toBeNull();
        const vertices = routeVertices(svg);
        expect(vertices.length).toBeGreaterThan(4);
        for (const v of vertices) {
          expect(pointIn(v, map), `vertex ${v} in the map`).toBe(true);
          expect(pointIn(v, legend!), `vertex ${v} under the legend`).toBe(false);
          expect(pointIn(v, scale!), `vertex ${v} under the scale bar`).toBe(false);
        }
        const labels = labelBoxes(svg);
        for (const { text, box } of labels) {
          expect(inside(box, map), `label ${text} inside the map`).toBe(true);
          expect(overlaps(box, legend!), `label ${text} under the legend`).toBe(false);
          expect(overlaps(box, scale!), `label ${text} under the scale bar`).toBe(false);
        }
        // The labels that say what the map shows all found a place.
        const texts = labels.map((l) => l.text);
        expect(texts).toContain('Route inferred, not observed');
        expect(texts).toContain('Rajin');
        expect(texts).toContain('Vostochny');
        if (!selectedId) expect(texts).toContain('Dunai (approx.)');
      });
    }
  }

  it('is null without a route, and no closer than 0.6° for a one-point voyage', () => {
    expect(fitVoyagesBbox(unframed(1200, 675, { voyages: [] }))).toBeNull();
    const one = unframed(1200, 675, { voyages: [{ ...voyageSummary(), route: { type: 'LineString', coordinates: [[131, 42.5], [131.001, 42.5]] } }] });
    const [w, s, e, n] = fitVoyagesBbox(one)!;
    expect(Math.min(e - w, n - s)).toBeGreaterThanOrEqual(0.59);
  });

  it('never lets a label run off the map, even in a frame that cuts through the ports', () => {
    const input = unframed(1200, 675);
    const svg = composeSvg({ ...input, bbox: [130.25, 42.0, 131.0, 42.5] });
    const layout = exportLayout({ ...input, bbox: [130.25, 42.0, 131.0, 42.5] });
    for (const { text, box } of labelBoxes(svg)) expect(inside(box, [0, layout.map.top, 1200, layout.map.bottom]), text).toBe(true);
  });
});
