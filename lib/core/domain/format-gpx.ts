/**
 * GPX 1.1 downloads: voyages (one `<trk>` per voyage) and imported tracks (one `<trk>` per vessel,
 * a `<trkseg>` per stretch between silences, a `<time>` on every point).
 *
 * A voyage's route has no per-point times (an inferred route is drawn, not sailed point by point),
 * so its points carry none: the departure and arrival windows go in `<desc>` and, typed, in
 * `<extensions>`, which GDAL reads as fields (`wakeline_departure_earliest`, ...).
 */
import type { LineString } from 'geojson';
import { z } from 'zod';
import type { VoyageSummary } from './dto';
import { type FlatValue, VOYAGE_FLAT_FIELDS, type VesselIdentifiers, flatVoyageRow, realText, voyageDescription } from './format-flat';
import { escapeXml, isoSeconds, trackSegments } from './format-xml';
import type { LineStringGeometry } from './schemas';
import { DEFAULT_DETECTION, type TrackDto } from '../track/types';

/** The namespace of Wakeline's GPX extensions (a name, not a URL anything is fetched from). */
const NS = 'https://wakeline.invalid/gpx/1';

const header = (name: string, desc: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="Wakeline" xmlns="http://www.topografix.com/GPX/1/1" xmlns:wakeline="${NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.topografix.com/GPX/1/1 http://www.topografix.com/GPX/1/1/gpx.xsd">\n<metadata><name>${escapeXml(name)}</name><desc>${escapeXml(desc)}</desc></metadata>\n`;

function extension(name: string, value: FlatValue, real: boolean): string {
  if (value === null) return '';
  const text = typeof value === 'number' && real ? realText(value) : String(value);
  return `<wakeline:${name}>${escapeXml(text)}</wakeline:${name}>`;
}

/** lat and lon as attributes (GPX's order), 6 decimals at most: about 0.1 m, finer than any source. */
const pt = (tag: string, lon: number, lat: number) => `<${tag} lat="${+lat.toFixed(6)}" lon="${+lon.toFixed(6)}">`;

/**
 * Voyages as GPX: each a `<trk>` named after the vessel and its ports, with a `<desc>` in words,
 * `<type>` inferred or observed, every flat field in `<extensions>`, and its route's points.
 * @example voyagesToGpx([{ ...voyage, route }]) // '<?xml version="1.0" ...<trk><name>Lady R: Vostochny to Rajin</name>...'
 */
export function voyagesToGpx(
  voyages: readonly (VoyageSummary & { route: LineString | LineStringGeometry })[],
  vessels?: ReadonlyMap<string, VesselIdentifiers>,
): string {
  const parts = [
    header(
      'Wakeline voyages',
      'Reported voyages, one track per voyage. Route points carry no times: a voyage is known by its departure and arrival windows (in each track\'s desc and extensions), not by timed positions. Imported tracks with a time on every point: /api/tracks?format=gpx.',
    ),
  ];
  for (const v of voyages) {
    const row = flatVoyageRow(v, vessels);
    const ext = VOYAGE_FLAT_FIELDS.map(([name, type]) => extension(name, row[name], type === 'Real')).join('');
    parts.push(
      `<trk><name>${escapeXml(`${row.vessel_label}: ${v.origin.name} to ${v.destination.name}`)}</name>`,
      `<desc>${escapeXml(voyageDescription(v))}</desc><src>Wakeline</src><type>${v.routeKind}</type>`,
      `<extensions>${ext}</extensions>\n<trkseg>`,
      v.route.coordinates.map(([lon, lat]) => `${pt('trkpt', lon!, lat!)}</trkpt>`).join(''),
      '</trkseg></trk>\n',
    );
  }
  parts.push('</gpx>\n');
  return parts.join('');
}

/** Points per piece of a streamed download: a few hundred kilobytes of text. */
const POINTS_PER_PIECE = 4096;

/**
 * Imported tracks as GPX: one `<trk>` per vessel, split into `<trkseg>`s at silences longer than
 * `gapMinHours`, each `<trkpt>` with its `<time>` and, when reported, its speed over ground.
 * @example tracksToGpx([{ vesselId: 'a', vesselName: 'A', t: [0], coords: [130, 42], sog: [null] }]) // '...<trkpt lat="42" lon="130"><time>1970-01-01T00:00:00Z</time></trkpt>...'
 */
export function tracksToGpx(tracks: readonly TrackDto[], gapMinHours = DEFAULT_DETECTION.gapMinHours): string {
  return [...tracksGpxPieces(tracks, gapMinHours)].join('');
}

/**
 * tracksToGpx's document in pieces of at most a few thousand points, reading `tracks` lazily, for
 * a streamed download that holds one track at a time: joined, the very same text.
 * @example [...tracksGpxPieces(tracks)].join('') === tracksToGpx([...tracks]) // true
 */
export function* tracksGpxPieces(tracks: Iterable<TrackDto>, gapMinHours = DEFAULT_DETECTION.gapMinHours): Generator<string> {
  yield header(
    'Wakeline tracks',
    `Imported positions with the times their sources gave. A new segment starts after a silence longer than ${gapMinHours} h; nothing is drawn across it.`,
  );
  for (const track of tracks) {
    let parts = [
      `<trk><name>${escapeXml(track.vesselName)}</name><src>Wakeline import</src><type>observed</type>`,
      `<extensions>${extension('vessel_id', track.vesselId, false)}${extension('fixes', track.t.length, false)}</extensions>\n`,
    ];
    for (const [start, end] of trackSegments(track, gapMinHours)) {
      parts.push('<trkseg>');
      for (let i = start; i < end; i++) {
        const sog = track.sog[i];
        // A number's text needs no escaping, and the DTO's coordinates are already rounded: this
        // loop runs once per fix (a million in a big import), so it does no more than it must.
        const ext = sog === null || sog === undefined ? '' : `<extensions><wakeline:sog_knots>${realText(sog)}</wakeline:sog_knots></extensions>`;
        parts.push(`<trkpt lat="${track.coords[2 * i + 1]}" lon="${track.coords[2 * i]}"><time>${isoSeconds(track.t[i]!)}</time>${ext}</trkpt>`);
        if (parts.length >= POINTS_PER_PIECE) {
          yield parts.join('');
          parts = [];
        }
      }
      parts.push('</trkseg>\n');
    }
    parts.push('</trk>\n');
    yield parts.join('');
  }
  yield '</gpx>\n';
}

/** The GPX download as the API documents it. */
export const gpxDocumentSchema = z
  .string()
  .regex(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<gpx version="1\.1"/, 'expected a GPX 1.1 document')
  .describe('GPX 1.1. Voyages: a trk each, route points without times (the windows are in desc and in wakeline: extensions). Tracks: a trk per vessel, a trkseg per stretch between AIS gaps, a time on every point.');
