import { describe, expect, it } from 'vitest';
import { DAY_MS, dayStart } from '@/lib/core/time/days';
import { possibleProgress, possibleProgressOnDay, voyageTimes } from '@/lib/core/time/possibleProgress';

const w = (earliest: string, latest = earliest) => ({ earliest, latest });
const at = (iso: string) => Date.parse(iso);

describe('voyageTimes', () => {
  it('reads windows as whole UTC days, the latest day included', () => {
    expect(voyageTimes(w('2024-03-07', '2024-03-09'), w('2024-03-08', '2024-03-12'))).toEqual({
      d1: at('2024-03-07T00:00Z'),
      d2: at('2024-03-10T00:00Z'),
      a1: at('2024-03-08T00:00Z'),
      a2: at('2024-03-13T00:00Z'),
    });
  });

  it('makes contradictory windows consistent: no departure after the latest arrival', () => {
    // Departure 1–20 Sep, arrival 5–10 Sep: it cannot have left after 10 Sep.
    const t = voyageTimes(w('2023-09-01', '2023-09-20'), w('2023-09-05', '2023-09-10'));
    expect(t.d2).toBe(at('2023-09-11T00:00Z'));
    expect(t.a2).toBe(at('2023-09-11T00:00Z'));
  });

  it('refuses a day that does not exist and an arrival wholly before the departure', () => {
    expect(() => voyageTimes(w('2024-02-30'), w('2024-03-01'))).toThrow(RangeError);
    expect(() => voyageTimes(w('2024-03-05'), w('2024-03-01'))).toThrow(/arrival window ends before/);
  });
});

describe('possibleProgress at an instant', () => {
  // Left 1–2 Mar (d1 = 1 Mar 00:00, d2 = 3 Mar 00:00), arrived 11–12 Mar (a1 = 11 Mar, a2 = 13 Mar).
  const v = voyageTimes(w('2024-03-01', '2024-03-02'), w('2024-03-11', '2024-03-12'));

  it('is before departure until the earliest departure, and arrived from the latest arrival on', () => {
    expect(possibleProgress(v, at('2024-02-29T23:59Z'))).toEqual({ state: 'before', from: 0, to: 0 });
    expect(possibleProgress(v, at('2024-03-13T00:00Z'))).toEqual({ state: 'after', from: 1, to: 1 });
  });

  it('is possibly under way inside the departure window, with the formula’s bounds', () => {
    const p = possibleProgress(v, at('2024-03-02T00:00Z'));
    expect(p.state).toBe('possible');
    expect(p.from).toBe(0); // may not have left yet (d2 is later)
    expect(p.to).toBeCloseTo(1 / 10, 10); // (t − d1)/(a1 − d1) = 1 day / 10 days
  });

  it('is certainly under way between the latest departure and the earliest arrival', () => {
    const t = at('2024-03-06T00:00Z');
    const p = possibleProgress(v, t);
    expect(p.state).toBe('certain');
    expect(p.from).toBeCloseTo((t - v.d2) / (v.a2 - v.d2), 12); // 3 days / 10 days
    expect(p.from).toBeCloseTo(0.3, 12);
    expect(p.to).toBeCloseTo(0.5, 12); // 5 days / 10 days
  });

  it('is possibly under way inside the arrival window, the highest bound clipped at the destination', () => {
    const p = possibleProgress(v, at('2024-03-12T00:00Z'));
    expect(p).toEqual({ state: 'possible', from: 0.9, to: 1 });
  });

  it('keeps from ≤ to at every hour of the voyage', () => {
    for (let t = v.d1; t < v.a2; t += 3_600_000) {
      const p = possibleProgress(v, t);
      expect(p.from).toBeLessThanOrEqual(p.to);
      expect(p.from).toBeGreaterThanOrEqual(0);
      expect(p.to).toBeLessThanOrEqual(1);
    }
  });
});

describe('windows that overlap, and zero-length spans', () => {
  it('overlapping windows: never certainly under way, and anywhere on the route mid-window', () => {
    // Lady R, Rajin → Vostochny, Feb 2024: departure and arrival both 4–8 Feb.
    const v = voyageTimes(w('2024-02-04', '2024-02-08'), w('2024-02-04', '2024-02-08'));
    for (let t = v.d1; t < v.a2; t += 6 * 3_600_000) expect(possibleProgress(v, t).state).toBe('possible');
    // Both windows end on 8 Feb (a2 − d2 = 0) and start on 4 Feb (a1 − d1 = 0): both bounds are steps.
    expect(possibleProgress(v, at('2024-02-06T12:00Z'))).toEqual({ state: 'possible', from: 0, to: 1 });
    expect(possibleProgressOnDay(v, '2024-02-06')).toEqual({ state: 'possible', from: 0, to: 1 });
  });

  it('a zero-length span at the start: the highest bound steps to 1 the moment the ship may leave', () => {
    const v = voyageTimes(w('2024-05-01', '2024-05-03'), w('2024-05-01', '2024-05-09'));
    expect(v.a1).toBe(v.d1);
    expect(possibleProgress(v, v.d1).to).toBe(1);
    expect(possibleProgress(v, v.d1).from).toBe(0);
  });

  it('a zero-length span at the end: the lowest bound is 0 until the last instant, then it has arrived', () => {
    const v = voyageTimes(w('2024-05-01', '2024-05-09'), w('2024-05-03', '2024-05-09'));
    expect(v.a2).toBe(v.d2);
    expect(possibleProgress(v, v.a2 - 1).from).toBe(0);
    expect(possibleProgress(v, v.a2).state).toBe('after');
  });

  it('a same-day voyage: possibly under way that day only', () => {
    const v = voyageTimes(w('2024-06-01'), w('2024-06-01'));
    expect(possibleProgressOnDay(v, '2024-05-31').state).toBe('before');
    expect(possibleProgressOnDay(v, '2024-06-01')).toEqual({ state: 'possible', from: 0, to: 1 });
    expect(possibleProgressOnDay(v, '2024-06-02').state).toBe('after');
  });
});

describe('possibleProgressOnDay: the union over the day', () => {
  const v = voyageTimes(w('2024-03-01', '2024-03-02'), w('2024-03-11', '2024-03-12'));

  it('spans from the lowest bound at midnight to the highest bound at the end of the day', () => {
    const p = possibleProgressOnDay(v, '2024-03-06');
    expect(p.state).toBe('certain');
    expect(p.from).toBeCloseTo(possibleProgress(v, dayStart('2024-03-06')).from, 12);
    expect(p.to).toBeCloseTo(possibleProgress(v, dayStart('2024-03-07') - 1).to, 12);
    expect(p.to - p.from).toBeCloseTo(0.2 + 0.1, 6); // two days' spread plus one day's travel at the fastest
  });

  it('says certain only for a day wholly between the latest departure and the earliest arrival', () => {
    expect(possibleProgressOnDay(v, '2024-03-02').state).toBe('possible');
    expect(possibleProgressOnDay(v, '2024-03-03').state).toBe('certain');
    expect(possibleProgressOnDay(v, '2024-03-10').state).toBe('certain');
    expect(possibleProgressOnDay(v, '2024-03-11').state).toBe('possible');
    expect(possibleProgressOnDay(v, '2024-02-29').state).toBe('before');
    expect(possibleProgressOnDay(v, '2024-03-13').state).toBe('after');
  });

  it('refuses a day that is not a calendar day', () => {
    expect(() => possibleProgressOnDay(v, '2024-13-01')).toThrow(RangeError);
    expect(DAY_MS).toBe(86_400_000);
  });
});
