/**
 * The JSON answer of GET /api/tracks written as text in pieces, without JSON.stringify walking a
 * million-fix object: byte for byte what `JSON.stringify({ tracks })` gives for the server's tracks
 * (which carry no `cog`).
 */
import type { TrackDto } from '../track/types';

/** Numbers per piece: a few hundred kilobytes of text. */
const PIECE = 16_384;

/** `xs` as the inside of a JSON array, a piece at a time. */
function* numbers(xs: readonly (number | null)[]): Generator<string> {
  for (let start = 0; start < xs.length; start += PIECE) {
    // JSON.stringify of a plain array of numbers is V8's fast path, several times faster than
    // concatenating each number's text; its brackets are dropped to join the pieces.
    const text = JSON.stringify(xs.slice(start, start + PIECE));
    yield `${start === 0 ? '' : ','}${text.slice(1, -1)}`;
  }
}

/**
 * `{"tracks":[...]}` in pieces of a few hundred kilobytes, reading `tracks` lazily: a track at a
 * time is all a caller that streams the pieces needs to hold.
 * @example [...tracksJsonPieces([{ vesselId: 'a', vesselName: 'A', t: [0], coords: [130, 42], sog: [null] }])].join('') // '{"tracks":[{"vesselId":"a","vesselName":"A","t":[0],"coords":[130,42],"sog":[null]}]}'
 */
export function* tracksJsonPieces(tracks: Iterable<TrackDto>): Generator<string> {
  yield '{"tracks":[';
  let first = true;
  for (const track of tracks) {
    yield `${first ? '' : ','}{"vesselId":${JSON.stringify(track.vesselId)},"vesselName":${JSON.stringify(track.vesselName)},"t":[`;
    first = false;
    yield* numbers(track.t);
    yield '],"coords":[';
    yield* numbers(track.coords);
    yield '],"sog":[';
    yield* numbers(track.sog);
    yield ']}';
  }
  yield ']}';
}
