import { describe, expect, it } from 'vitest';
import { sniffTrackFile, TrackFormatError, type TrackSniff } from '@/lib/server/imports/formats';
import { fixture } from './read';

const text = (s: string) => new TextEncoder().encode(s);
const EXPECTED = 'expected CSV, NMEA 0183 AIVDM, GPX, KML/KMZ or GeoJSON';

describe('sniffTrackFile', () => {
  it('recognises the CSV presets from their headers', () => {
    expect(sniffTrackFile(fixture('marinecadastre.csv'))).toMatchObject({ format: 'csv', preset: 'marinecadastre' });
    expect(sniffTrackFile(fixture('dma.csv'))).toMatchObject({ format: 'csv', preset: 'dma', delimiter: ',', newline: '\r\n' });
    expect(sniffTrackFile(fixture('gfw.csv'))).toEqual({
      format: 'csv',
      preset: 'gfw',
      headers: ['Lon', 'Lat', 'Timestamp', 'Speed', 'Course', 'Seg_id'],
      delimiter: ',',
      newline: '\n',
    });
  });

  it('gives the headers and no preset for a CSV the user must map', () => {
    const expected: TrackSniff = { format: 'csv', preset: null, headers: ['when', 'latitude', 'longitude', 'ship', 'knots'], delimiter: ';', newline: '\n' };
    expect(sniffTrackFile(fixture('custom.csv'), 'custom.csv')).toEqual(expected);
  });

  it('recognises NMEA, GPX, KML and GeoJSON by content', () => {
    expect(sniffTrackFile(text('\\s:rORBCOMM,c:1704067200*5C\\!AIVDM,1,1,,A,15M67FC000G?ufbE`FepT@3n00Sa,0*5C\n'))).toEqual({ format: 'nmea' });
    expect(sniffTrackFile(text('!AIVDM,1,1,,B,15M67FC000G?ufbE`FepT@3n00Sa,0*5F\n'))).toEqual({ format: 'nmea' });
    expect(sniffTrackFile(text('<?xml version="1.0"?>\n<gpx version="1.1" creator="x">'))).toEqual({ format: 'gpx' });
    expect(sniffTrackFile(text('\uFEFF<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2">'))).toEqual({ format: 'kml' });
    expect(sniffTrackFile(text(' {"type":"FeatureCollection","features":[]}'), 'track.json')).toEqual({ format: 'geojson' });
  });

  it('refuses a 0-byte file, naming what was expected', () => {
    expect(() => sniffTrackFile(fixture('empty.csv'), 'empty.csv')).toThrow(TrackFormatError);
    expect(() => sniffTrackFile(fixture('empty.csv'))).toThrow(`sniffTrackFile: the file is empty (0 bytes); ${EXPECTED}`);
  });

  it('refuses files in formats it does not read, naming what they look like', () => {
    expect(() => sniffTrackFile(fixture('not-a-track.png'), 'track.csv')).toThrow(`sniffTrackFile: the file is a PNG image; ${EXPECTED}`);
    expect(() => sniffTrackFile(text('%PDF-1.7\n'))).toThrow('a PDF document');
    const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array(22).fill(0), 19, 0, 0, 0, ...text('[Content_Types].xml')]);
    expect(() => sniffTrackFile(xlsx, 'ships.xlsx')).toThrow('an Excel workbook (xlsx: save the sheet as CSV)');
    expect(() => sniffTrackFile(fixture('notes.txt'))).toThrow('text without a delimiter');
    expect(() => sniffTrackFile(text('<html><body>'))).toThrow('an HTML page');
  });
});
