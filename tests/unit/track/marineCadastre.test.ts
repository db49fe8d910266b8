import { describe, expect, it } from 'vitest';
import { MARINE_CADASTRE_HEADER, marineCadastreLines, syntheticTrack, toMarineCadastreCsv } from '@/lib/core/track';
import { ports } from '../geo/_load';

const HEADER = 'MMSI,BaseDateTime,LAT,LON,SOG,COG,Heading,VesselName,IMO,CallSign,VesselType,Status,Length,Width,Draft,Cargo,TransceiverClass';

describe('marineCadastreLines', () => {
  it('writes the MarineCadastre header and one line per fix in its column order', () => {
    const lines = [
      ...marineCadastreLines([
        {
          mmsi: '445100000',
          name: 'SYNTHETIC 1',
          imo: '9123456',
          callSign: 'HMAB',
          lengthM: 120,
          widthM: 18,
          draftM: 6.5,
          points: [
            { t: Date.UTC(2024, 1, 5, 10, 0, 0), lon: 130.3, lat: 42.233333, sog: 0.1, cog: 12 },
            { t: Date.UTC(2024, 1, 5, 23, 59, 59, 999), lon: 130.512345678, lat: 42.3, sog: 11.25, cog: 359.8 },
          ],
        },
      ]),
    ];
    expect(lines).toEqual([
      HEADER,
      '445100000,2024-02-05T10:00:00,42.23333,130.30000,0.1,12.0,12,SYNTHETIC 1,IMO9123456,HMAB,70,5,120,18,6.5,,A',
      '445100000,2024-02-05T23:59:59,42.30000,130.51235,11.3,359.8,0,SYNTHETIC 1,IMO9123456,HMAB,70,0,120,18,6.5,,A',
    ]);
  });

  it('leaves unknown speed and course empty with heading 511 and quotes a name with a comma', () => {
    const [, line] = [...marineCadastreLines([{ mmsi: '273000001', name: 'SPARTA, IV "X"', points: [{ t: 0, lon: 1, lat: 2, sog: null, cog: null }] }])];
    expect(line).toBe('273000001,1970-01-01T00:00:00,2.00000,1.00000,,,511,"SPARTA, IV ""X""",,,70,0,,,,,A');
  });

  it('writes only the header for no vessels', () => {
    expect(MARINE_CADASTRE_HEADER).toBe(HEADER);
    expect([...marineCadastreLines([])]).toEqual([HEADER]);
  });
});

describe('toMarineCadastreCsv', () => {
  it('joins a synthetic track into CSV text with one row per fix and a final line break', () => {
    const vessels = syntheticTrack({ seed: 8, ports, vessels: 2, fixesPerVessel: 300 });
    const csv = toMarineCadastreCsv(vessels);
    const rows = csv.split('\n');
    expect(rows[0]).toBe(HEADER);
    expect(rows.at(-1)).toBe('');
    expect(rows.length - 2).toBe(vessels.reduce((n, v) => n + v.points.length, 0));
    expect(rows.slice(1, -1).every((r) => r.split(',').length === 17)).toBe(true);
  });
});
