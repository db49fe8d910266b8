import { describe, expect, it } from 'vitest';
import { atRest, createTimeCursorStore, playingAt } from '@/lib/client/time/cursor';
import { dayStart } from '@/lib/core/time/days';

describe('the time cursor store', () => {
  it('starts at rest on the URL’s day, tells subscribers of each move, and not of a move to the same place', () => {
    const store = createTimeCursorStore('2024-02-06');
    expect(store.get()).toEqual({ t: dayStart('2024-02-06'), day: '2024-02-06', playing: false });
    let calls = 0;
    const stop = store.subscribe(() => (calls += 1));
    store.set(atRest('2024-02-06'));
    expect(calls).toBe(0);
    store.set(playingAt(dayStart('2024-02-06') + 30 * 3_600_000));
    expect(store.get()).toMatchObject({ day: '2024-02-07', playing: true });
    expect(calls).toBe(1);
    store.set(null);
    expect(store.get()).toBeNull();
    expect(calls).toBe(2);
    stop();
    store.set(atRest('2024-03-01'));
    expect(calls).toBe(2);
    expect(createTimeCursorStore().get()).toBeNull();
  });
});
