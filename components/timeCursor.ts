'use client';
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { TimeCursor, TimeCursorStore } from '@/lib/client/time/cursor';

/** The dashboard's time cursor store (lib/client/time/cursor.ts), for whatever draws the cursor. */
export const TimeCursorContext = createContext<TimeCursorStore | null>(null);

const none = () => null;
const noop = () => () => undefined;

/** The cursor now, re-rendering the caller whenever it moves (and only the caller). */
export function useTimeCursor(): TimeCursor | null {
  const store = useContext(TimeCursorContext);
  return useSyncExternalStore(store?.subscribe ?? noop, store?.get ?? none, none);
}
