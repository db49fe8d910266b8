import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ParsedRow } from '@/lib/core/track/types';
import { parseTrack, type ParseTrackOptions } from '@/lib/server/imports/formats';

const FIXTURES = join(import.meta.dirname, '../../../fixtures/tracks');

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, name)));
}

/** The bytes as a stream of chunks of `size` bytes, as an upload or a file stream would give them. */
export async function* chunked(bytes: Uint8Array, size = bytes.length || 1): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

/** Every row of a parse, batches flattened. */
export async function parseAll(bytes: Uint8Array, options: ParseTrackOptions, chunkBytes?: number): Promise<ParsedRow[]> {
  const rows: ParsedRow[] = [];
  for await (const batch of parseTrack(chunked(bytes, chunkBytes), options)) rows.push(...batch);
  return rows;
}

export function fixes(rows: ParsedRow[]) {
  return rows.flatMap((row) => ('point' in row ? [row] : []));
}

export function rejects(rows: ParsedRow[]) {
  return rows.flatMap((row) => ('error' in row ? [{ line: row.line, error: row.error }] : []));
}
