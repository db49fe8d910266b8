/**
 * Small helpers shared by the KML and GPX writers: text escaping, instants, and where a track's
 * silences cut it into segments.
 */
import { DEFAULT_DETECTION, type TrackDto } from '../track/types';

/**
 * Text or an attribute value made safe for XML: the five special characters escaped, and the
 * control characters XML 1.0 forbids dropped (a name pasted from a PDF can carry them).
 * @example escapeXml('A & <B>') // 'A &amp; &lt;B&gt;'
 */
export function escapeXml(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * Epoch seconds as an ISO 8601 UTC instant, without milliseconds when there are none.
 * @example isoSeconds(0) // '1970-01-01T00:00:00Z'
 */
export function isoSeconds(t: number): string {
  if (!Number.isFinite(t)) throw new Error(`isoSeconds: ${t} is not a time; pass epoch seconds`);
  const iso = new Date(t * 1000).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}

/**
 * The index ranges [start, end) of a track's segments: a new segment starts after a silence longer
 * than `gapMinHours` (Wakeline's AIS gap threshold by default), as GPX asks for a lost fix. A
 * segment never joins two fixes across a gap, so no GIS tool draws a line the ship was not seen on.
 * @example trackSegments({ t: [0, 60, 86400] , ... }) // [[0, 2], [2, 3]]
 */
export function trackSegments(track: Pick<TrackDto, 't'>, gapMinHours = DEFAULT_DETECTION.gapMinHours): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (let i = 1; i < track.t.length; i++) {
    if (track.t[i]! - track.t[i - 1]! > gapMinHours * 3600) {
      out.push([start, i]);
      start = i;
    }
  }
  if (track.t.length > 0) out.push([start, track.t.length]);
  return out;
}
