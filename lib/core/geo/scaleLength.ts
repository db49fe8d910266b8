/**
 * Scale-bar lengths: the longest "nice" round distance (1, 2 or 5 × 10^n) that fits in a bar of
 * at most `maxPx` pixels, for nautical miles and kilometres.
 */
export interface ScaleLength {
  value: number;
  unit: 'nm' | 'km';
  px: number;
}

const METRES = { nm: 1852, km: 1000 } as const;

export function niceRound(x: number): number {
  if (!(x > 0)) return 0;
  const pow = 10 ** Math.floor(Math.log10(x));
  const d = x / pow;
  const nice = d >= 5 ? 5 : d >= 2 ? 2 : 1;
  return nice * pow;
}

export function scaleLength(metresPerPixel: number, maxPx: number, unit: 'nm' | 'km'): ScaleLength {
  const maxValue = (metresPerPixel * maxPx) / METRES[unit];
  const value = niceRound(maxValue);
  return { value, unit, px: metresPerPixel > 0 ? (value * METRES[unit]) / metresPerPixel : 0 };
}
