'use client';
import { type RefObject, useCallback, useEffect, useState } from 'react';
import { atRest, createTimeCursorStore } from '@/lib/client/time/cursor';
import { type ViewState, viewStateToSearch } from '@/lib/core/domain/view-state';

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
  const onCursorDay = useCallback(
    (day: string | undefined, how: 'push' | 'replace' | 'quiet') => {
      if (how !== 'quiet') return navigate((s) => ({ ...s, at: day }), how);
      // Playback: the URL follows the cursor's day without re-rendering the dashboard every day;
      // the state catches up when playback stops (with a 'replace').
      currentRef.current = { ...currentRef.current, at: day };
      window.history.replaceState(null, '', `${window.location.pathname}${viewStateToSearch(currentRef.current)}`);
    },
    [navigate, currentRef],
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
