'use client';
/**
 * The timeline's data: every voyage matching the vessel, port and confidence filters (not the
 * from/to range, which the timeline itself brushes), and the sightings and claims drawn beside them.
 *
 * The voyages are the map's own answer (GET /api/voyages/map: columnar, cached on the server with
 * an ETag), asked for without from/to. With no range set that is the very URL the map asks for, so
 * SWR makes one request for both; once a range is brushed, the map asks for the narrowed answer and
 * the timeline keeps the one it has. Every voyage's summary is in the answer's columns.
 */
import { useMemo } from 'react';
import useSWR from 'swr';
import type { VoyageSummary } from '@/lib/core/domain/dto';
import type { Claim, Observation } from '@/lib/core/domain/schemas';
import type { ViewState } from '@/lib/core/domain/view-state';
import { type ApiError, type VoyageFeatures, fetchJson, fetchVoyageMap, receivedAt, voyageMapUrl } from './index';

export interface TimelineVoyages {
  voyages: VoyageSummary[];
  /** performance.now() when the answer was decoded (the timeline measures its drawing from here). */
  receivedAt: number;
}

const quiet = { revalidateOnFocus: false, keepPreviousData: true } as const;

/** The timeline's voyages; nothing is fetched while `enabled` is false (the panel is collapsed). */
export function useTimelineVoyages(state: ViewState, enabled: boolean) {
  const url = voyageMapUrl({ vessel: state.vessel, port: state.port, confidence: state.confidence });
  const { data: features, error } = useSWR<VoyageFeatures, ApiError>(enabled ? url : null, fetchVoyageMap, quiet);
  const data = useMemo<TimelineVoyages | undefined>(
    () => features && { voyages: features.features.map((f) => f.properties), receivedAt: receivedAt(features) },
    [features],
  );
  return { data, error };
}

export function useTimelineSightings(enabled: boolean) {
  return useSWR<{ observations: Observation[] }, ApiError>(enabled ? '/api/observations' : null, fetchJson, quiet);
}

export function useTimelineClaims(enabled: boolean) {
  return useSWR<{ claims: Claim[] }, ApiError>(enabled ? '/api/claims' : null, fetchJson, quiet);
}
