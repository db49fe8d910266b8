'use client';
/**
 * Imported tracks and the events detected in them (issue 12): GET /api/tracks and GET /api/events.
 * The map's tracks layer reads these. Fetched once: after an import, the import dialog's `mutate` of every
 * /api/tracks and /api/events key fetches them again. The map's follow the dashboard's filters.
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

/** What the map's tracks follow of the dashboard's filters: a vessel, and days (YYYY-MM-DD, UTC). */
export interface TrackFilter {
  vessel?: string;
  from?: string;
  to?: string;
}

function query(path: string, params: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value) q.set(name, value);
  const search = q.toString();
  return search ? `${path}?${search}` : path;
}

/** GET /api/tracks, for one vessel or (none) every vessel with imported positions, within the days if given. */
export function tracksUrl(filter: TrackFilter = {}): string {
  return query('/api/tracks', { vessel: filter.vessel, from: filter.from, to: filter.to });
}

/** GET /api/events, for one vessel or every one, of one kind or all, overlapping the days if given. */
export function eventsUrl(filter: TrackFilter = {}, kind?: TrackEventKind): string {
  return query('/api/events', { vessel: filter.vessel, kind, from: filter.from, to: filter.to });
}

// A million fixes are tens of megabytes: fetched once, refreshed when an import says so, not on focus.
const ONCE = { revalidateOnFocus: false, revalidateIfStale: false, keepPreviousData: true } as const;

/** Imported tracks as columns (TrackDto), one per vessel. */
export function useTracks(filter?: TrackFilter) {
  return useSWR<TracksAnswer, ApiError>(tracksUrl(filter), fetchJson, ONCE);
}

/** Detected port calls, gaps and possible dark port calls, with the parameters used. */
export function useTrackEvents(filter?: TrackFilter, kind?: TrackEventKind) {
  return useSWR<EventsAnswer, ApiError>(eventsUrl(filter, kind), fetchJson, ONCE);
}
