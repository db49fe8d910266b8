'use client';
import { type RefObject, useCallback, useEffect, useState } from 'react';
import { atRest, createTimeCursorStore } from '@/lib/client/time/cursor';
import { type ViewState, viewStateToSearch } from '@/lib/core/domain/view-state';

/** During playback, the URL follows the cursor's day at most this often. */
const QUIET_URL_MS = 1000;

type Navigate = (update: (current: ViewState) => ViewState, mode: 'push' | 'replace') => void;

/**
 * The dashboard's time: the cursor store (at rest it follows `at` in the URL; while playing the
 * timeline moves it), and the timeline's handlers for the cursor's day, the brushed range and
 * the panel's collapse.
 */
export function useTimeState(navigate: Navigate, currentRef: RefObject<ViewState>, at: string | undefined) {
  const [cursor] = useState(() => createTimeCursorStore(at));
  useEffect(() => {
    if (cursor.get()?.playing) return;
    cursor.set(at ? atRest(at) : null);
  }, [cursor, at]);
  // Playback writes the URL at most once a QUIET_URL_MS (browsers limit History API calls), and
  // past Next.js's router (see throttledUrlWriter).
  const [urlWriter] = useState(() => throttledUrlWriter(QUIET_URL_MS));
  useEffect(() => () => urlWriter.cancel(), [urlWriter]);
  const onCursorDay = useCallback(
    (day: string | undefined, how: 'push' | 'replace' | 'quiet') => {
      urlWriter.cancel();
      if (how !== 'quiet') return navigate((s) => ({ ...s, at: day }), how);
      // Playback: the URL follows the cursor's day without re-rendering the dashboard every day;
      // the state catches up when playback stops (with a 'replace').
      currentRef.current = { ...currentRef.current, at: day };
      urlWriter.write(() => `${window.location.pathname}${viewStateToSearch(currentRef.current)}`);
    },
    [navigate, currentRef, urlWriter],
  );
  const onRange = useCallback(
    (range: { from: string; to: string } | undefined) => navigate((s) => ({ ...s, from: range?.from, to: range?.to }), 'replace'),
    [navigate],
  );
  const onClosedChange = useCallback(
    (closed: boolean) => navigate((s) => ({ ...s, timelineClosed: closed ? true : undefined }), 'replace'),
    [navigate],
  );
  return { cursor, onCursorDay, onRange, onClosedChange };
}

/**
 * Writes the URL (History API, replace) at most once every `ms`, the last one asked for last.
 * Through History.prototype, not window.history.replaceState: Next.js wraps that one to update its
 * router, whose context change walks the whole page (about 150 ms with 5,000 voyages listed) at
 * every write. The entry keeps its state (Next.js's own), and the router catches up when playback
 * stops and the dashboard navigates as usual.
 */
function throttledUrlWriter(ms: number) {
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    write(url: () => string) {
      clearTimeout(timer);
      const now = () => {
        last = performance.now();
        timer = undefined;
        History.prototype.replaceState.call(window.history, window.history.state, '', url());
      };
      const wait = last + ms - performance.now();
      if (wait <= 0) now();
      else timer = setTimeout(now, wait);
    },
    cancel() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
