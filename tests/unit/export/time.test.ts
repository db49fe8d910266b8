import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { EXPORT_PARTS } from '@/lib/core/domain/view-state';
import { cursorDatesLine, videoDatesLine } from '@/lib/client/export/compose';
import { exportLayout } from '@/lib/client/export/layout';
import type { ExportVoyage } from '@/lib/client/export/map';
import { type ComposeInput, composeScene, composeSvg } from '@/lib/client/export/svg';
import { routeStretch } from '@/lib/core/geo/routeStretch';
import { possibleProgress, voyageTimes } from '@/lib/core/time/possibleProgress';
import { voyageSummary } from '../../fixtures/voyages';

const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
const route = { type: 'LineString' as const, coordinates: [[130.3, 42.23], [131.3, 42.5], [132.34, 42.88]] };
const day = (earliest: string, latest = earliest) => ({ earliest, latest, precision: 'day' as const });

/** Under way on 6 Feb 2024: certainly (a), possibly (b); long arrived (c). */
const voyages: ExportVoyage[] = [
  { ...voyageSummary({ id: 'a', departure: day('2024-02-01'), arrival: day('2024-02-10') }), route },
  { ...voyageSummary({ id: 'b', departure: day('2024-02-04', '2024-02-08'), arrival: day('2024-02-12', '2024-02-14') }), route },
  { ...voyageSummary({ id: 'c', departure: day('2023-09-07'), arrival: day('2023-09-10') }), route },
];

const input = (over: Partial<ComposeInput> = {}): ComposeInput => ({
  width: 1200,
  height: 675,
  bbox: [129.6, 41.55, 133.6, 43.35],
  parts: new Set(EXPORT_PARTS),
  title: 'Reported voyages',
  subtitle: '3 voyages',
  dates: 'Voyages between 7 Sep 2023 and 14 Feb 2024, as date windows',
  credits: 'Map: © OpenStreetMap contributors. Made with Wakeline.',
  permalink: 'http://localhost/?x=1',
  land: empty,
  world: empty,
  ports: [],
  showGeofences: false,
  showLabels: false,
  voyages,
  ...over,
});

const group = (svg: string, id: string) => svg.match(new RegExp(`<g id="${id}"[^>]*>([\\s\\S]*?)</g>`))?.[1] ?? null;

describe('the still image at the time cursor', () => {
  it('draws the routes under way apart from the rest, a stretch for each, and the date', () => {
    const svg = composeSvg(input({ cursor: { day: '2024-02-06' } }));
    const routes = group(svg, 'routes')!;
    const widths = [...routes.matchAll(/<path d="M[^"]*" fill="none" stroke="[^"]+" stroke-width="([\d.]+)"(?: opacity="([\d.]+)")?/g)].map((m) => [Number(m[1]), Number(m[2] ?? 1)]);
    // Faded first (c), then possibly (b), then certainly (a) under way.
    expect(widths).toEqual([
      [2.5, 0.2],
      [3.5, 0.95],
      [6, 1],
    ]);
    const stretches = [...group(svg, 'stretches')!.matchAll(/<path /g)];
    expect(stretches).toHaveLength(2);
    expect(group(svg, 'cursor')).toContain('>6 Feb 2024</text>');
  });

  it('draws every route as before without a cursor', () => {
    const svg = composeSvg(input());
    expect(svg).not.toContain('id="stretches"');
    expect(svg).not.toContain('id="cursor"');
    expect(svg).toMatch(/<g id="routes"[^>]*>\s*<path d="M/);
  });

  it('states the cursor’s date in the dates line', () => {
    expect(cursorDatesLine('2024-02-06', { from: '2023-09-07', to: '2024-02-14' })).toBe(
      'Where the ships could have been on 6 Feb 2024. Voyages between 7 Sep 2023 and 14 Feb 2024, as date windows',
    );
    expect(videoDatesLine({ from: '2024-02-01', to: '2024-02-29' }, null)).toBe('Where the ships could have been, 1 Feb 2024 to 29 Feb 2024');
  });
});

describe('the stretch', () => {
  it('is routeStretch’s stretch, projected', () => {
    const t = Date.parse('2024-02-06T00:00:00Z');
    const scene = composeScene(input({ cursor: { t } }));
    const { stretches } = scene.timed({ t });
    // Voyage a: left 1 Feb, arrived 10 Feb (whole days): 5 of 10 days gone, certainly under way.
    const a = voyageTimes(voyages[0]!.departure, voyages[0]!.arrival);
    const at = possibleProgress(a, t);
    const expected = routeStretch(route.coordinates, at.from, at.to).map(([lon, lat]) => scene.layout.frame.project(lon!, lat!));
    // Certainly under way, so drawn after b's stretch (possibly under way): the last one.
    const d = stretches[stretches.length - 1]!;
    const got = [...(d as { d: string }).d.matchAll(/[ML](-?[\d.]+) (-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(got).toHaveLength(expected.length);
    got.forEach(([x, y], i) => {
      expect(Math.abs(x! - expected[i]![0])).toBeLessThan(0.6);
      expect(Math.abs(y! - expected[i]![1])).toBeLessThan(0.6);
    });
  });
});

describe('the timeline strip', () => {
  it('takes room under the map, above the footer', () => {
    const without = exportLayout(input());
    const layout = exportLayout(input({ strip: true }));
    expect(layout.strip).not.toBeNull();
    expect(layout.map.bottom).toBeLessThan(without.map.bottom);
    expect(layout.strip!.top).toBe(layout.map.bottom);
    for (const line of layout.footer) expect(line.y - line.size).toBeGreaterThanOrEqual(layout.strip!.bottom);
    expect(layout.strip!.bottom).toBeLessThanOrEqual(layout.height);
  });

  it('draws the weekly histogram, ticks, the brushed range and the cursor', () => {
    const svg = composeSvg(input({ strip: true, range: { from: '2024-02-01', to: '2024-02-29' }, cursor: { day: '2024-02-06' } }));
    const strip = svg.slice(svg.indexOf('<g id="timeline-strip">'));
    expect(strip).toContain('Voyages possibly under way, per week');
    const bars = strip.match(/id="strip-histogram" d="([^"]*)"/)![1]!;
    // Voyage c's week, and the weeks of a and b: at least two bars.
    expect(bars.split('Z').filter(Boolean).length).toBeGreaterThanOrEqual(2);
    expect(strip).toContain('id="strip-range"');
    expect(strip).toMatch(/<text [^>]*>\d{1,2} [A-Z][a-z]{2}<\/text>|<text [^>]*>[A-Z][a-z]{2}( \d{4})?<\/text>/);
    const cursor = group(svg, 'cursor')!;
    // The badge's date and the strip's: twice.
    expect(cursor.match(/6 Feb 2024/g)).toHaveLength(2);
  });

  it('is left out when not asked for', () => {
    expect(composeSvg(input({ cursor: { day: '2024-02-06' } }))).not.toContain('timeline-strip');
  });
});

describe('the scene a video draws', () => {
  it('splits the image into the parts that stay and the parts that move', () => {
    const scene = composeScene(input({ strip: true, cursor: { t: Date.parse('2024-02-06T00:00:00Z') } }));
    expect(scene.below).toMatch(/^<svg [\s\S]*<\/svg>$/);
    expect(scene.above).toMatch(/^<svg [\s\S]*<\/svg>$/);
    expect(scene.below).not.toContain('timeline-strip');
    expect(scene.above).toContain('timeline-strip');
    // The page under the routes is white; the page over them is transparent (no background).
    expect(scene.below).toContain('fill="#ffffff"/>');
    expect(scene.above).not.toMatch(/<rect width="1200" height="675"/);
    const early = scene.timed({ t: Date.parse('2024-02-02T00:00:00Z') });
    const late = scene.timed({ t: Date.parse('2024-02-09T00:00:00Z') });
    expect(early.counts).toEqual({ possible: 0, certain: 1 });
    expect(late.counts.certain + late.counts.possible).toBe(2);
    // The stretch moves along the route as time passes.
    expect(early.stretches[0]).not.toEqual(late.stretches[0]);
    expect(early.top.find((s) => s.kind === 'text')).toMatchObject({ content: '2 Feb 2024' });
  });
});
