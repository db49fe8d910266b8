/**
 * The upload dialog's pure parts: the first guess at a CSV's columns, the mapping it sends (or what
 * is missing), the upload's query string, and the processing fraction behind the progress bar.
 */
import { describe, expect, it } from 'vitest';
import { importQuery, processedFraction } from '@/lib/client/api/imports';
import { completeMapping, guessMapping } from '@/components/imports/mapping';

describe('guessMapping', () => {
  it('finds the usual names whatever their case, spaces and underscores', () => {
    expect(guessMapping(['# Timestamp', 'MMSI', 'Latitude', 'Longitude', 'SOG', 'COG', 'Ship name', 'IMO'])).toEqual({
      time: '# Timestamp',
      lat: 'Latitude',
      lon: 'Longitude',
      mmsi: 'MMSI',
      imo: 'IMO',
      name: 'Ship name',
      sog: 'SOG',
      cog: 'COG',
    });
  });

  it('leaves a field unset when no header is one of its names', () => {
    expect(guessMapping(['Zeit', 'Breite', 'lat', 'lon'])).toEqual({ lat: 'lat', lon: 'lon' });
  });

  it('uses a header for one field only', () => {
    const guess = guessMapping(['time', 'lat', 'lon', 'vessel', 'name']);
    expect(guess.name).toBe('vessel');
    expect(Object.values(guess).filter((h) => h === 'vessel')).toHaveLength(1);
  });

  it('does not throw on no headers', () => {
    expect(guessMapping([])).toEqual({});
  });
});

describe('completeMapping', () => {
  it('names the required fields still missing', () => {
    expect(completeMapping({ time: 't', lat: 'y' })).toEqual({ missing: ['Longitude'] });
  });

  it('refuses a column chosen for two fields', () => {
    expect(completeMapping({ time: 't', lat: 'y', lon: 'y' })).toEqual({ repeated: ['y'] });
  });

  it('gives the mapping with only the fields chosen', () => {
    expect(completeMapping({ time: 't', lat: 'y', lon: 'x', sog: 'kn', cog: undefined })).toEqual({
      mapping: { time: 't', lat: 'y', lon: 'x', sog: 'kn' },
    });
  });
});

describe('importQuery', () => {
  it('sends the name and only the choices made', () => {
    expect(importQuery({ name: 'a b.csv', preset: 'marinecadastre' })).toBe('?name=a+b.csv&preset=marinecadastre');
  });

  it('sends a mapping as JSON and the vessel', () => {
    const q = new URLSearchParams(importQuery({ name: 'x.csv', format: 'csv', mapping: { time: 't', lat: 'y', lon: 'x' }, vessel: 'lady-r' }));
    expect(q.get('format')).toBe('csv');
    expect(JSON.parse(q.get('mapping')!)).toEqual({ time: 't', lat: 'y', lon: 'x' });
    expect(q.get('vessel')).toBe('lady-r');
  });
});

describe('processedFraction', () => {
  it('is the bytes read out of the size while running', () => {
    expect(processedFraction({ status: 'running', bytes: 200, bytesRead: 50 })).toBe(0.25);
  });

  it('is 1 once finished, whatever was read', () => {
    expect(processedFraction({ status: 'cancelled', bytes: 200, bytesRead: 10 })).toBe(1);
  });

  it('is 0 for an empty file still running, never NaN', () => {
    expect(processedFraction({ status: 'running', bytes: 0, bytesRead: 0 })).toBe(0);
  });
});
