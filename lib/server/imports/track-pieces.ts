/**
 * A document's text pieces over tracks read in batches (lib/server/imports/tracks.ts): the
 * formats' piece generators (tracksJsonPieces, tracksGpxPieces, tracksKmlPieces in
 * lib/core/domain) read their tracks from a plain Iterable, one track before each piece at most,
 * so the next batch is awaited whenever the one held is used up, before the generator is asked
 * for its next piece. What is held is one batch (and the piece being made).
 */
import 'server-only';
import type { TrackDto } from '@/lib/core/track/types';

/**
 * `piecesOf` over the tracks of `batches`, a piece at a time, each batch read when the pieces
 * reach it. Joined, the very same text as `piecesOf` over all the tracks at once.
 *
 * @throws Error when `piecesOf` reads two tracks for one piece (it would need a batch not yet read)
 */
export async function* trackPieces(batches: AsyncIterable<TrackDto[]>, piecesOf: (tracks: Iterable<TrackDto>) => Generator<string>): AsyncGenerator<string> {
  const source = batches[Symbol.asyncIterator]();
  let held: TrackDto[] = [];
  let next = 0;
  let ended = false;
  const tracks: Iterable<TrackDto> = {
    [Symbol.iterator]: () => ({
      next(): IteratorResult<TrackDto> {
        if (next < held.length) return { value: held[next++]!, done: false };
        if (ended) return { value: undefined, done: true };
        throw new Error('trackPieces: the pieces asked for a track before the next batch was read');
      },
    }),
  };
  const pieces = piecesOf(tracks);
  try {
    for (;;) {
      while (next >= held.length && !ended) {
        const batch = await source.next();
        if (batch.done) ended = true;
        else {
          held = batch.value;
          next = 0;
        }
      }
      const piece = pieces.next();
      if (piece.done) return;
      yield piece.value;
    }
  } finally {
    pieces.return(undefined);
    await source.return?.();
  }
}
