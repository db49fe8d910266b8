import { describe, expect, it } from 'vitest';
import { EXPORT_PARTS } from '@/lib/core/domain/view-state';
import { exportLayout, textLineBox } from '@/lib/client/export/layout';
import { measureText, wrapMeasured, wrapUrl } from '@/lib/client/export/metrics';

// A real permalink of an export with a custom title: digits, `=` and `&` are wider than an average letter.
const PERMALINK =
  'https://wakeline.example.org/?vessel=lady-r&from=2023-08-01&to=2025-10-31&confidence=reported&voyage=lady-r-vostochny-rajin-2024-06&lonlat=131.8842,42.6615&z=10.5&hide=geofences,labels&x=1&w=1080&h=1350&t=Lady+R+between+Vostochny+and+Rajin%2C+June+2024&st=Route+inferred&off=dates&fr=voyages&pins=1&bb=130.2113,41.9876,133.4521,43.4012';

const input = (width: number, height: number) => ({
  width,
  height,
  bbox: [129.6, 41.55, 133.6, 43.35] as [number, number, number, number],
  parts: new Set(EXPORT_PARTS),
  title: 'Lady R between Vostochny and Rajin, June 2024: what the sources say about the voyage',
  subtitle: '1 voyage. Routes inferred from reporting, not observed: the ships sailed with AIS off',
  dates: 'Voyages between 7 Sep 2023 and 2 Oct 2025, as date windows',
  credits: 'Sources: The White House; RUSI; CSIS Beyond Parallel; NK Pro; Yomiuri Shimbun. Map: © OpenStreetMap contributors (ODbL), Natural Earth. Made with Wakeline.',
  permalink: PERMALINK,
});

describe('the permalink and the other text lines of an export', () => {
  for (const [width, height] of [[1080, 1350], [1200, 675]] as const) {
    it(`fit inside the image at ${width}×${height}, measured with the font's real widths`, () => {
      const layout = exportLayout(input(width, height));
      const permalink = layout.footer.filter((l) => l.role === 'permalink');
      for (const line of permalink) {
        expect(line.x + measureText(line.content, line.size), line.content).toBeLessThanOrEqual(width - layout.pad + 0.01);
      }
      expect(permalink.length).toBeGreaterThan(1);
      // Wrapped, not shortened: the lines together are the whole address.
      expect(permalink.map((l) => l.content).join('')).toBe(PERMALINK);
      for (const line of [...layout.header, ...layout.footer]) {
        const right = line.x + measureText(line.content, line.size, line.role === 'title');
        expect(right, `${line.role}: ${line.content}`).toBeLessThanOrEqual(width - layout.pad + 0.01);
        expect(textLineBox(line)[2]).toBeCloseTo(right, 5);
        expect(textLineBox(line)[3]).toBeLessThanOrEqual(height);
      }
      // Broken after a separator where it can be.
      for (const line of permalink.slice(0, -1)) expect(line.content).toMatch(/[?&/,]$|.{20,}/);
    });
  }
});

describe('wrapUrl and wrapMeasured', () => {
  it('breaks a URL after ? & and /, and cuts a piece wider than a line', () => {
    const lines = wrapUrl('https://a.example/?one=1&two=2&three=3', measureText('https://a.example/?one=1&', 10), 10);
    expect(lines).toEqual(['https://a.example/?one=1&', 'two=2&three=3']);
    const long = wrapUrl(`https://x/?bb=${'1'.repeat(80)}`, 200, 10);
    expect(long.join('')).toBe(`https://x/?bb=${'1'.repeat(80)}`);
    for (const l of long) expect(measureText(l, 10)).toBeLessThanOrEqual(200);
  });

  it('wraps words by their real width: a line of wide letters is shorter than a line of narrow ones', () => {
    const wide = wrapMeasured('WWWW WWWW WWWW WWWW WWWW', 150, 12);
    const narrow = wrapMeasured('iiii iiii iiii iiii iiii', 150, 12);
    expect(wide.length).toBeGreaterThan(narrow.length);
    for (const l of [...wide, ...narrow]) expect(measureText(l, 12)).toBeLessThanOrEqual(150);
  });
});
