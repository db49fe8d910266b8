import { describe, expect, it } from 'vitest';
import { sniffTrackFile } from '@/lib/server/imports/formats';
import { fixes, fixture, parseAll, rejects } from './read';

const T0 = 1704067200_000; // 2024-01-01T00:00:00Z

describe('parseTrack nmea', () => {
  it('decodes position reports with their receiver times and names them from static data', async () => {
    const rows = await parseAll(fixture('ais.nmea'), { format: 'nmea' });
    const found = fixes(rows);
    expect(found.map((row) => [row.line, row.identity, row.point.t])).toEqual([
      [2, { mmsi: '273318000' }, T0],
      [5, { mmsi: '273318000', name: 'LADY R', imo: '9361201' }, T0 + 20 * 60_000],
      [6, { mmsi: '273318001' }, T0 + 30 * 60_000],
      [11, { mmsi: '273318000', name: 'LADY R', imo: '9361201' }, T0 + 71 * 60_000],
    ]);
    expect(found[0]!.point.lat).toBeCloseTo(42.2431, 5);
    expect(found[0]!.point.lon).toBeCloseTo(130.3012, 5);
    expect(found[0]!.point).toMatchObject({ sog: 0.3, cog: 45.5 });
    // SOG 102.3 and COG 360 are AIS for "not available".
    expect(found[1]!.point).toMatchObject({ sog: null, cog: null });
    expect(found[2]!.point).toMatchObject({ sog: 8.5, cog: 200.1 });
  });

  it('rejects untimed, unavailable, corrupt, foreign and truncated sentences with their lines', async () => {
    const rows = await parseAll(fixture('ais.nmea'), { format: 'nmea' });
    expect(rejects(rows).sort((a, b) => a.line - b.line)).toEqual([
      { line: 7, error: 'no timestamp (no tag block c: and no receiver time on the line)' },
      { line: 8, error: 'position not available (lat 91 / lon 181)' },
      { line: 10, error: 'multi-sentence message truncated: 1 of 2 sentences' },
      { line: 12, error: 'Sentence checksum is invalid' },
      { line: 13, error: 'not an AIVDM/AIVDO sentence' },
      { line: 14, error: 'sentence 2 of 2 without the sentences before it' },
    ]);
  });

  it('gives untimed sentences the base time when one is given', async () => {
    const rows = await parseAll(fixture('ais.nmea'), { format: 'nmea', baseTimeMs: T0 + 3_600_000 });
    expect(fixes(rows).find((row) => row.line === 7)?.point.t).toBe(T0 + 3_600_000);
  });

  it('gives the same rows from 7-byte chunks as from one chunk', async () => {
    expect(await parseAll(fixture('ais.nmea'), { format: 'nmea' }, 7)).toEqual(await parseAll(fixture('ais.nmea'), { format: 'nmea' }));
  });

  it("reads gpsd's sample: type 1 to 3 positions, the type 5 identity, the rest rejected by type", async () => {
    const sample = fixture('../../../data/samples/gpsd-sample.aivdm');
    expect(sniffTrackFile(sample.subarray(0, 65536), 'sample.aivdm')).toEqual({ format: 'nmea' });
    const rows = await parseAll(sample, { format: 'nmea', baseTimeMs: T0 });
    const first = fixes(rows)[0]!;
    // gpsd's own decode in the file's comments: 371798000, SOG 12.3, -123.395383333, 48.38163333333, COG 224.
    expect(first).toMatchObject({ line: 10, identity: { mmsi: '371798000' }, point: { t: T0, sog: 12.3, cog: 224 } });
    expect(first.point.lon).toBeCloseTo(-123.395383, 5);
    expect(first.point.lat).toBeCloseTo(48.381633, 5);
    expect(rejects(rows).find((row) => row.error.startsWith('AIS message type 4'))).toBeDefined();
    expect(rows.every((row) => row.line > 0)).toBe(true);
  });

  it("reads pyais's sample: tag blocks, a Gatehouse time line, and lines that are not AIS", async () => {
    const rows = await parseAll(fixture('../../../data/samples/pyais-sample.ais'), { format: 'nmea' });
    // $PGHP,1,2009,5,9,0,0,0,10 on line 21 times the sentence on line 22.
    expect(fixes(rows)).toEqual([{ line: 22, identity: { mmsi: expect.stringMatching(/^\d{9}$/) }, point: expect.objectContaining({ t: Date.UTC(2009, 4, 9, 0, 0, 0, 10) }) }]);
    expect(rejects(rows).filter((row) => row.error.startsWith('no timestamp'))).toHaveLength(9);
    expect(rejects(rows).find((row) => row.line === 10)).toEqual({ line: 10, error: 'not an AIVDM/AIVDO sentence' });
  });
});
