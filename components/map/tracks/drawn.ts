'use client';
import { useSyncExternalStore } from 'react';
import type { TrackSummary } from '@/lib/core/domain/legend';

/**
 * What the tracks layer draws now, for the legend (which lives outside the map): the layer
 * publishes, the Legend subscribes, so the legend explains exactly the track symbols on the map
 * (none while the layer is toggled off) without the dashboard passing anything.
 */
const NONE: TrackSummary = { fixes: 0, gaps: 0, darkPortCalls: 0 };
let current = NONE;
const listeners = new Set<() => void>();

/** Updates what the layer draws (the fields given), telling the legend when anything changed. */
export function publishTracksDrawn(change: Partial<TrackSummary>): void {
  const next = { ...current, ...change };
  if (next.fixes === current.fixes && next.gaps === current.gaps && next.darkPortCalls === current.darkPortCalls) return;
  current = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const get = () => current;
const none = () => NONE;

/** The track symbols drawn now; re-renders the caller when they change. */
export function useTracksDrawn(): TrackSummary {
  return useSyncExternalStore(subscribe, get, none);
}
