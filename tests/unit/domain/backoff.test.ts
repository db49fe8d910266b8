import { describe, expect, it } from 'vitest';
import { LOGIN_BACKOFF, backoffDelayMs, backoffWaitMs, retryAfterSeconds } from '@/lib/core/domain/backoff';

const { pair, address } = LOGIN_BACKOFF;

describe('the sign-in backoff schedule', () => {
  it('costs nothing for the first five failures of a pair, then 1 s, 2 s, 4 s … capped at 15 min', () => {
    expect([0, 1, 4].map((n) => backoffDelayMs(n, pair))).toEqual([0, 0, 0]);
    expect([5, 6, 7, 8].map((n) => backoffDelayMs(n, pair))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffDelayMs(14, pair)).toBe(512_000);
    expect(backoffDelayMs(15, pair)).toBe(15 * 60_000);
    expect(backoffDelayMs(10_000, pair)).toBe(15 * 60_000);
  });

  it('gives an address twenty free failures', () => {
    expect(backoffDelayMs(19, address)).toBe(0);
    expect(backoffDelayMs(20, address)).toBe(1000);
    expect(backoffDelayMs(25, address)).toBe(32_000);
  });

  it('counts the wait from the last failure, and forgets a counter a day after it', () => {
    const t = 1_000_000;
    expect(backoffWaitMs(6, t, t + 500, pair)).toBe(1500);
    expect(backoffWaitMs(6, t, t + 2000, pair)).toBe(0);
    expect(backoffWaitMs(40, t, t + 60_000, pair)).toBe(14 * 60_000);
    expect(backoffWaitMs(40, t, t + 86_400_000, pair)).toBe(0);
    expect(backoffWaitMs(0, t, t, pair)).toBe(0);
  });

  it('rounds a wait up to whole seconds, at least one', () => {
    expect([1, 999, 1000, 1001, 0].map(retryAfterSeconds)).toEqual([1, 1, 1, 2, 1]);
  });
});
