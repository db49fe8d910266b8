import 'server-only';
import type { CsvPreset, TrackFormat } from '@/lib/core/track/types';
import { matchPreset } from './csv-columns';
import { readCsvHeader } from './csv-header';
import { EXPECTED_FORMATS, TrackFormatError } from './errors';

/** What the first bytes of a file say it is. */
export interface TrackSniff {
  format: TrackFormat;
  /** CSV only: the header row's cells, as the column mapping names them. */
  headers?: string[];
  /** CSV only: the preset the header matches, or null when the user must map the columns. */
  preset?: CsvPreset | null;
  /** CSV only: the cell delimiter (`,`, `;`, tab or `|`) and line break the header uses. */
  delimiter?: string;
  newline?: '\n' | '\r\n';
}

const MAGIC: [bytes: number[], what: string][] = [
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Office document (xls, doc)'],
  [[0x1f, 0x8b], 'a gzip archive (decompress it first)'],
  [[0x42, 0x5a, 0x68], 'a bzip2 archive (decompress it first)'],
  [[0x37, 0x7a, 0xbc, 0xaf], 'a 7-Zip archive (extract it first)'],
  [[0xff, 0xfe], 'UTF-16 text (save it as UTF-8)'],
  [[0xfe, 0xff], 'UTF-16 text (save it as UTF-8)'],
];

const AIVDM = /![A-Z]{2}VD[MO],/;

function startsWith(head: Uint8Array, bytes: number[]): boolean {
  return bytes.every((byte, i) => head[i] === byte);
}

function refuse(what: string): never {
  throw new TrackFormatError(`sniffTrackFile: the file is ${what}; ${EXPECTED_FORMATS}`);
}

/** The names of the entries a ZIP's local headers announce within the head. */
function zipEntryNames(head: Uint8Array): string[] {
  const names: string[] = [];
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  let at = 0;
  while (at + 30 <= head.length && view.getUint32(at, true) === 0x04034b50) {
    const compressed = view.getUint32(at + 18, true);
    const nameLength = view.getUint16(at + 26, true);
    const extraLength = view.getUint16(at + 28, true);
    names.push(new TextDecoder().decode(head.subarray(at + 30, at + 30 + nameLength)));
    // Sizes may be deferred to a data descriptor (flag bit 3); then the walk stops at the first entry.
    if (compressed === 0) break;
    at += 30 + nameLength + extraLength + compressed;
  }
  return names;
}

function sniffZip(head: Uint8Array, extension: string): TrackSniff {
  const names = zipEntryNames(head);
  if (names.some((name) => name.toLowerCase().endsWith('.kml')) || extension === 'kmz') return { format: 'kmz' };
  if (names.some((name) => name === '[Content_Types].xml' || name.startsWith('xl/'))) {
    refuse(names.some((name) => name.startsWith('xl/')) || extension === 'xlsx' ? 'an Excel workbook (xlsx: save the sheet as CSV)' : 'an Office document');
  }
  refuse('a ZIP archive without a .kml inside');
}

/**
 * Decides a track file's format from its first bytes (about 64 KB) and its name, and for a CSV
 * reads the header and the preset it matches.
 * @throws TrackFormatError for an empty file or one in a format imports do not read.
 * @example sniffTrackFile(new TextEncoder().encode('MMSI,BaseDateTime,LAT,LON\n')) // { format: 'csv', headers: [...], preset: 'marinecadastre' }
 */
export function sniffTrackFile(head: Uint8Array, fileName?: string): TrackSniff {
  if (head.length === 0) refuse('empty (0 bytes)');
  const extension = fileName?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return sniffZip(head, extension);
  for (const [bytes, what] of MAGIC) if (startsWith(head, bytes)) refuse(what);
  if (head.subarray(0, 8192).includes(0)) refuse('binary, not text');

  const text = new TextDecoder('utf-8').decode(head).replace(/^\uFEFF/, '');
  const body = text.trimStart();
  if (body === '') refuse('blank (only white space)');
  if (body.startsWith('<')) {
    const lower = body.slice(0, 65536).toLowerCase();
    if (/<gpx[\s>]/.test(lower)) return { format: 'gpx' };
    if (/<kml[\s>]/.test(lower)) return { format: 'kml' };
    refuse(/<html[\s>]/.test(lower) ? 'an HTML page' : 'XML, but neither GPX nor KML');
  }
  if (body.startsWith('{')) return { format: 'geojson' };
  if (body.startsWith('[')) refuse('a JSON array, not GeoJSON (a FeatureCollection is an object)');

  // Raw AIS logs often open with `#` comments (gpsd's sample has a page of them); a DMA CSV's header
  // also starts with `#`, so the comments are skipped here and the CSV check still sees line one.
  const lines = body.split('\n', 2000).filter((line) => line.trim() !== '' && !line.startsWith('#')).slice(0, 50);
  const nmeaLines = lines.filter((line) => AIVDM.test(line)).length;
  if (nmeaLines > 0 && nmeaLines * 2 >= lines.length) return { format: 'nmea' };

  const firstLine = text.split('\n', 1)[0]!;
  const newline = firstLine.endsWith('\r') ? '\r\n' : '\n';
  const { headers, delimiter } = readCsvHeader(firstLine.replace(/\r$/, ''), newline);
  if (headers.length < 2) refuse('text without a delimiter (comma, semicolon or tab) in its first line');
  return { format: 'csv', headers, preset: matchPreset(headers), delimiter, newline };
}
