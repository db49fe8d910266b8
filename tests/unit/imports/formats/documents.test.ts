import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseTrack, sniffTrackFile, TrackFormatError } from '@/lib/server/imports/formats';
import { fixes, fixture, parseAll, rejects } from './read';

const T0 = Date.UTC(2024, 0, 1);
const HOUR = 3_600_000;

describe('parseTrack gpx', () => {
  it('reads timed trkpt in document order, named by the track, and rejects the rest by point index', async () => {
    const rows = await parseAll(fixture('track.gpx'), { format: 'gpx' });
    expect(fixes(rows)).toEqual([
      { line: 2, identity: { name: 'LADY R' }, point: { t: T0, lat: 42.2431, lon: 130.3012, sog: null, cog: null } },
      { line: 5, identity: { name: 'LADY R' }, point: { t: T0 + 2 * HOUR + 500 - 9 * HOUR, lat: 42.5, lon: 131, sog: null, cog: null } },
    ]);
    expect(rejects(rows)).toEqual([
      { line: 1, error: 'wpt without <time>' },
      { line: 3, error: 'trkpt without <time>' },
      { line: 4, error: 'lat 95 out of range' },
      { line: 6, error: "<time> '2 January 2024' is not a date" },
    ]);
  });

  it('refuses XML that is not well-formed, and a GPX that is really a KML', async () => {
    await expect(parseAll(fixture('broken.gpx'), { format: 'gpx' })).rejects.toThrow('parseTrack: the GPX is not well-formed XML (unclosed xml tag(s): gpx, trk, trkseg)');
    await expect(parseAll(fixture('track.kml'), { format: 'gpx' })).rejects.toThrow('parseTrack: the file is not GPX (its root element is <kml>, expected <gpx>)');
  });
});

describe('parseTrack kml and kmz', () => {
  it('reads a gx:Track with its whens and Placemarks with a TimeStamp, with identity from ExtendedData', async () => {
    const rows = await parseAll(fixture('track.kml'), { format: 'kml' });
    expect(fixes(rows)).toEqual([
      { line: 1, identity: { mmsi: '273318000', name: 'ANGARA' }, point: { t: T0, lon: 130.3, lat: 42.2, sog: null, cog: null } },
      { line: 2, identity: { mmsi: '273318000', name: 'ANGARA' }, point: { t: T0 + HOUR, lon: 130.6, lat: 42.4, sog: null, cog: null } },
      { line: 3, identity: { name: 'ANGARA' }, point: { t: T0 + 2 * HOUR, lon: 131, lat: 42.6, sog: null, cog: null } },
    ]);
    expect(rejects(rows)).toEqual([
      { line: 4, error: 'no time' },
      { line: 5, error: 'Polygon is not a track (expected a Point or a LineString with times)' },
    ]);
  });

  it('reads the KML inside a KMZ the same way, and sniffs the archive as KMZ', async () => {
    const kmz = zipSync({ 'doc.kml': fixture('track.kml'), 'files/icon.png': fixture('not-a-track.png') });
    expect(sniffTrackFile(kmz.subarray(0, 65536), 'track.kmz')).toEqual({ format: 'kmz' });
    expect(sniffTrackFile(kmz.subarray(0, 65536))).toEqual({ format: 'kmz' });
    expect(await parseAll(kmz, { format: 'kmz' })).toEqual(await parseAll(fixture('track.kml'), { format: 'kml' }));
    await expect(parseAll(zipSync({ 'readme.txt': new Uint8Array([65]) }), { format: 'kmz' })).rejects.toThrow('parseTrack: the KMZ holds no .kml file');
  });
});

describe('parseTrack geojson', () => {
  it('reads Point features with time, BaseDateTime or epoch-millisecond timestamp properties', async () => {
    const rows = await parseAll(fixture('points.geojson'), { format: 'geojson' });
    expect(fixes(rows)).toEqual([
      { line: 1, identity: { mmsi: '273318000', name: 'LADY R' }, point: { t: T0, lon: 130.3, lat: 42.2, sog: 10.5, cog: 90 } },
      { line: 2, identity: { mmsi: '273318000' }, point: { t: T0 + HOUR, lon: 130.4, lat: 42.3, sog: null, cog: null } },
      { line: 3, identity: { mmsi: '273318000' }, point: { t: T0 + 2 * HOUR, lon: 130.5, lat: 42.4, sog: null, cog: null } },
    ]);
    expect(rejects(rows)).toEqual([
      { line: 4, error: 'no time' },
      { line: 5, error: 'longitude 190 out of range' },
      { line: 6, error: 'a feature without geometry is not a track (expected a Point or a LineString with times)' },
    ]);
  });

  it('reads LineString and MultiLineString vertices with coordTimes or times, counting each vertex', async () => {
    const rows = await parseAll(fixture('lines.geojson'), { format: 'geojson' });
    expect(fixes(rows).map((row) => [row.line, row.identity, row.point.t])).toEqual([
      [1, { imo: '9743033', name: 'SPARTA IV' }, T0],
      [2, { imo: '9743033', name: 'SPARTA IV' }, T0 + HOUR / 2],
      [4, { mmsi: '273318000' }, T0],
      [5, { mmsi: '273318000' }, T0 + HOUR],
      [6, { mmsi: '273318000' }, T0 + 2 * HOUR],
    ]);
    expect(rejects(rows)).toEqual([{ line: 3, error: "time 'soon' is not a date" }]);
  });

  it('gives the same rows from 7-byte chunks, and refuses JSON that is not GeoJSON', async () => {
    expect(await parseAll(fixture('lines.geojson'), { format: 'geojson' }, 7)).toEqual(await parseAll(fixture('lines.geojson'), { format: 'geojson' }));
    await expect(parseAll(new TextEncoder().encode('{"type":"Topology"}'), { format: 'geojson' })).rejects.toThrow(TrackFormatError);
    await expect(parseAll(new TextEncoder().encode('{"type":'), { format: 'geojson' })).rejects.toThrow(/^parseTrack: the GeoJSON is not valid JSON/);
  });

  it('refuses a document larger than 100 MB before parsing it', async () => {
    const megabyte = new Uint8Array(1024 * 1024).fill(32);
    async function* huge() {
      for (let i = 0; i < 101; i++) yield megabyte;
    }
    const parse = async () => {
      for await (const batch of parseTrack(huge(), { format: 'geojson' })) expect(batch).toBeUndefined();
    };
    await expect(parse()).rejects.toThrow('parseTrack: a GeoJSON file is read whole and may be at most 100 MB');
  });
});
