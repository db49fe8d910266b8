import { describe, expect, it } from 'vitest';
import { tracksJsonPieces } from '@/lib/core/domain/format-tracks-json';
import type { TrackDto } from '@/lib/core/track/types';

function track(vesselId: string, vesselName: string, n: number): TrackDto {
  return {
    vesselId,
    vesselName,
    t: Array.from({ length: n }, (_, i) => 1_700_000_000 + i * 60),
    coords: Array.from({ length: 2 * n }, (_, i) => (i % 2 ? 42.12345 : -130.5) + i * 1e-5),
    sog: Array.from({ length: n }, (_, i) => (i % 7 === 0 ? null : i / 3)),
  };
}

describe('tracksJsonPieces', () => {
  it('writes what JSON.stringify writes, across pieces, nulls and names that need escaping', () => {
    const tracks = [track('a', 'Ä "quoted" \\ name\n', 40_000), track('b', 'B', 1), track('c', 'C', 0)];
    const pieces = [...tracksJsonPieces(tracks)];
    expect(pieces.length).toBeGreaterThan(10);
    expect(pieces.join('')).toBe(JSON.stringify({ tracks }));
  });

  it('writes an empty list', () => {
    expect([...tracksJsonPieces([])].join('')).toBe('{"tracks":[]}');
  });

  it('reads the tracks lazily, one at a time', () => {
    let made = 0;
    function* lazy() {
      for (let k = 0; k < 3; k++) {
        made++;
        yield track(`v${k}`, 'V', 10);
      }
    }
    const it = tracksJsonPieces(lazy());
    it.next();
    it.next();
    expect(made).toBe(1);
  });
});
