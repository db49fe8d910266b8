import { describe, expect, it } from 'vitest';
import { EXPORT_PARTS } from '@/lib/core/domain/view-state';
import type { TrackDto } from '@/lib/core/track/types';
import { fitFrame } from '@/lib/client/export/projection';
import type { ExportVoyage } from '@/lib/client/export/map';
import { type ComposeInput, composeScene, composeSvg } from '@/lib/client/export/svg';
import { type ExportTracks, tracksSvg } from '@/lib/client/export/tracks';
import seedPorts from '@/data/seed/ports.json';
import { syntheticTrack } from '@/lib/core/track';
import { basemapRouting } from '@/lib/server/basemap/router';
import { basemap, port } from '../../fixtures/ports';
import { voyageSummary } from '../../fixtures/voyages';

const T0 = Date.UTC(2024, 1, 6) / 1000;

/** Rajin out to sea every 10 minutes with a 30 m weave, silent 20 h, then seen off Vostochny: `n` fixes a part. */
function track(n: number): TrackDto {
  const t: number[] = [];
  const coords: number[] = [];
  for (let i = 0; i < n; i++) {
    t.push(T0 + i * 60);
    coords.push(130.32 + (i / n) * 0.6, 42.24 + (i / n) * 0.18 + (i % 2 ? 0.0003 : -0.0003));
  }
  const back = t.at(-1)! + 20 * 3600;
  for (let i = 0; i < n; i++) {
    t.push(back + i * 60);
    coords.push(132.55 + (i / n) * 0.5, 42.6 + (i / n) * 0.15);
  }
  return { vesselId: 'maia-1', vesselName: 'Maia-1', t, coords, sog: t.map(() => 9) };
}

const PORTS = [port('rajin', 'Rajin', [130.3, 42.233333]), port('dunai', 'Dunai', [132.3375, 42.88028], true)];
const frame = fitFrame([129.6, 41.6, 133.6, 43.4], 0, 100, 1200, 500);
const BOX: [number, number, number, number] = [0, 100, 1200, 600];
const input = (tracks: TrackDto[], halos: string[] = []): ExportTracks => ({ tracks, gapMinHours: 6, gapStarts: new Map(), haloPortIds: halos });

/** The numbers of a path's `d`, as [x, y] pairs. */
const points = (d: string) => [...d.matchAll(/[ML]([\d.-]+) ([\d.-]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);

/** The region with the test ports, every part of the image, no voyages. */
const base: ComposeInput = {
  width: 1200,
  height: 675,
  bbox: [129.6, 41.6, 133.6, 43.4],
  parts: new Set(EXPORT_PARTS),
  title: 'Tracks',
  subtitle: '',
  dates: '',
  credits: '',
  permalink: 'http://localhost/',
  land: basemap('land-region'),
  world: basemap('world'),
  ports: PORTS,
  showGeofences: false,
  showLabels: true,
  voyages: [],
};

describe('tracksSvg: the observed tracks of an export image', () => {
  it('draws each part solid and the silence dotted from the last fix to the next, with its duration', () => {
    const { svg, labels, summary } = tracksSvg(input([track(30)]), PORTS, frame, BOX, 1);
    const doc = svg.join('\n');
    const [solid, dotted] = [...doc.matchAll(/<path d="([^"]+)"([^>]*)>/g)].map((m) => ({ d: m[1]!, attrs: m[2]! }));
    expect(solid!.attrs).not.toMatch(/dasharray/);
    // Two parts: two moves, no line across the silence.
    expect(solid!.d.match(/M/g)).toHaveLength(2);
    expect(dotted!.attrs).toMatch(/stroke-dasharray="0.1 6"/);
    const [a, b] = points(dotted!.d);
    expect(a).toEqual(frame.project(130.32 + (29 / 30) * 0.6, 42.24 + (29 / 30) * 0.18 + 0.0003).map((v) => Math.round(v * 10) / 10));
    expect(b).toEqual(frame.project(132.55, 42.6).map((v) => Math.round(v * 10) / 10));
    // The duration apart from the lines, for the composer to draw over the routes.
    expect(doc).not.toContain('silent');
    expect(labels.join('\n')).toMatch(/^<g id="track-gap-labels">\n<text [^>]+>20 h silent<\/text>\n<\/g>$/);
    expect(summary).toEqual({ fixes: expect.any(Number), gaps: 1, darkPortCalls: 0 });
    expect(summary.fixes).toBeGreaterThan(1);
  });

  it('keeps only the vertices the image can show: a weave under half a pixel goes, the ends stay', () => {
    const dense = tracksSvg(input([track(20_000)]), PORTS, frame, BOX, 1);
    const solid = dense.svg.join('\n').match(/<path d="([^"]+)" stroke-width/)![1]!;
    expect(points(solid).length).toBeLessThan(200);
    expect(points(solid)[0]).toEqual(frame.project(130.32, 42.24 - 0.0003).map((v) => Math.round(v * 10) / 10));
  });

  it('draws nothing of a track wholly outside the frame, and rings the possible dark port calls asked for', () => {
    const far: TrackDto = { vesselId: 'x', vesselName: 'X', t: [T0, T0 + 60], coords: [140, 50, 140.1, 50.1], sog: [null, null] };
    const { svg, labels, summary } = tracksSvg(input([far], ['dunai']), PORTS, frame, BOX, 1);
    expect(summary).toEqual({ fixes: 0, gaps: 0, darkPortCalls: 1 });
    expect(svg.join('')).not.toContain('id="tracks"');
    expect(labels).toEqual([]);
    const [x, y] = frame.project(132.3375, 42.88028);
    expect(svg.join('')).toContain(`<circle cx="${Math.round(x * 10) / 10}" cy="${Math.round(y * 10) / 10}" r="15"/>`);
  });

  it('in the composed image: under the routes, and explained in the legend only when drawn', () => {
    const withTracks = composeSvg({ ...base, tracks: input([track(30)], ['dunai']) });
    expect(withTracks.indexOf('id="tracks"')).toBeGreaterThan(withTracks.indexOf('id="land"'));
    expect(withTracks.indexOf('id="tracks"')).toBeLessThan(withTracks.indexOf('id="ports"'));
    const legend = withTracks.match(/<g id="legend">.*?<\/g>/s)![0];
    for (const label of ['Route observed (AIS track)', 'AIS gap (dotted, with its duration)', 'Possible dark port call']) expect(legend).toContain(label);
    const without = composeSvg(base);
    expect(without).not.toContain('id="tracks"');
    expect(without.match(/<g id="legend">.*?<\/g>/s)![0]).not.toContain('AIS gap');
  });

  it('in the composed image: the gaps\' durations over the routes (a route across one does not cover it), under the ports and names', () => {
    // A reported route from Rajin to Vostochny through the middle of the silence, where its duration is written.
    const last = [130.32 + (29 / 30) * 0.6, 42.24 + (29 / 30) * 0.18 + 0.0003];
    const middle = [(last[0]! + 132.55) / 2, (last[1]! + 42.6) / 2];
    const route = { type: 'LineString' as const, coordinates: [[130.3, 42.233333], middle, [133.083333, 42.75]] };
    const voyages: ExportVoyage[] = [{ ...voyageSummary({ id: 'v', destination: { id: 'vostochny', name: 'Vostochny' }, routeKind: 'observed' }), route }];
    const svg = composeSvg({ ...base, voyages, tracks: input([track(30)]) });
    const label = svg.match(/<g id="track-gap-labels">\n<text x="([\d.]+)" y="([\d.]+)"[^>]*>20 h silent<\/text>/);
    expect(label).not.toBeNull();
    // The route does pass under the label.
    const [mx, my] = frame.project(middle[0]!, middle[1]!);
    expect(Math.abs(Number(label![1]) - mx)).toBeLessThan(5);
    expect(Math.abs(Number(label![2]) - my)).toBeLessThan(10);
    const at = (id: string) => svg.indexOf(`<g id="${id}"`);
    expect(at('tracks')).toBeGreaterThan(0);
    expect(at('tracks')).toBeLessThan(at('routes'));
    expect(at('arrows')).toBeLessThan(at('track-gap-labels'));
    expect(at('track-gap-labels')).toBeLessThan(at('ports'));
    expect(at('ports')).toBeLessThan(at('labels'));
    // The same in a video's layers: the durations in the layer drawn over each frame's routes.
    const scene = composeScene({ ...base, voyages, tracks: input([track(30)]) });
    expect(scene.below).toContain('<g id="tracks"');
    expect(scene.below).not.toContain('silent');
    expect(scene.above).toContain('>20 h silent</text>');
  });

  it('makes a small image of a million fixes: its vertices follow the legs sailed, not the fixes', () => {
    // Two years of one ship at MarineCadastre's one-minute rate, along the sea routes between the seeded ports.
    const ports = seedPorts.map((p) => ({ id: p.id, position: p.position as [number, number], geofenceRadiusNm: p.geofenceRadiusNm }));
    const [ship] = syntheticTrack({ seed: 12, ports, fixesPerVessel: 1_000_000, seaFixMinutes: 1, portFixMinutes: 5, route: (a, b) => basemapRouting().drawRoute(a, b).coordinates });
    const n = ship!.points.length;
    expect(n).toBeGreaterThanOrEqual(1_000_000);
    const dto = (stride: number): TrackDto => {
      const t: number[] = [];
      const coords: number[] = [];
      for (let i = 0; i < n; i += stride) {
        const p = ship!.points[i]!;
        t.push(p.t / 1000);
        coords.push(p.lon, p.lat);
      }
      return { vesselId: 's', vesselName: 'S', t, coords, sog: t.map(() => null) };
    };
    const draw = (track: TrackDto) => {
      const out = tracksSvg(input([track]), [], frame, BOX, 1);
      const doc = [...out.svg, ...out.labels].join('\n');
      return { bytes: doc.length, vertices: points(doc.match(/<path d="([^"]+)" stroke-width/)![1]!).length, fixes: out.summary.fixes };
    };
    const all = draw(dto(1));
    // A path through every fix would hold a million vertices (over 10 MB of SVG).
    expect(all.vertices).toBe(all.fixes);
    expect(all.vertices).toBeLessThan(20_000);
    expect(all.bytes).toBeLessThan(300_000);
    // Half the fixes, the same legs: about the same path.
    const half = draw(dto(2));
    expect(all.vertices).toBeLessThan(half.vertices * 1.25);
  });
});
