import { describe, expect, it } from 'vitest';
import { parseDayInput, rangeProblem } from '@/lib/core/domain/date-input';

const typing = (t: string) => parseDayInput(t, { final: false });
const done = (t: string) => parseDayInput(t, { final: true });

describe('parseDayInput', () => {
  it('applies nothing while a day is typed digit by digit, then the whole day', () => {
    const text = '2024-03-15';
    const kinds = [...text].map((_, i) => typing(text.slice(0, i + 1)).kind);
    expect(kinds.slice(0, -1).every((k) => k === 'incomplete')).toBe(true);
    expect(typing(text)).toEqual({ kind: 'day', day: '2024-03-15' });
  });

  it('never takes a half-typed year for year 2 or 20', () => {
    for (const t of ['2', '20', '202', '0002-03-15']) expect(typing(t).kind).not.toBe('day');
    expect(typing('0002-03-15')).toEqual({ kind: 'invalid', message: 'The year 0002 is outside 1900–2099.' });
  });

  it('takes short forms only once the reader is done', () => {
    expect(typing('2024-3-5').kind).toBe('incomplete');
    expect(done('2024-3-5')).toEqual({ kind: 'day', day: '2024-03-05' });
    expect(done('2024/03/05')).toEqual({ kind: 'day', day: '2024-03-05' });
    expect(done('20240305')).toEqual({ kind: 'day', day: '2024-03-05' });
    expect(done(' 2024.3.5 ')).toEqual({ kind: 'day', day: '2024-03-05' });
  });

  it('says why a finished text is not a day', () => {
    expect(typing('2023-02-29')).toEqual({ kind: 'invalid', message: 'February 2023 has days 1 to 28, not 29.' });
    expect(typing('2024-02-29')).toEqual({ kind: 'day', day: '2024-02-29' });
    expect(typing('2024-13-01')).toEqual({ kind: 'invalid', message: 'There is no month 13: use 01 to 12.' });
    expect(done('2024-03')).toMatchObject({ kind: 'invalid', message: expect.stringContaining('YYYY-MM-DD') });
    expect(typing('March')).toMatchObject({ kind: 'invalid' });
    expect(done('')).toEqual({ kind: 'empty' });
  });
});

describe('rangeProblem', () => {
  it('refuses an end before the start, naming both', () => {
    expect(rangeProblem('2024-03-01', '2024-02-01')).toBe('The end date (2024-02-01) is before the start date (2024-03-01).');
    expect(rangeProblem('2024-03-01', '2024-03-01')).toBeNull();
    expect(rangeProblem(undefined, '2024-03-01')).toBeNull();
    expect(rangeProblem('2024-03-01', undefined)).toBeNull();
  });
});
