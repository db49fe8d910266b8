import { describe, expect, it } from 'vitest';
import { impliedSpeedKnots, windowDuration } from '@/lib/core/geo';

describe('windowDuration', () => {
  it('spans 00:00Z of earliest to 24:00Z of latest', () => {
    expect(windowDuration({ earliest: '2023-09-01', latest: '2023-09-02' }, { earliest: '2023-09-05', latest: '2023-09-06' })).toEqual({
      minHours: 48,
      maxHours: 144,
    });
  });

  it('gives minHours 0 when the windows touch or overlap', () => {
    expect(windowDuration({ earliest: '2023-09-01', latest: '2023-09-03' }, { earliest: '2023-09-02', latest: '2023-09-04' })).toEqual({
      minHours: 0,
      maxHours: 96,
    });
  });

  it('throws when the arrival window ends before the departure window begins', () => {
    expect(() => windowDuration({ earliest: '2023-09-05', latest: '2023-09-06' }, { earliest: '2023-09-01', latest: '2023-09-04' })).toThrow(
      /arrival window .* ends before the departure window/,
    );
  });

  it('throws on a malformed day', () => {
    expect(() => windowDuration({ earliest: '2023-02-30', latest: '2023-03-01' }, { earliest: '2023-03-02', latest: '2023-03-02' })).toThrow(
      /calendar day/,
    );
  });
});

describe('impliedSpeedKnots', () => {
  it('divides the distance by the longest and shortest durations', () => {
    expect(impliedSpeedKnots(120, { minHours: 24, maxHours: 72 })).toEqual({ minKnots: 120 / 72, maxKnots: 5 });
  });

  it('gives maxKnots null when minHours is 0', () => {
    expect(impliedSpeedKnots(97, { minHours: 0, maxHours: 48 })).toEqual({ minKnots: 97 / 48, maxKnots: null });
  });

  it('rejects a negative distance', () => {
    expect(() => impliedSpeedKnots(-1, { minHours: 0, maxHours: 48 })).toThrow(RangeError);
  });
});
