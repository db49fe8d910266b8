import { describe, expect, it } from 'vitest';
import { parseTrack, TrackFormatError } from '@/lib/server/imports/formats';
import { chunked, fixes, fixture, parseAll, rejects } from './read';

describe('parseTrack csv: MarineCadastre', () => {
  it('reads fixes and reports each unusable line with its reason', async () => {
    const rows = await parseAll(fixture('marinecadastre.csv'), { format: 'csv' });
    expect(fixes(rows)).toHaveLength(3);
    expect(rejects(rows)).toEqual([
      { line: 4, error: 'LAT 95.2 out of range' },
      { line: 5, error: "BaseDateTime 'x' is not a date" },
      { line: 6, error: 'MMSI missing' },
      { line: 9, error: 'LON 181 out of range' },
      { line: 10, error: "MMSI '27331800' is not 9 digits" },
    ]);
  });

  it('reads times as UTC, SOG 102.3 and COG 360 as not available, IMO without its prefix', async () => {
    const [first, second, quoted] = fixes(await parseAll(fixture('marinecadastre.csv'), { format: 'csv', preset: 'marinecadastre' }));
    expect(first).toEqual({
      line: 2,
      identity: { mmsi: '273318000', imo: '9361201', name: 'LADY R' },
      point: { t: Date.UTC(2024, 0, 1), lat: 42.2431, lon: 130.3012, sog: 0.1, cog: null },
    });
    expect(second!.point).toMatchObject({ t: Date.UTC(2024, 0, 1, 0, 10), sog: null, cog: 45.5 });
    // Quoted cells keep their comma; IMO0000000 is MarineCadastre's "unknown", not an IMO number.
    expect(quoted).toMatchObject({ line: 8, identity: { mmsi: '273318000', name: 'LADY R, JR' } });
    expect(quoted!.identity.imo).toBeUndefined();
  });

  it('gives the same rows from 7-byte chunks as from one chunk', async () => {
    const whole = await parseAll(fixture('marinecadastre.csv'), { format: 'csv' });
    expect(await parseAll(fixture('marinecadastre.csv'), { format: 'csv' }, 7)).toEqual(whole);
    expect(await parseAll(fixture('custom.csv'), { format: 'csv', mapping: { time: 'when', lat: 'latitude', lon: 'longitude', name: 'ship', sog: 'knots' } }, 7)).toEqual(
      await parseAll(fixture('custom.csv'), { format: 'csv', mapping: { time: 'when', lat: 'latitude', lon: 'longitude', name: 'ship', sog: 'knots' } }),
    );
  });
});

describe('parseTrack csv: DMA and Global Fishing Watch', () => {
  it('reads DMA day-first times over CRLF lines and drops stations that are not ships', async () => {
    const rows = await parseAll(fixture('dma.csv'), { format: 'csv' });
    expect(fixes(rows)).toEqual([
      { line: 2, identity: { mmsi: '219000123', imo: '9123456', name: 'NORDIC STAR' }, point: { t: Date.UTC(2024, 2, 1), lat: 55.6761, lon: 12.5683, sog: 10.2, cog: 181.3 } },
      { line: 6, identity: { mmsi: '219000456' }, point: { t: Date.UTC(2024, 2, 1, 0, 3), lat: 55.71, lon: 12.61, sog: null, cog: null } },
    ]);
    expect(rejects(rows)).toEqual([
      { line: 3, error: "Type of mobile 'Base Station' is not a vessel" },
      { line: 4, error: 'Latitude 91 out of range' },
      { line: 5, error: "Timestamp '31/02/2024 00:02:00' is not a date" },
    ]);
  });

  it('gives the same rows from 7-byte chunks over CRLF line breaks', async () => {
    expect(await parseAll(fixture('dma.csv'), { format: 'csv' }, 7)).toEqual(await parseAll(fixture('dma.csv'), { format: 'csv' }));
  });

  it('reads GFW tracks with ISO, "UTC"-suffixed and epoch-millisecond times and no identity', async () => {
    const rows = await parseAll(fixture('gfw.csv'), { format: 'csv' });
    expect(fixes(rows).map((row) => [row.line, row.point.t, row.point.sog, row.identity])).toEqual([
      [2, Date.UTC(2024, 0, 1), 0.2, {}],
      [3, Date.UTC(2024, 0, 1, 1), 8.5, {}],
      [4, Date.UTC(2024, 0, 1, 2), null, {}],
    ]);
    expect(rejects(rows)).toEqual([{ line: 5, error: "Timestamp 'yesterday' is not a date" }]);
  });
});

describe('parseTrack csv: a user mapping', () => {
  const mapping = { time: 'when', lat: 'latitude', lon: 'longitude', name: 'ship', sog: 'knots' };

  it('reads semicolons, zone offsets and a quoted cell spanning two lines, counting file lines', async () => {
    const rows = await parseAll(fixture('custom.csv'), { format: 'csv', mapping });
    expect(fixes(rows).map((row) => [row.line, row.point.t, row.identity.name])).toEqual([
      [2, Date.UTC(2024, 0, 1), 'ANGARA'],
      [3, Date.UTC(2024, 0, 1, 1), 'ANGARA\n(ex-LADY R)'],
    ]);
    expect(rejects(rows)).toEqual([
      { line: 5, error: "latitude 'abc' is not a number" },
      { line: 6, error: 'ship missing' },
    ]);
  });

  it('refuses a mapping naming a column the file lacks, and a CSV no preset matches without one', async () => {
    const wrong = parseAll(fixture('custom.csv'), { format: 'csv', mapping: { ...mapping, time: 'time' } });
    await expect(wrong).rejects.toThrow(TrackFormatError);
    await expect(wrong).rejects.toThrow("parseTrack: the CSV has no column 'time' for time (check the column mapping)");
    await expect(parseAll(fixture('custom.csv'), { format: 'csv' })).rejects.toThrow(/match no preset .* give a column mapping/);
  });
});

describe('parseTrack csv: constant memory', () => {
  it('yields batches of a 200,000-row file before its input ends', async () => {
    const ROWS = 200_000;
    let produced = 0;
    let yieldedBeforeEnd = 0;
    async function* generate(): AsyncGenerator<Uint8Array> {
      const encoder = new TextEncoder();
      yield encoder.encode('MMSI,BaseDateTime,LAT,LON,SOG,COG\n');
      for (let block = 0; block < ROWS / 1000; block++) {
        let text = '';
        for (let i = 0; i < 1000; i++, produced++) {
          text += `273318000,${new Date(Date.UTC(2024, 0, 1) + produced * 1000).toISOString().slice(0, 19)},42.${produced % 1000},130.5,5.0,90.0\n`;
        }
        yield encoder.encode(text);
      }
    }
    let total = 0;
    let largestBatch = 0;
    for await (const batch of parseTrack(generate(), { format: 'csv' })) {
      if (produced < ROWS) yieldedBeforeEnd += batch.length;
      total += batch.length;
      largestBatch = Math.max(largestBatch, batch.length);
    }
    expect(total).toBe(ROWS);
    expect(yieldedBeforeEnd).toBeGreaterThan(ROWS * 0.9);
    expect(largestBatch).toBeLessThan(10_000);
  });

  it('reads a file without a final line break, and a header-only file as no rows', async () => {
    const bytes = new TextEncoder().encode('MMSI,BaseDateTime,LAT,LON\n273318000,2024-01-01T00:00:00,42,130');
    expect(fixes(await parseAll(bytes, { format: 'csv' }))).toHaveLength(1);
    expect(await parseAll(new TextEncoder().encode('MMSI,BaseDateTime,LAT,LON'), { format: 'csv' })).toEqual([]);
    await expect(parseAll(new Uint8Array(), { format: 'csv' })).rejects.toThrow('parseTrack: the CSV is empty');
  });

  it('reads chunks handed over one byte at a time with a byte-order mark and multi-byte names', async () => {
    const bytes = new TextEncoder().encode('\uFEFFMMSI,BaseDateTime,LAT,LON,VesselName\n273318000,2024-01-01T00:00:00,42,130,ЛЕДИ Р\n');
    const rows = [];
    for await (const batch of parseTrack(chunked(bytes, 1), { format: 'csv' })) rows.push(...batch);
    expect(fixes(rows)[0]!.identity).toEqual({ mmsi: '273318000', name: 'ЛЕДИ Р' });
  });
});
