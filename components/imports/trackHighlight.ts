'use client';
import { createContext, useContext } from 'react';

/**
 * The map's highlighted ports, set from a panel (a possible dark port call under the pointer or
 * the keyboard's focus). Provided by the dashboard; absent elsewhere, where hovering does nothing.
 */
export const TrackHighlightContext = createContext<((portIds: readonly string[]) => void) | null>(null);

export function useTrackHighlight(): (portIds: readonly string[]) => void {
  return useContext(TrackHighlightContext) ?? noop;
}

function noop() {}
