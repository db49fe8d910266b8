import 'server-only';

/** What every whole-file error names, so the person uploading knows what would have worked. */
export const EXPECTED_FORMATS = 'expected CSV, NMEA 0183 AIVDM, GPX, KML/KMZ or GeoJSON';

/**
 * The file as a whole cannot be read (empty, binary, a format we do not read, a CSV whose columns
 * match no preset and no mapping, too large to parse whole). The API answers it with 400; a bad
 * row never throws this, it becomes a `{ line, error }` row instead.
 */
export class TrackFormatError extends Error {
  override name = 'TrackFormatError';
  /** Which input is wrong, for the API's `details.field`: the file itself or the column mapping. */
  readonly field: 'file' | 'mapping';

  constructor(message: string, field: 'file' | 'mapping' = 'file') {
    super(message);
    this.field = field;
  }
}
