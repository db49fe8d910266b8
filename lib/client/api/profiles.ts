'use client';
/**
 * Data for the search box and the vessel, port and source profiles: the search answer, and a
 * record's voyages and sightings through the list endpoints' own filters.
 */
import useSWR from 'swr';
import type { VoyageList } from '@/lib/core/domain/dto';
import type { Observation } from '@/lib/core/domain/schemas';
import type { SearchAnswer } from '@/lib/core/domain/search';
import { type ApiError, fetchJson } from './index';

/** Voyages a profile lists at most (one page of the JSON list). */
const PROFILE_VOYAGE_LIMIT = 500;

export function useSearch(q: string) {
  const query = q.trim();
  return useSWR<SearchAnswer, ApiError>(query ? `/api/search?q=${encodeURIComponent(query)}` : null, fetchJson, {
    keepPreviousData: true,
    revalidateOnFocus: false,
  });
}

/** The voyages of a vessel, or from and to a port, earliest departure first. */
export function useRecordVoyages(filter: { vessel: string } | { port: string } | null) {
  const key = filter && new URLSearchParams({ ...filter, limit: String(PROFILE_VOYAGE_LIMIT) }).toString();
  return useSWR<VoyageList, ApiError>(key && `/api/voyages?${key}`, fetchJson);
}

/** Every voyage (for a source's profile: the legs that cite it). */
export function useAllVoyages(enabled: boolean) {
  return useSWR<VoyageList, ApiError>(enabled ? `/api/voyages?limit=${PROFILE_VOYAGE_LIMIT * 10}` : null, fetchJson);
}

/** Dated sightings of a vessel, or at a port. */
export function useRecordSightings(filter: { vessel: string } | { port: string } | null) {
  const key = filter && new URLSearchParams(filter).toString();
  return useSWR<{ observations: Observation[] }, ApiError>(key && `/api/observations?${key}`, fetchJson);
}
