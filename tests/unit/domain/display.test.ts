import { describe, expect, it } from 'vitest';
import { formatDurationRange, formatNm, formatSpeedRange, formatWindow } from '@/lib/core/domain/display';

describe('formatWindow', () => {
  it('writes a single day as that day', () => {
    expect(formatWindow({ earliest: '2024-02-08', latest: '2024-02-08', precision: 'day' })).toBe('8 Feb 2024');
  });
  it('writes a span within a month, across months and across years', () => {
    expect(formatWindow({ earliest: '2024-04-02', latest: '2024-04-14', precision: 'day' })).toBe('2–14 Apr 2024');
    expect(formatWindow({ earliest: '2023-09-07', latest: '2023-10-01', precision: 'day' })).toBe('7 Sep – 1 Oct 2023');
    expect(formatWindow({ earliest: '2023-12-30', latest: '2024-01-02', precision: 'day' })).toBe('30 Dec 2023 – 2 Jan 2024');
  });
  it('writes whole months at month precision in months', () => {
    expect(formatWindow({ earliest: '2024-02-01', latest: '2024-02-29', precision: 'month' })).toBe('Feb 2024');
    expect(formatWindow({ earliest: '2023-08-01', latest: '2023-10-31', precision: 'month' })).toBe('Aug – Oct 2023');
  });
  it('keeps days when a month-precision window does not cover whole months', () => {
    expect(formatWindow({ earliest: '2023-08-20', latest: '2023-10-19', precision: 'month' })).toBe('20 Aug – 19 Oct 2023');
  });
});

describe('formatting metrics', () => {
  it('rounds nautical miles sensibly', () => {
    expect(formatNm(5.04)).toBe('5.0 nm');
    expect(formatNm(1234.4)).toBe('1,234 nm');
  });
  it('says "up to" when the windows allow a passage of no time', () => {
    expect(formatDurationRange(0, 600)).toBe('up to 25 days');
    expect(formatDurationRange(24, 72)).toBe('between 24 h and 3.0 days');
  });
  it('says the speed has no upper bound when the maximum is null', () => {
    expect(formatSpeedRange(0.4, null)).toMatch(/^at least 0\.4 kn/);
    expect(formatSpeedRange(0.4, 6.12)).toBe('0.4 – 6.1 kn');
  });
});
