import 'server-only';
import type { Feature, FeatureCollection } from 'geojson';
import type { ParsedRow } from '@/lib/core/track/types';
import { TrackFormatError } from './errors';
import { featureRows } from './features';
import { readWhole } from './read-whole';

const BATCH_ROWS = 4096;

function featuresOf(document: unknown): Feature[] {
  const object = document as { type?: unknown; features?: unknown } | null;
  if (object?.type === 'FeatureCollection' && Array.isArray(object.features)) return (object as FeatureCollection).features;
  if (object?.type === 'Feature') return [object as unknown as Feature];
  throw new TrackFormatError(`parseTrack: the JSON is not GeoJSON (expected a FeatureCollection or a Feature, found ${object?.type ? `type '${String(object.type)}'` : 'no type'})`);
}

/**
 * GeoJSON tracks, parsed whole (at most 100 MB): Point features with a time property, LineStrings
 * with `coordTimes`/`times` per vertex. `line` is the 1-based index of the point (features in
 * order, a line's vertices one each).
 */
export async function* parseGeoJson(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<ParsedRow[]> {
  const text = new TextDecoder('utf-8').decode(await readWhole(chunks, 'GeoJSON'));
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new TrackFormatError(`parseTrack: the GeoJSON is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  let line = 0;
  let batch: ParsedRow[] = [];
  for (const row of featureRows(featuresOf(document), () => ++line)) {
    batch.push(row);
    if (batch.length >= BATCH_ROWS) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
