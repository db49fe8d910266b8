import 'server-only';
import type { CsvMapping, CsvPreset, ParsedRow, TrackFormat } from '@/lib/core/track/types';
import { parseCsv } from './csv';
import { parseGeoJson } from './geojson';
import { parseNmea } from './nmea';
import { parseXmlTrack } from './xml';

export { TrackFormatError } from './errors';
export { sniffTrackFile, type TrackSniff } from './sniff';

export interface ParseTrackOptions {
  format: TrackFormat;
  /** CSV: a built-in column set; when neither this nor `mapping` is given, the header decides. */
  preset?: CsvPreset;
  /** CSV: the user's column mapping (header names); wins over `preset`. */
  mapping?: CsvMapping;
  /** NMEA: the time (epoch ms) of sentences that carry none; without it they are rejected. */
  baseTimeMs?: number;
}

/**
 * A track file's rows as batches of fixes and rejects. CSV and NMEA stream with constant memory;
 * the XML and GeoJSON formats are read whole (up to a cap) because their libraries need the document.
 * A bad row is a `{ line, error }` in its batch; only a file that cannot be read at all throws
 * {@link TrackFormatError}.
 * @example for await (const batch of parseTrack(fs.createReadStream(path), { format: 'csv' })) store(batch);
 */
export async function* parseTrack(chunks: AsyncIterable<Uint8Array>, options: ParseTrackOptions): AsyncGenerator<ParsedRow[]> {
  switch (options.format) {
    case 'csv':
      yield* parseCsv(chunks, options.preset, options.mapping);
      return;
    case 'nmea':
      yield* parseNmea(chunks, options.baseTimeMs);
      return;
    case 'gpx':
    case 'kml':
    case 'kmz':
      yield* parseXmlTrack(chunks, options.format);
      return;
    case 'geojson':
      yield* parseGeoJson(chunks);
      return;
  }
}
