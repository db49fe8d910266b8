import { describe, expect, it } from 'vitest';
import { DAY_MS, dayOf } from '@/lib/core/time/days';
import { MAX_FRAMES, defaultVideoRange, frameCount, frameTimes, isVideoRange, videoFileName } from '@/lib/core/time/frames';

const T = (iso: string) => Date.parse(iso);

describe('frame times', () => {
  it('runs from 00:00Z of the first day to the last instant of the last, at a steady pace', () => {
    const times = frameTimes({ from: '2024-02-01', to: '2024-02-02' }, 2, 30);
    expect(times).toHaveLength(60);
    expect(times[0]).toBe(T('2024-02-01T00:00:00Z'));
    expect(times[59]).toBe(T('2024-02-03T00:00:00Z') - 1);
    const steps = times.slice(1).map((t, i) => t - times[i]!);
    const step = (2 * DAY_MS - 1) / 59;
    for (const s of steps) expect(Math.abs(s - step)).toBeLessThanOrEqual(1);
    expect(dayOf(times[59]!)).toBe('2024-02-02');
  });

  it('gives a one-day range its frames inside that day', () => {
    const times = frameTimes({ from: '2024-02-06', to: '2024-02-06' }, 1, 10);
    expect(times).toHaveLength(10);
    expect(new Set(times.map(dayOf))).toEqual(new Set(['2024-02-06']));
  });

  it('counts frames as seconds × fps, at least 2 and at most MAX_FRAMES', () => {
    expect(frameCount(10, 30)).toBe(300);
    expect(frameCount(0.01, 30)).toBe(2);
    expect(frameCount(1e6, 30)).toBe(MAX_FRAMES);
    expect(frameCount(0, 30)).toBe(0);
    expect(frameCount(Number.NaN, 30)).toBe(0);
    expect(frameCount(10, -1)).toBe(0);
  });

  it('gives no frames for a reversed range, a day that does not exist or no duration', () => {
    expect(frameTimes({ from: '2024-02-10', to: '2024-02-01' }, 2, 30)).toEqual([]);
    expect(frameTimes({ from: '2024-02-30', to: '2024-03-01' }, 2, 30)).toEqual([]);
    expect(frameTimes({ from: '2024-02-01', to: '2024-03-01' }, 0, 30)).toEqual([]);
  });
});

describe('the default range', () => {
  const extent = { start: T('2023-09-07T00:00:00Z'), end: T('2025-10-03T00:00:00Z') };
  it('is the brushed range when both ends are set', () => {
    expect(defaultVideoRange({ from: '2024-02-01', to: '2024-02-29' }, extent)).toEqual({ from: '2024-02-01', to: '2024-02-29' });
  });
  it('is the voyages’ extent as days otherwise, with a brushed end kept', () => {
    expect(defaultVideoRange({}, extent)).toEqual({ from: '2023-09-07', to: '2025-10-02' });
    expect(defaultVideoRange({ from: '2024-01-01' }, extent)).toEqual({ from: '2024-01-01', to: '2025-10-02' });
  });
  it('is null with nothing to go on', () => {
    expect(defaultVideoRange({}, null)).toBeNull();
  });
  it('checks a range', () => {
    expect(isVideoRange({ from: '2024-02-01', to: '2024-02-01' })).toBe(true);
    expect(isVideoRange({ from: '2024-02-02', to: '2024-02-01' })).toBe(false);
    expect(isVideoRange({ from: '2024-13-01', to: '2024-02-01' })).toBe(false);
  });
});

describe('the file name', () => {
  it('says the range', () => {
    expect(videoFileName({ from: '2024-02-01', to: '2024-02-29' })).toBe('wakeline-2024-02-01_2024-02-29.webm');
  });
});
