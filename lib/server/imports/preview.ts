/**
 * POST /api/imports/preview: what a file is, from its first bytes, so the upload dialog can show
 * the format, the preset the header matches (or ask for a column mapping) and a few rows as
 * they are in the file. Writes nothing.
 */
import 'server-only';
import Papa from 'papaparse';
import type { z } from 'zod';
import type { importPreviewSchema } from '@/lib/core/domain/api-contract-tracks';
import { TrackFormatError, sniffTrackFile } from './formats';
import { readCsvHeader } from './formats/csv-header';
import { formatRefusal } from './start';

const SAMPLE_ROWS = 5;

type Preview = z.infer<typeof importPreviewSchema>;

/** The sniffed format, a CSV's headers and preset, and up to five rows by header name; 400 for a file imports cannot read. */
export function previewTrackFile(head: Uint8Array, fileName?: string): Preview {
  let sniff;
  try {
    sniff = sniffTrackFile(head, fileName);
  } catch (err) {
    if (err instanceof TrackFormatError) throw formatRefusal(err);
    throw err;
  }
  if (sniff.format !== 'csv' || !sniff.headers) return { format: sniff.format, headers: [], preset: null, sample: [] };
  const text = new TextDecoder('utf-8').decode(head).replace(/^\uFEFF/, '');
  const crlf = /\r\n/.test(text.slice(0, 4096));
  const firstBreak = text.indexOf('\n');
  const header = readCsvHeader(text.slice(0, firstBreak < 0 ? text.length : firstBreak).replace(/\r$/, ''), crlf ? '\r\n' : '\n');
  // The head may end mid-row: only whole rows before it are shown.
  const body = firstBreak < 0 ? '' : text.slice(firstBreak + 1, text.lastIndexOf('\n') + 1);
  const parsed = Papa.parse<string[]>(body, { delimiter: header.delimiter, newline: header.newline, preview: SAMPLE_ROWS, skipEmptyLines: true });
  const sample = parsed.data.map((cells) => Object.fromEntries(sniff.headers!.map((h, i) => [h, cells[i] ?? ''])));
  return { format: 'csv', headers: sniff.headers, preset: sniff.preset ?? null, sample };
}
