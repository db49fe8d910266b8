import 'server-only';
import Papa from 'papaparse';
import type { CsvMapping, CsvPreset, ParsedRow } from '@/lib/core/track/types';
import { planColumns, type CsvPlan } from './csv-columns';
import { readCsvHeader } from './csv-header';
import { makeCsvRowReader } from './csv-row';
import { TrackFormatError } from './errors';

/** Rows per yielded batch: large enough to amortise the consumer's per-batch work (a transaction). */
const BATCH_ROWS = 4096;
/** One record longer than this is an unterminated quote, not data; holding it would break constant memory. */
const MAX_RECORD_CHARS = 1 << 20;

function countNewlines(cells: readonly string[]): number {
  let n = 0;
  for (const cell of cells) {
    for (let i = cell.indexOf('\n'); i >= 0; i = cell.indexOf('\n', i + 1)) n++;
  }
  return n;
}

/**
 * Streams a CSV's records as fixes in batches, with memory bounded by one chunk plus one batch: the
 * text is decoded chunk by chunk and papaparse's Parser is handed only complete records, the
 * incomplete tail waiting for the next chunk. Line numbers are the file's 1-based lines (the header
 * is line 1), also when a quoted cell spans lines.
 */
export async function* parseCsv(chunks: AsyncIterable<Uint8Array>, preset?: CsvPreset, mapping?: CsvMapping): AsyncGenerator<ParsedRow[]> {
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  let plan: CsvPlan | undefined;
  let readRow: ReturnType<typeof makeCsvRowReader> | undefined;
  let parser: Papa.Parser | undefined;
  let line = 1;
  let batch: ParsedRow[] = [];

  const start = (headerLine: string, newline: '\n' | '\r\n') => {
    const header = readCsvHeader(headerLine, newline);
    plan = planColumns(header.headers, preset, mapping);
    readRow = makeCsvRowReader(plan);
    parser = new Papa.Parser({ delimiter: header.delimiter, newline: header.newline });
    line = 2;
  };

  const consume = (last: boolean) => {
    const quoted = pending.includes('"');
    const result = parser!.parse(pending, 0, !last) as { data: string[][]; meta: { cursor: number } };
    for (const cells of result.data) {
      const extraLines = quoted ? countNewlines(cells) : 0;
      // A blank line is one empty cell: not a record, not a reject.
      if (!(cells.length === 1 && cells[0]!.trim() === '')) batch.push(readRow!(cells, line));
      line += 1 + extraLines;
    }
    pending = last ? '' : pending.slice(result.meta.cursor);
    if (pending.length > MAX_RECORD_CHARS) {
      throw new TrackFormatError(`parseTrack: the CSV record starting on line ${line} is longer than 1 MB; close the quote that opens it`);
    }
  };

  for await (const chunk of chunks) {
    pending += decoder.decode(chunk, { stream: true });
    if (!plan) {
      const end = pending.indexOf('\n');
      if (end < 0) {
        if (pending.length > MAX_RECORD_CHARS) throw new TrackFormatError('parseTrack: the CSV header line is longer than 1 MB; is this a CSV file?');
        continue;
      }
      const crlf = pending[end - 1] === '\r';
      start(pending.slice(0, crlf ? end - 1 : end), crlf ? '\r\n' : '\n');
      pending = pending.slice(end + 1);
    }
    consume(false);
    if (batch.length >= BATCH_ROWS) {
      yield batch;
      batch = [];
    }
  }
  pending += decoder.decode();
  if (!plan) {
    if (pending.trim() === '') throw new TrackFormatError('parseTrack: the CSV is empty; expected a header line and rows');
    start(pending.replace(/\r$/, ''), '\n');
    pending = '';
  }
  if (pending !== '') consume(true);
  if (batch.length > 0) yield batch;
}
