import { describe, expect, it } from 'vitest';
import { voyagesCsvt, voyagesCsvtSchema, voyagesToCsv } from '@/lib/core/domain/format';
import { VOYAGE_FLAT_FIELDS, flatVoyageRow, realText } from '@/lib/core/domain/format-flat';
import { voyageFlatFeatureCollectionSchema, voyagesToFlatGeoJSON } from '@/lib/core/domain/format-geojson-flat';
import { gpxDocumentSchema, tracksToGpx, voyagesToGpx } from '@/lib/core/domain/format-gpx';
import { kmlDocumentSchema, tracksToKml, voyagesToKml } from '@/lib/core/domain/format-kml';
import { escapeXml, isoSeconds, trackSegments } from '@/lib/core/domain/format-xml';
import { tracks, vessels, voyages } from './samples';
import { texts, xmlProblems } from './xml-check';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

describe('escapeXml and the XML checker', () => {
  it('escapes & < > and quotes, and drops control characters XML forbids', () => {
    expect(escapeXml(`A & <B> "c" 'd'\u0001`)).toBe('A &amp; &lt;B&gt; &quot;c&quot; &apos;d&apos;');
  });
  it('catches what a writer could get wrong', () => {
    expect(xmlProblems('<?xml version="1.0" encoding="UTF-8"?>\n<a><b>x & y</b></a>')).toEqual(['stray & at 9']);
    expect(xmlProblems('<?xml version="1.0" encoding="UTF-8"?>\n<a><b></a>')).not.toEqual([]);
    expect(xmlProblems('<?xml version="1.0" encoding="UTF-8"?>\n<a/><b/>')).toEqual(['2 root elements']);
  });
});

describe('isoSeconds and trackSegments', () => {
  it('writes UTC instants without milliseconds', () => {
    expect(isoSeconds(0)).toBe('1970-01-01T00:00:00Z');
    expect(isoSeconds(1.5)).toBe('1970-01-01T00:00:01.500Z');
  });
  it('splits a track after a silence longer than the gap threshold, and never returns an empty segment', () => {
    expect(trackSegments(tracks[0]!)).toEqual([[0, 2], [2, 4]]);
    expect(trackSegments(tracks[0]!, 48)).toEqual([[0, 4]]);
    expect(trackSegments({ t: [] })).toEqual([]);
  });
});

describe('flatVoyageRow and realText', () => {
  it('gives one scalar per field, typed as declared', () => {
    const row = flatVoyageRow(voyages[0]!, vessels);
    for (const [name, type] of VOYAGE_FLAT_FIELDS) {
      const v = row[name];
      if (v === null) continue;
      if (type === 'Integer') expect(Number.isInteger(v), name).toBe(true);
      else if (type === 'Real') expect(typeof v, name).toBe('number');
      else if (type === 'Date') expect(v, name).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      else expect(typeof v, name).toBe('string');
    }
    expect(row).toMatchObject({ vessel_imo: '9134587', vessel_mmsi: '273419270', vessel_name: 'Lady R & <Sons>', route_nm: 260.25, sources: 'a b', source_count: 2 });
    expect(row.vessel_label).toBe('Lady R & <Sons> (believed, inferred by team)');
  });
  it('leaves identifiers null when the vessel is unknown or unidentified', () => {
    expect(flatVoyageRow(voyages[0]!)).toMatchObject({ vessel_imo: null, vessel_mmsi: null });
    expect(flatVoyageRow(voyages[1]!, vessels)).toMatchObject({ vessel_id: null, vessel_name: null, vessel_label: 'Unidentified vessel' });
  });
  it('writes every real with a decimal point', () => {
    expect(realText(260)).toBe('260.0');
    expect(realText(0.8)).toBe('0.8');
    expect(realText(1e21)).toBe('1e+21');
    expect(() => realText(Number.NaN)).toThrow(/^realText:/);
  });
});

describe('voyagesToFlatGeoJSON', () => {
  it('parses as the documented flat collection, with whole reals written as reals', () => {
    const text = voyagesToFlatGeoJSON(voyages, vessels);
    const fc = voyageFlatFeatureCollectionSchema.parse(JSON.parse(text));
    expect(fc.features.map((f) => f.id)).toEqual(['v-1', 'v-2']);
    expect(fc.features[0]!.geometry.coordinates[0]).toEqual([130.123456789, 42.2]);
    expect(text).toContain('"min_hours":264.0');
    expect(text).toContain('"great_circle_nm":97.0');
    expect(text).toContain('"version":3');
  });
});

describe('voyagesToCsv with voyagesCsvt', () => {
  it('names one type per CSV column, dates and metrics typed', () => {
    const header = voyagesToCsv([]).trim().split(',');
    const types = voyagesCsvt().trim().split(',').map((t) => t.replace(/"/g, ''));
    expect(types).toHaveLength(header.length);
    expect(types[header.indexOf('departure_earliest')]).toBe('Date');
    expect(types[header.indexOf('route_nm')]).toBe('Real');
    expect(types[header.indexOf('vessel')]).toBe('String');
    expect(voyagesCsvtSchema.safeParse(voyagesCsvt()).success).toBe(true);
  });
});

describe('voyagesToGpx', () => {
  const gpx = voyagesToGpx(voyages, vessels);
  it('is well-formed GPX 1.1 with one trk per voyage and escaped names', () => {
    expect(xmlProblems(gpx)).toEqual([]);
    expect(gpxDocumentSchema.safeParse(gpx).success).toBe(true);
    expect(gpx.match(/<trk>/g)).toHaveLength(2);
    expect(texts(gpx, 'name')[1]).toBe('Lady R & <Sons> (believed, inferred by team): Vostochny to Rajin');
    expect(gpx).toContain('Lady R &amp; &lt;Sons&gt;');
  });
  it('puts lat and lon in their attributes and invents no point times', () => {
    expect(gpx).toContain('<trkpt lat="42.2" lon="130.123457"></trkpt>');
    expect(gpx).not.toMatch(/<time>/);
    expect(texts(gpx, 'desc')[1]).toContain('Departure 2024-04-02 to 2024-04-03');
    expect(texts(gpx, 'desc')[1]).toContain('its points have no times');
  });
  it('carries the typed fields as extensions, reals with a decimal point, nulls left out', () => {
    expect(gpx).toContain('<wakeline:departure_earliest>2024-04-02</wakeline:departure_earliest>');
    expect(gpx).toContain('<wakeline:min_hours>264.0</wakeline:min_hours>');
    expect(gpx).toContain('<wakeline:cargo>=HYPERLINK(&quot;http://evil&quot;)</wakeline:cargo>');
    expect(gpx).not.toContain('<wakeline:max_knots>');
    expect(texts(gpx, 'type')).toEqual(['inferred', 'observed']);
  });
});

describe('voyagesToKml', () => {
  const kml = voyagesToKml(voyages, vessels);
  it('is well-formed KML 2.2 with a typed Schema', () => {
    expect(xmlProblems(kml)).toEqual([]);
    expect(kmlDocumentSchema.safeParse(kml).success).toBe(true);
    expect(kml).toContain('<SimpleField name="route_nm" type="double"/>');
    expect(kml).toContain('<SimpleField name="version" type="int"/>');
    expect(kml.match(/<Placemark>/g)).toHaveLength(2);
  });
  it('writes lon,lat coordinates and a TimeSpan from the earliest departure to the end of the latest arrival day', () => {
    expect(kml).toContain('<coordinates>130.123457,42.2 130.9,42.5 131.5,42.8</coordinates>');
    expect(texts(kml, 'begin')[0]).toBe('2024-04-02T00:00:00Z');
    expect(texts(kml, 'end')[0]).toBe('2024-04-15T00:00:00Z');
    for (const t of [...texts(kml, 'begin'), ...texts(kml, 'end')]) expect(t).toMatch(ISO_INSTANT);
  });
  it('styles inferred and observed routes apart', () => {
    expect(texts(kml, 'styleUrl')).toEqual(['#inferred', '#observed']);
    const [inferred, observed] = [...kml.matchAll(/<Style id="(\w+)"><LineStyle><color>(\w+)<\/color>/g)].map((m) => m[2]);
    expect(inferred).not.toBe(observed);
    expect(texts(kml, 'SimpleData').filter((t) => t.startsWith('Lady R &'))).toHaveLength(2);
  });
});

describe('tracksToGpx and tracksToKml', () => {
  it('writes GPX trkpt with lat/lon attributes, an ISO time each, a trkseg per stretch', () => {
    const gpx = tracksToGpx(tracks);
    expect(xmlProblems(gpx)).toEqual([]);
    expect(gpx.match(/<trkseg>/g)).toHaveLength(3);
    expect(gpx).toContain('<trkpt lat="42.25" lon="130.3"><time>2024-04-02T00:00:00Z</time><extensions><wakeline:sog_knots>0.2</wakeline:sog_knots></extensions></trkpt>');
    expect(gpx).toContain('<wakeline:sog_knots>11.0</wakeline:sog_knots>');
    expect(texts(gpx, 'time')).toHaveLength(5);
    expect(texts(gpx, 'name')).toContain('Angara <A&B>');
  });
  it('writes KML gx:Tracks with a when per lon lat coord, one per stretch', () => {
    const kml = tracksToKml(tracks);
    expect(xmlProblems(kml)).toEqual([]);
    expect(kml.match(/<gx:Track>/g)).toHaveLength(3);
    expect(texts(kml, 'when')).toHaveLength(texts(kml, 'gx:coord').length);
    expect(texts(kml, 'gx:coord')[0]).toBe('130.3 42.25 0');
    expect(texts(kml, 'when')[2]).toBe('2024-04-03T00:00:00Z');
  });
  it('does not mutate its input', () => {
    const before = JSON.stringify(tracks);
    tracksToGpx(tracks);
    tracksToKml(tracks);
    voyagesToKml(voyages);
    expect(JSON.stringify(tracks)).toBe(before);
  });
});
