'use client';
/**
 * Imported tracks and the events detected in them (issue 12): GET /api/tracks and GET /api/events.
 * The map's tracks layer reads these. Fetched once: after an import, SWR's `mutate('/api/tracks')` and
 * `mutate('/api/events')` fetch them again.
 */
import useSWR from 'swr';
import type { DetectionParams, EventDto, TrackDto, TrackEventKind } from '@/lib/core/track/types';
import type { ApiError } from './errors';
import { fetchJson } from './index';

export interface TracksAnswer {
  tracks: TrackDto[];
}

export interface EventsAnswer {
  params: DetectionParams;
  events: EventDto[];
}

/** GET /api/tracks, for one vessel or (no id) every vessel with imported positions. */
export function tracksUrl(vesselId?: string): string {
  return vesselId ? `/api/tracks?vessel=${encodeURIComponent(vesselId)}` : '/api/tracks';
}

/** GET /api/events, for one vessel or every one, of one kind or all. */
export function eventsUrl(vesselId?: string, kind?: TrackEventKind): string {
  const q = new URLSearchParams();
  if (vesselId) q.set('vessel', vesselId);
  if (kind) q.set('kind', kind);
  const search = q.toString();
  return search ? `/api/events?${search}` : '/api/events';
}

// A million fixes are tens of megabytes: fetched once, refreshed when an import says so, not on focus.
const ONCE = { revalidateOnFocus: false, revalidateIfStale: false, keepPreviousData: true } as const;

/** Imported tracks as columns (TrackDto), one per vessel. */
export function useTracks(vesselId?: string) {
  return useSWR<TracksAnswer, ApiError>(tracksUrl(vesselId), fetchJson, ONCE);
}

/** Detected port calls, gaps and possible dark port calls, with the parameters used. */
export function useTrackEvents(vesselId?: string, kind?: TrackEventKind) {
  return useSWR<EventsAnswer, ApiError>(eventsUrl(vesselId, kind), fetchJson, ONCE);
}
