import { describe, expect, it } from 'vitest';
import { COLORS } from '@/lib/core/domain/map-style';

/** WCAG relative luminance of a #rrggbb colour: what a greyscale print keeps of it. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

describe('map colours in greyscale print', () => {
  it('land and sea differ in lightness: 1.3:1 or more', () => {
    // Two light tints 1.3:1 apart print as clearly different greys (about 10 grey levels of 100),
    // while both stay light enough for dark routes and labels to stand out on them.
    expect(contrast(COLORS.land, COLORS.sea)).toBeGreaterThanOrEqual(1.3);
  });

  it('routes keep 3:1 against both land and sea (WCAG 1.4.11, non-text contrast): the routes are the story', () => {
    for (const route of [COLORS.route, COLORS.routeSelected]) {
      expect(contrast(route, COLORS.land)).toBeGreaterThanOrEqual(3);
      expect(contrast(route, COLORS.sea)).toBeGreaterThanOrEqual(3);
    }
  });

  it('ports, borders and names read on land and sea', () => {
    for (const ground of [COLORS.land, COLORS.sea]) {
      expect(contrast(COLORS.port, ground)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(COLORS.cityLabel, ground)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(COLORS.seaLabel, ground)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(COLORS.countryLabel, ground)).toBeGreaterThanOrEqual(4.5);
    }
    expect(contrast(COLORS.border, COLORS.land)).toBeGreaterThanOrEqual(3);
  });
});
