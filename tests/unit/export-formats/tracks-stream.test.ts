/**
 * The streamed track downloads: their pieces, joined, are the documents the whole-file writers
 * made before streaming (sha256 of the earlier tracksToGpx and tracksToKml's output on the same
 * tracks), and each piece stays small.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { gpxDocumentSchema, tracksGpxPieces, tracksToGpx } from '@/lib/core/domain/format-gpx';
import { kmlDocumentSchema, tracksKmlPieces, tracksToKml } from '@/lib/core/domain/format-kml';
import { longTracks } from './track-samples';
import { xmlProblems } from './xml-check';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
// What the writers made before they were streamed (commit cb5288f), on longTracks().
const BEFORE = {
  gpx: '8a59ac47aaf817529a20c669da886e222b6a78d766dd1caac501db07ce6693e7',
  kml: '07fef81bf65e1f1bf6c2f6105f1f6599fa12dda03998cb9538dc1e1d876b101e',
};

describe('streamed track downloads', () => {
  for (const [name, pieces, whole, schema] of [
    ['gpx', tracksGpxPieces, tracksToGpx, gpxDocumentSchema],
    ['kml', tracksKmlPieces, tracksToKml, kmlDocumentSchema],
  ] as const) {
    it(`${name}: the pieces make the document as it was, a few thousand points at a time`, () => {
      const parts = [...pieces(longTracks())];
      const text = parts.join('');
      expect(sha256(text)).toBe(BEFORE[name]);
      expect(whole(longTracks())).toBe(text);
      expect(parts.length).toBeGreaterThan(8);
      expect(Math.max(...parts.map((p) => p.length))).toBeLessThan(600_000);
      expect(schema.safeParse(text).success).toBe(true);
      expect(xmlProblems(text)).toEqual([]);
    });

    it(`${name}: reads the tracks one at a time`, () => {
      let read = 0;
      const tracks = longTracks();
      function* lazy() {
        for (const t of tracks) {
          read++;
          yield t;
        }
      }
      const it = pieces(lazy());
      it.next();
      it.next();
      expect(read).toBe(1);
    });
  }
});
