import { describe, expect, it } from 'vitest';
import { parseAnyTime, parseDayFirstTime, parseIsoTime } from '@/lib/server/imports/formats/time';

describe('track file times', () => {
  it('reads ISO 8601 without a zone as UTC, and honours a zone when given', () => {
    expect(parseIsoTime('2024-01-01T00:00:30')).toBe(Date.UTC(2024, 0, 1, 0, 0, 30));
    expect(parseIsoTime('2024-01-01 00:00:30')).toBe(Date.UTC(2024, 0, 1, 0, 0, 30));
    expect(parseIsoTime('2024-01-01T09:00:00+09:00')).toBe(Date.UTC(2024, 0, 1));
    expect(parseIsoTime('2024-01-01T00:00:00.25Z')).toBe(Date.UTC(2024, 0, 1, 0, 0, 0, 250));
    expect(parseIsoTime('2024-01-01 00:00:00 UTC')).toBe(Date.UTC(2024, 0, 1));
  });

  it('refuses dates that do not exist, also after a valid day was cached', () => {
    expect(parseIsoTime('2024-02-29T12:00:00')).toBe(Date.UTC(2024, 1, 29, 12));
    expect(parseIsoTime('2023-02-29T12:00:00')).toBeNaN();
    expect(parseIsoTime('2024-04-31T00:00:00')).toBeNaN();
    expect(parseIsoTime('2024-01-01T25:00:00')).toBeNaN();
    expect(parseIsoTime('2024-01-01T00:61:00')).toBeNaN();
    expect(parseIsoTime('2024-01-0xT00:00:00')).toBeNaN();
  });

  it('reads day-first times and epoch seconds or milliseconds', () => {
    expect(parseDayFirstTime('31/01/2024 06:00:00')).toBe(Date.UTC(2024, 0, 31, 6));
    expect(parseDayFirstTime('01/31/2024 06:00:00')).toBeNaN();
    expect(parseAnyTime('1704067200')).toBe(Date.UTC(2024, 0, 1));
    expect(parseAnyTime('1704067200123')).toBe(Date.UTC(2024, 0, 1) + 123);
    expect(parseAnyTime('tomorrow')).toBeNaN();
  });
});
