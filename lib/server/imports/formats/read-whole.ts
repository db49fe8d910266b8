import 'server-only';
import { TrackFormatError } from './errors';

/** GPX, KML, KMZ and GeoJSON are parsed as whole documents; past this size the DOM would not fit. */
export const MAX_DOCUMENT_BYTES = 100 * 1024 * 1024;

/**
 * All of a stream's bytes, for the formats whose libraries need the whole document.
 * @throws TrackFormatError past {@link MAX_DOCUMENT_BYTES}, naming the limit and the way out.
 */
export async function readWhole(chunks: AsyncIterable<Uint8Array>, format: string): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.length;
    if (size > MAX_DOCUMENT_BYTES) {
      throw new TrackFormatError(`parseTrack: a ${format} file is read whole and may be at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB; split it, or convert the track to CSV (streamed, no limit)`);
    }
    parts.push(chunk);
  }
  const whole = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    whole.set(part, at);
    at += part.length;
  }
  return whole;
}
