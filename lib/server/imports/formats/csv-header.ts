import 'server-only';
import Papa from 'papaparse';

export interface CsvHeader {
  headers: string[];
  delimiter: string;
  newline: '\n' | '\r\n';
}

/** The delimiter that splits a header line into the most cells (outside quotes): `,`, `;`, tab or `|`. */
function guessDelimiter(line: string): string {
  const outside = line.replace(/"[^"]*"/g, '');
  let best = ',';
  let bestCount = 0;
  for (const candidate of [',', ';', '\t', '|']) {
    const count = outside.split(candidate).length - 1;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Reads a CSV's first line (without its line break), with the delimiter and line break the rest of
 * the file uses. A byte-order mark is dropped by the TextDecoder before this sees the text.
 * @example readCsvHeader('MMSI,BaseDateTime,LAT,LON', '\n').headers // ['MMSI', 'BaseDateTime', 'LAT', 'LON']
 */
export function readCsvHeader(firstLine: string, newline: '\n' | '\r\n'): CsvHeader {
  const line = firstLine.replace(/^\uFEFF/, '');
  const delimiter = guessDelimiter(line);
  const parsed = new Papa.Parser({ delimiter, newline }).parse(line, 0, false) as { data: string[][] };
  const headers = (parsed.data[0] ?? []).map((cell) => cell.trim());
  return { headers, delimiter, newline };
}
