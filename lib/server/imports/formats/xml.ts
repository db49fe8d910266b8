import 'server-only';
import { kml } from '@tmcw/togeojson';
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { unzipSync } from 'fflate';
import type { Feature } from 'geojson';
import type { ParsedRow } from '@/lib/core/track/types';
import { TrackFormatError } from './errors';
import { featureRows } from './features';
import { gpxRows } from './gpx';
import { MAX_DOCUMENT_BYTES, readWhole } from './read-whole';

const BATCH_ROWS = 4096;

function parseXml(text: string, format: string): Document {
  let problem: string | undefined;
  // Errors, not only fatal ones, end the parse (xmldom would otherwise log them and go on with a guess).
  const onError = (level: 'warning' | 'error' | 'fatalError', message: string) => {
    if (level === 'warning') return;
    problem ??= message.trim().split('\n')[0];
    throw new Error(problem);
  };
  try {
    return new DOMParser({ onError }).parseFromString(text, 'text/xml');
  } catch (error) {
    const reason = problem ?? (error instanceof Error ? error.message.split('\n')[0] : String(error));
    throw new TrackFormatError(`parseTrack: the ${format} is not well-formed XML (${reason}); export it again from its application`);
  }
}

function rootNamed(doc: Document, name: string, format: string): Element {
  const root = doc.documentElement;
  if (!root || root.localName !== name) throw new TrackFormatError(`parseTrack: the file is not ${format} (its root element is <${root?.localName ?? 'none'}>, expected <${name}>)`);
  return root;
}

/** The KML inside a KMZ: `doc.kml` as Google Earth writes it, else the first `.kml` entry. */
function kmlOfKmz(bytes: Uint8Array): string {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, { filter: (file) => file.name.toLowerCase().endsWith('.kml') && file.originalSize <= MAX_DOCUMENT_BYTES });
  } catch (error) {
    throw new TrackFormatError(`parseTrack: the KMZ is not a readable ZIP archive (${error instanceof Error ? error.message : String(error)})`);
  }
  const names = Object.keys(entries);
  const name = names.find((entry) => entry.toLowerCase() === 'doc.kml') ?? names[0];
  if (!name) throw new TrackFormatError(`parseTrack: the KMZ holds no .kml file of at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB`);
  return new TextDecoder('utf-8').decode(entries[name]);
}

function* rowsOf(format: 'gpx' | 'kml' | 'kmz', bytes: Uint8Array): Generator<ParsedRow> {
  if (format === 'gpx') {
    yield* gpxRows(rootNamed(parseXml(new TextDecoder('utf-8').decode(bytes), 'GPX'), 'gpx', 'GPX'));
    return;
  }
  const text = format === 'kmz' ? kmlOfKmz(bytes) : new TextDecoder('utf-8').decode(bytes);
  const doc = parseXml(text, 'KML');
  rootNamed(doc, 'kml', 'KML');
  // togeojson walks a DOM Document; xmldom's implements the parts it uses.
  const collection = kml(doc as unknown as globalThis.Document);
  let line = 0;
  yield* featureRows(collection.features as Feature[], () => ++line);
}

/**
 * GPX, KML and KMZ tracks, read whole (at most {@link MAX_DOCUMENT_BYTES}): GPX from its DOM,
 * KML through togeojson (gx:Track with when/gx:coord, Placemarks with a TimeStamp), KMZ unzipped
 * with fflate first. For KML `line` is the 1-based index of the point among the file's placemark
 * points and track vertices; for GPX among its trkpt, rtept and wpt elements.
 */
export async function* parseXmlTrack(chunks: AsyncIterable<Uint8Array>, format: 'gpx' | 'kml' | 'kmz'): AsyncGenerator<ParsedRow[]> {
  const bytes = await readWhole(chunks, format.toUpperCase());
  let batch: ParsedRow[] = [];
  for (const row of rowsOf(format, bytes)) {
    batch.push(row);
    if (batch.length >= BATCH_ROWS) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
