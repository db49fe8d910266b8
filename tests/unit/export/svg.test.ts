import { describe, expect, it } from 'vitest';
import { COLORS } from '@/lib/core/domain/map-style';
import { EXPORT_PARTS } from '@/lib/core/domain/view-state';
import { fitFrame } from '@/lib/client/export/projection';
import { type ComposeInput, composeSvg } from '@/lib/client/export/svg';
import { escapeXml, wrapText } from '@/lib/client/export/text';
import { MAX_TILES, tilesFor } from '@/lib/client/export/tiles';
import { basemap, port } from '../../fixtures/ports';
import { voyageSummary } from '../../fixtures/voyages';

const land = basemap('land-region');
const world = basemap('world');

const believedLadyR = {
  method: 'believed' as const,
  sourceIds: ['yomiuri-2024-06-09'],
  words: 'believed to be the Lady R',
  readInSourceIds: [],
  teamReading: null,
};

const base: ComposeInput = {
  width: 1200,
  height: 675,
  bbox: [129.6, 41.6, 133.6, 43.4],
  parts: new Set(EXPORT_PARTS),
  title: 'Reported voyages, Rajin – Dunai <2023> & "more"',
  subtitle: 'Routes inferred',
  dates: 'Voyages between 7 Sep 2023 and 1 Oct 2023',
  credits: 'Sources: The White House. Map: © OpenStreetMap contributors',
  permalink: 'http://localhost/?x=1&w=1200',
  land,
  world,
  ports: [port('rajin', 'Rajin', [130.3, 42.233333]), port('dunai', 'Dunai', [132.3375, 42.88028], true)],
  showGeofences: true,
  showLabels: true,
  voyages: [
    { ...voyageSummary(), route: { type: 'LineString', coordinates: [[130.3, 42.233], [130.9, 42.3], [132.3375, 42.88]] } },
  ],
};

describe('composeSvg', () => {
  const svg = composeSvg(base);

  it('is an SVG of exactly the size asked for', () => {
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="1200" height="675" viewBox="0 0 1200 675"/);
    expect(composeSvg({ ...base, width: 3000, height: 2000 })).toMatch(/width="3000" height="2000"/);
  });

  it('escapes text so a title can never break the document', () => {
    expect(svg).toContain('Reported voyages, Rajin – Dunai &lt;2023&gt; &amp; &quot;more&quot;');
    expect(svg).not.toContain('<2023>');
  });

  it('draws land, a dashed route with an arrow, ports and labels as vectors', () => {
    expect(svg).toMatch(/<path id="land" d="M-?[\d.]+ -?[\d.]+L/);
    expect(svg).toMatch(new RegExp(`<path d="M[^"]+" stroke="${COLORS.route}"[^>]*stroke-dasharray`));
    expect(svg).toMatch(/<g id="arrows">\s*<path d="M/);
    expect(svg).toContain('>Rajin</text>');
    expect(svg).toContain('>Dunai (approx.)</text>');
    expect(svg).toContain('Route inferred, not observed');
  });

  it('shows in the legend only the symbols the image holds', () => {
    const legend = svg.match(/<g id="legend">.*?<\/g>/)?.[0] ?? '';
    expect(legend).toContain('Route inferred, not observed');
    expect(legend).toContain('Port, position approximate');
    expect(legend).not.toContain('Route observed');
    expect(legend).not.toContain('Selected voyage');
    const noGeofences = composeSvg({ ...base, showGeofences: false }).match(/<g id="legend">.*?<\/g>/)?.[0] ?? '';
    expect(noGeofences).not.toContain('geofence');
  });

  it('leaves out each part that is switched off', () => {
    for (const part of EXPORT_PARTS) {
      const parts = new Set(EXPORT_PARTS.filter((p) => p !== part));
      const out = composeSvg({ ...base, parts });
      const marker = {
        title: 'fill="#1c2430">Reported voyages',
        subtitle: '>Routes inferred<',
        legend: 'id="legend"',
        scale: 'id="scale-bar"',
        dates: 'Voyages between 7 Sep 2023',
        credits: 'Sources: The White House',
        permalink: 'http://localhost/?x=1',
      }[part];
      expect(svg).toContain(marker);
      expect(out).not.toContain(marker);
    }
  });

  it('draws the team’s annotation pins only when asked, with a legend entry', () => {
    expect(svg).not.toContain('id="pins"');
    const withPins = composeSvg({ ...base, pins: [{ position: [131.2, 42.5], kind: 'question' }] });
    expect(withPins).toMatch(/<g id="pins">\s*<circle [^>]*fill="#a16207"/);
    expect(withPins).toContain('>Team annotation</text>');
  });

  it('names a hedged vessel with its hedge on the map and in the legend', () => {
    const believed = composeSvg({ ...base, voyages: [{ ...base.voyages[0]!, vessel: { id: 'lady-r', name: 'Lady R' }, identification: believedLadyR }] });
    expect(believed).toMatch(/<text [^>]*class="hedge-label"[^>]*>Lady R \(believed\)<\/text>/);
    const legend = believed.match(/<g id="legend">.*?<\/g>/)?.[0] ?? '';
    expect(legend).toContain('(believed), (matching): name hedged');
    expect(legend).not.toContain('inferred by team');
  });

  it('explains in the legend a leg the team inferred from two sightings', () => {
    const basis = { kind: 'inferred_from_sightings' as const, observationIds: ['a', 'b'] as [string, string] };
    const svg = composeSvg({ ...base, voyages: [{ ...base.voyages[0]!, basis }] });
    expect(svg).toContain('>Angara (inferred by team)</text>');
    expect(svg.match(/<g id="legend">.*?<\/g>/)?.[0]).toContain('(inferred by team): leg joined from two sightings');
  });

  it('is byte-identical to an unhedged image when nothing is hedged', () => {
    const named = { method: 'named_by_source' as const, sourceIds: ['wh'], words: 'MV Angara', readInSourceIds: [], teamReading: null };
    const plain = composeSvg({ ...base, voyages: [{ ...base.voyages[0]!, basis: { kind: 'reported' }, identification: named }] });
    expect(plain).toBe(svg);
    expect(plain).not.toContain('hedge-label');
  });

  it('does not mutate its input', () => {
    const before = JSON.stringify({ ...base, parts: [...base.parts] });
    composeSvg(base);
    expect(JSON.stringify({ ...base, parts: [...base.parts] })).toBe(before);
  });
});

describe('text helpers', () => {
  it('wraps long text to the width and keeps every word', () => {
    const text = 'Sources: The White House; RUSI; CSIS Beyond Parallel; NK Pro; Yomiuri Shimbun; Reuters';
    const lines = wrapText(text, 300, 12);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(text);
    for (const l of lines) expect(l.length * 12 * 0.58).toBeLessThanOrEqual(300);
  });
  it('escapes the five XML characters', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('fitFrame', () => {
  it('keeps the whole bbox inside the frame, centred', () => {
    const frame = fitFrame([130, 42, 133, 43], 0, 100, 1200, 500);
    for (const [lon, lat] of [[130, 42], [133, 43], [130, 43], [133, 42]] as const) {
      const [x, y] = frame.project(lon, lat);
      expect(x).toBeGreaterThanOrEqual(-0.01);
      expect(x).toBeLessThanOrEqual(1200.01);
      expect(y).toBeGreaterThanOrEqual(99.99);
      expect(y).toBeLessThanOrEqual(600.01);
    }
    const [west, south] = frame.project(130, 42);
    const [east, north] = frame.project(133, 43);
    expect((west + east) / 2).toBeCloseTo(600, 3);
    expect((south + north) / 2).toBeCloseTo(350, 3);
    expect(frame.bbox[0]).toBeLessThanOrEqual(130);
    expect(frame.bbox[2]).toBeGreaterThanOrEqual(133);
  });
  it('knows its ground resolution', () => {
    const frame = fitFrame([130, 42, 131, 43], 0, 0, 1000, 1000);
    // 1° of longitude at ~42.5°N is ~82 km; the frame is limited by latitude here.
    expect(frame.metresPerPixel).toBeGreaterThan(50);
    expect(frame.metresPerPixel).toBeLessThan(150);
  });
});

describe('tilesFor', () => {
  it('covers the frame with tiles at its scale, placed edge to edge', () => {
    const frame = fitFrame([130, 42, 133, 43], 0, 0, 1200, 600);
    const tiles = tilesFor(frame, 'https://t.example/{z}/{x}/{y}.png', 18);
    expect(tiles.length).toBeGreaterThan(0);
    expect(tiles.length).toBeLessThanOrEqual(MAX_TILES);
    expect(tiles[0]!.url).toMatch(/^https:\/\/t\.example\/\d+\/\d+\/\d+\.png$/);
    const minX = Math.min(...tiles.map((t) => t.x));
    const maxX = Math.max(...tiles.map((t) => t.x + t.size));
    expect(minX).toBeLessThanOrEqual(0);
    expect(maxX).toBeGreaterThanOrEqual(1200);
  });
});
