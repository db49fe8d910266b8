import type { TrackDto } from '@/lib/core/track/types';

/**
 * Two tracks long enough to cross the streamed downloads' piece boundaries several times, with
 * silences (new segments), unreported speeds, and a name that needs escaping.
 */
export function longTracks(): TrackDto[] {
  return [0, 1].map((k) => {
    const n = 10_000 + k * 3_333;
    const t: number[] = [];
    let s = 1_700_000_000 + k * 999;
    for (let i = 0; i < n; i++) {
      s += i % 2_500 === 2_499 ? 9 * 3600 : 61;
      t.push(s);
    }
    return {
      vesselId: `v-${k}`,
      vesselName: k ? 'Plain' : 'Ä & <Co> "ship"',
      t,
      coords: t.flatMap((_, i) => [Math.round((130.1 + i * 1.3e-4) * 1e5) / 1e5, Math.round((42.2 - i * 0.7e-4) * 1e5) / 1e5]),
      sog: t.map((_, i) => (i % 5 === 0 ? null : (i % 170) / 10)),
    };
  });
}
