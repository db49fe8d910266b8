/**
 * The time cursor as it moves: a small store outside React, so that playback can move it up to
 * 60 times a second and only what draws it (the timeline's cursor, the map's possible stretches)
 * re-renders, not the whole dashboard. The URL's `at=` holds the cursor's day; the store adds the
 * instant within the day while playing.
 */
import { dayOf, dayStart } from '@/lib/core/time/days';

export interface TimeCursor {
  /** The instant (ms since the epoch, UTC). */
  t: number;
  /** The UTC day of `t`, as written to the URL. */
  day: string;
  /**
   * True while playback moves the cursor: the map then shows where a ship could have been at the
   * instant `t`; at rest, over the whole `day`.
   */
  playing: boolean;
}

export interface TimeCursorStore {
  get(): TimeCursor | null;
  /** Sets the cursor (null: none) and tells every subscriber. */
  set(cursor: TimeCursor | null): void;
  subscribe(listener: () => void): () => void;
}

export function createTimeCursorStore(initialDay?: string): TimeCursorStore {
  let current: TimeCursor | null = initialDay ? atRest(initialDay) : null;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    set(cursor) {
      if (cursor === current || (cursor && current && cursor.t === current.t && cursor.playing === current.playing)) return;
      current = cursor;
      for (const l of listeners) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The cursor at rest on a day (00:00Z of it). */
export function atRest(day: string): TimeCursor {
  return { t: dayStart(day), day, playing: false };
}

/** The cursor at an instant, while playing. */
export function playingAt(t: number): TimeCursor {
  return { t, day: dayOf(t), playing: true };
}
