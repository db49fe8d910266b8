import { describe, expect, it } from 'vitest';
import { EXPORT_PARTS } from '@/lib/core/domain/view-state';
import type { TrackDto } from '@/lib/core/track/types';
import { fitFrame } from '@/lib/client/export/projection';
import { type ComposeInput, composeSvg } from '@/lib/client/export/svg';
import { type ExportTracks, tracksSvg } from '@/lib/client/export/tracks';
import { basemap, port } from '../../fixtures/ports';

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

describe('tracksSvg: the observed tracks of an export image', () => {
  it('draws each part solid and the silence dotted from the last fix to the next, with its duration', () => {
    const { svg, summary } = tracksSvg(input([track(30)]), PORTS, frame, BOX, 1);
    const doc = svg.join('\n');
    const [solid, dotted] = [...doc.matchAll(/<path d="([^"]+)"([^>]*)>/g)].map((m) => ({ d: m[1]!, attrs: m[2]! }));
    expect(solid!.attrs).not.toMatch(/dasharray/);
    // Two parts: two moves, no line across the silence.
    expect(solid!.d.match(/M/g)).toHaveLength(2);
    expect(dotted!.attrs).toMatch(/stroke-dasharray="0.1 6"/);
    const [a, b] = points(dotted!.d);
    expect(a).toEqual(frame.project(130.32 + (29 / 30) * 0.6, 42.24 + (29 / 30) * 0.18 + 0.0003).map((v) => Math.round(v * 10) / 10));
    expect(b).toEqual(frame.project(132.55, 42.6).map((v) => Math.round(v * 10) / 10));
    expect(doc).toContain('>20 h silent</text>');
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
    const { svg, summary } = tracksSvg(input([far], ['dunai']), PORTS, frame, BOX, 1);
    expect(summary).toEqual({ fixes: 0, gaps: 0, darkPortCalls: 1 });
    expect(svg.join('')).not.toContain('id="tracks"');
    const [x, y] = frame.project(132.3375, 42.88028);
    expect(svg.join('')).toContain(`<circle cx="${Math.round(x * 10) / 10}" cy="${Math.round(y * 10) / 10}" r="15"/>`);
  });

  it('in the composed image: under the routes, and explained in the legend only when drawn', () => {
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
    const withTracks = composeSvg({ ...base, tracks: input([track(30)], ['dunai']) });
    expect(withTracks.indexOf('id="tracks"')).toBeGreaterThan(withTracks.indexOf('id="land"'));
    expect(withTracks.indexOf('id="tracks"')).toBeLessThan(withTracks.indexOf('id="ports"'));
    const legend = withTracks.match(/<g id="legend">.*?<\/g>/s)![0];
    for (const label of ['Route observed (AIS track)', 'AIS gap (dotted, with its duration)', 'Possible dark port call']) expect(legend).toContain(label);
    const without = composeSvg(base);
    expect(without).not.toContain('id="tracks"');
    expect(without.match(/<g id="legend">.*?<\/g>/s)![0]).not.toContain('AIS gap');
  });
});
