import { describe, expect, it } from 'vitest';
import { parseCoordinate, parsePosition } from '@/lib/core/domain/coordinates';

const value = (text: string, axis: 'lat' | 'lon') => {
  const r = parseCoordinate(text, axis);
  if (!r.ok) throw new Error(`expected ${text} to parse: ${r.error}`);
  return r.value;
};
const error = (text: string, axis: 'lat' | 'lon') => {
  const r = parseCoordinate(text, axis);
  if (r.ok) throw new Error(`expected ${text} to be refused, got ${r.value}`);
  return r.error;
};

describe('parseCoordinate', () => {
  it('reads decimal degrees, signed or with a hemisphere letter at either end', () => {
    expect(value('42.8667', 'lat')).toBe(42.8667);
    expect(value('-42.8667', 'lat')).toBe(-42.8667);
    expect(value('+130.5', 'lon')).toBe(130.5);
    expect(value('\u2212130.5', 'lon')).toBe(-130.5);
    expect(value('42.8667 N', 'lat')).toBe(42.8667);
    expect(value('42.8667s', 'lat')).toBe(-42.8667);
    expect(value('W 70.25', 'lon')).toBe(-70.25);
    expect(value('130.4°E', 'lon')).toBe(130.4);
    expect(value('  0  ', 'lon')).toBe(0);
  });

  it('reads degrees and minutes, and degrees, minutes and seconds, with any common marks', () => {
    expect(value("42°52'N", 'lat')).toBeCloseTo(42 + 52 / 60, 6);
    expect(value('42°52′N', 'lat')).toBeCloseTo(42 + 52 / 60, 6);
    expect(value('42 52 N', 'lat')).toBeCloseTo(42 + 52 / 60, 6);
    expect(value("42°52.5'S", 'lat')).toBeCloseTo(-(42 + 52.5 / 60), 6);
    expect(value('130°23\'30"E', 'lon')).toBeCloseTo(130 + 23 / 60 + 30 / 3600, 6);
    expect(value("130° 23' 30'' E", 'lon')).toBeCloseTo(130 + 23 / 60 + 30 / 3600, 6);
    expect(value('-130 23 30', 'lon')).toBeCloseTo(-(130 + 23 / 60 + 30 / 3600), 6);
  });

  it('rounds to a millionth of a degree', () => {
    expect(value("42°52'N", 'lat')).toBe(42.866667);
  });

  it('keeps to the range of each axis', () => {
    expect(value('90 S', 'lat')).toBe(-90);
    expect(value('180 E', 'lon')).toBe(180);
    expect(error('90.5', 'lat')).toBe('A latitude is between 90°S and 90°N.');
    expect(error("180°1'W", 'lon')).toBe('A longitude is between 180°W and 180°E.');
  });

  it('refuses a hemisphere letter of the other axis, naming it', () => {
    expect(error('130.5 E', 'lat')).toBe('E marks a longitude; a latitude takes N or S.');
    expect(error('42 N', 'lon')).toBe('N marks a latitude; a longitude takes E or W.');
  });

  it('says what is wrong with malformed input', () => {
    expect(error('', 'lat')).toBe('Enter a latitude.');
    expect(error('42,87', 'lat')).toMatch(/decimal point, not a comma/);
    expect(error('north', 'lat')).toMatch(/Could not read "north" as a latitude/);
    expect(error('42 61 N', 'lat')).toBe('Minutes must be less than 60.');
    expect(error('42 52 60 N', 'lat')).toBe('Seconds must be less than 60.');
    expect(error('42.5 30', 'lat')).toMatch(/degrees must be a whole number/);
    expect(error('-42 S', 'lat')).toMatch(/either a minus sign or N\/S/);
    expect(error('42 -30', 'lat')).toMatch(/Only the degrees/);
    expect(error('1 2 3 4', 'lon')).toMatch(/Could not read/);
  });
});

describe('parsePosition', () => {
  it('gives [lon, lat]', () => {
    expect(parsePosition("42°52'N", '130.4 E')).toEqual({ ok: true, position: [130.4, 42.866667] });
  });
  it('gives the error of each wrong field', () => {
    expect(parsePosition('', '200')).toEqual({ ok: false, errors: { lat: 'Enter a latitude.', lon: 'A longitude is between 180°W and 180°E.' } });
    expect(parsePosition('42', 'x')).toEqual({ ok: false, errors: { lon: expect.stringMatching(/Could not read "x"/) } });
  });
});
