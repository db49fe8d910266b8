/**
 * KML 2.2 downloads: voyages as Placemarks (a LineString, a TimeSpan from the earliest departure to
 * the end of the latest arrival day, typed ExtendedData through a `<Schema>`) and imported tracks as
 * `gx:Track`s (a `<when>` per `gx:coord`), for Google Earth, QGIS and GDAL's LIBKML driver.
 */
import type { LineString } from 'geojson';
import { z } from 'zod';
import type { VoyageSummary } from './dto';
import { type FlatFieldType, VOYAGE_FLAT_FIELDS, type VesselIdentifiers, flatVoyageRow, voyageDescription } from './format-flat';
import { escapeXml, isoSeconds, trackSegments } from './format-xml';
import { COLORS } from './map-style';
import type { LineStringGeometry } from './schemas';
import { windowSpan } from '../time/days';
import { DEFAULT_DETECTION, type TrackDto } from '../track/types';

/** KML's SimpleField types: KML has no date type, so a day stays an ISO string (the TimeSpan is typed). */
const KML_TYPE: Record<FlatFieldType, string> = { String: 'string', Integer: 'int', Real: 'double', Date: 'string' };

/** `#rrggbb` and an opacity as KML's `aabbggrr`. */
function kmlColor(hex: string, opacity: number): string {
  const a = Math.round(opacity * 255).toString(16).padStart(2, '0');
  return `${a}${hex.slice(5, 7)}${hex.slice(3, 5)}${hex.slice(1, 3)}`;
}

/**
 * KML draws no dashes, so an inferred route (dashed on the map) is told apart by a thinner,
 * half-transparent line; an observed one is solid, opaque and darker.
 */
const STYLES =
  `<Style id="inferred"><LineStyle><color>${kmlColor(COLORS.route, 0.55)}</color><width>2</width></LineStyle></Style>` +
  `<Style id="observed"><LineStyle><color>${kmlColor(COLORS.routeSelected, 1)}</color><width>3.5</width></LineStyle></Style>\n`;

const open = (name: string, description: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2" xmlns:gx="http://www.google.com/kml/ext/2.2">\n<Document><name>${escapeXml(name)}</name><description>${escapeXml(description)}</description>\n${STYLES}`;

const schema = (id: string, fields: readonly (readonly [string, FlatFieldType])[]) =>
  `<Schema name="${id}" id="${id}">${fields.map(([n, t]) => `<SimpleField name="${n}" type="${KML_TYPE[t]}"/>`).join('')}</Schema>\n`;

const schemaData = (id: string, values: [string, string | number | null][]) =>
  `<ExtendedData><SchemaData schemaUrl="#${id}">${values
    .filter(([, v]) => v !== null)
    .map(([n, v]) => `<SimpleData name="${n}">${escapeXml(String(v))}</SimpleData>`)
    .join('')}</SchemaData></ExtendedData>`;

/** A window's instants as KML wants them: 00:00Z of the earliest day to 24:00Z of the latest. */
const instant = (ms: number) => isoSeconds(ms / 1000);

/**
 * Voyages as KML: one Placemark each, styled `#inferred` or `#observed`, its TimeSpan from 00:00Z
 * of the earliest departure to 24:00Z of the latest arrival, every flat field typed.
 * @example voyagesToKml([{ ...voyage, route }]) // '...<TimeSpan><begin>2024-04-02T00:00:00Z</begin><end>2024-04-15T00:00:00Z</end></TimeSpan>...'
 */
export function voyagesToKml(
  voyages: readonly (VoyageSummary & { route: LineString | LineStringGeometry })[],
  vessels?: ReadonlyMap<string, VesselIdentifiers>,
): string {
  const parts = [
    open(
      'Wakeline voyages',
      'Reported voyages. Each time span runs from the earliest possible departure to the end of the latest possible arrival day: the sources give windows, not instants. Inferred routes (drawn along the sea graph, not observed) are thin and half-transparent; observed routes are solid.',
    ),
    schema('voyage', VOYAGE_FLAT_FIELDS),
    '<Folder><name>voyages</name>\n',
  ];
  for (const v of voyages) {
    const row = flatVoyageRow(v, vessels);
    parts.push(
      `<Placemark><name>${escapeXml(`${row.vessel_label}: ${v.origin.name} to ${v.destination.name}`)}</name>`,
      `<description>${escapeXml(voyageDescription(v))}</description>`,
      `<TimeSpan><begin>${instant(windowSpan(v.departure).start)}</begin><end>${instant(windowSpan(v.arrival).end)}</end></TimeSpan>`,
      `<styleUrl>#${v.routeKind}</styleUrl>`,
      schemaData('voyage', VOYAGE_FLAT_FIELDS.map(([name]) => [name, row[name]])),
      `<LineString><tessellate>1</tessellate><coordinates>${v.route.coordinates.map(([lon, lat]) => `${+lon!.toFixed(6)},${+lat!.toFixed(6)}`).join(' ')}</coordinates></LineString>`,
      '</Placemark>\n',
    );
  }
  parts.push('</Folder></Document></kml>\n');
  return parts.join('');
}

const TRACK_FIELDS = [
  ['vessel_id', 'String'],
  ['vessel_name', 'String'],
  ['fixes', 'Integer'],
  ['segments', 'Integer'],
] as const satisfies readonly (readonly [string, FlatFieldType])[];

/** Fixes per piece of a streamed download: a few hundred kilobytes of text. */
const FIXES_PER_PIECE = 4096;

/**
 * Imported tracks as KML: a Placemark per vessel holding a `gx:MultiTrack`, one `gx:Track` per
 * stretch between silences longer than `gapMinHours`, each fix a `<when>` and a `gx:coord` (lon lat).
 * @example tracksToKml([{ vesselId: 'a', vesselName: 'A', t: [0], coords: [130, 42], sog: [null] }]) // '...<when>1970-01-01T00:00:00Z</when><gx:coord>130 42 0</gx:coord>...'
 */
export function tracksToKml(tracks: readonly TrackDto[], gapMinHours = DEFAULT_DETECTION.gapMinHours): string {
  return [...tracksKmlPieces(tracks, gapMinHours)].join('');
}

/**
 * tracksToKml's document in pieces of at most a few thousand fixes' `<when>`s or `gx:coord`s,
 * reading `tracks` lazily, for a streamed download that holds one track at a time: joined, the
 * very same text.
 * @example [...tracksKmlPieces(tracks)].join('') === tracksToKml([...tracks]) // true
 */
export function* tracksKmlPieces(tracks: Iterable<TrackDto>, gapMinHours = DEFAULT_DETECTION.gapMinHours): Generator<string> {
  yield open(
    'Wakeline tracks',
    `Imported positions with the times their sources gave. A new track starts after a silence longer than ${gapMinHours} h; nothing is drawn across it.`,
  ) +
    schema('track', TRACK_FIELDS) +
    '<Folder><name>tracks</name>\n';
  for (const track of tracks) {
    const segments = trackSegments(track, gapMinHours);
    const n = track.t.length;
    const span = n ? `<TimeSpan><begin>${isoSeconds(track.t[0]!)}</begin><end>${isoSeconds(track.t[n - 1]!)}</end></TimeSpan>` : '';
    yield `<Placemark><name>${escapeXml(track.vesselName)}</name>${span}<styleUrl>#observed</styleUrl>` +
      schemaData('track', [['vessel_id', track.vesselId], ['vessel_name', track.vesselName], ['fixes', n], ['segments', segments.length]]) +
      '<gx:MultiTrack><gx:interpolate>0</gx:interpolate>\n';
    for (const [start, end] of segments) {
      // A gx:Track lists all its whens, then all its coords: two passes, each in pieces.
      yield '<gx:Track>';
      for (let from = start; from < end; from += FIXES_PER_PIECE) {
        const when: string[] = [];
        for (let i = from; i < Math.min(end, from + FIXES_PER_PIECE); i++) when.push(`<when>${isoSeconds(track.t[i]!)}</when>`);
        yield when.join('');
      }
      for (let from = start; from < end; from += FIXES_PER_PIECE) {
        const coord: string[] = [];
        for (let i = from; i < Math.min(end, from + FIXES_PER_PIECE); i++) coord.push(`<gx:coord>${track.coords[2 * i]} ${track.coords[2 * i + 1]} 0</gx:coord>`);
        yield coord.join('');
      }
      yield '</gx:Track>\n';
    }
    yield '</gx:MultiTrack></Placemark>\n';
  }
  yield '</Folder></Document></kml>\n';
}

/** The KML download as the API documents it. */
export const kmlDocumentSchema = z
  .string()
  .regex(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<kml xmlns="http:\/\/www\.opengis\.net\/kml\/2\.2"/, 'expected a KML 2.2 document')
  .describe('KML 2.2. Voyages: a Placemark each (LineString, TimeSpan, typed ExtendedData), inferred and observed routes styled apart. Tracks: a Placemark per vessel with a gx:Track per stretch (a when per gx:coord).');
