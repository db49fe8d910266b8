'use client';
/**
 * The timeline's data: every voyage matching the vessel, port and confidence filters (not the
 * from/to range, which the timeline itself brushes), paged through in full, and the sightings and
 * claims drawn beside them.
 */
import useSWR from 'swr';
import type { VoyageList, VoyageSummary } from '@/lib/core/domain/dto';
import type { Claim, Observation } from '@/lib/core/domain/schemas';
import { type ViewState, viewStateToSearch } from '@/lib/core/domain/view-state';
import { type ApiError, fetchJson } from './index';

const PAGE = 5000;

export interface TimelineVoyages {
  voyages: VoyageSummary[];
  /** performance.now() when the last page arrived (the timeline measures its drawing from here). */
  receivedAt: number;
}

/** The voyages URL without a page: the view's vessel, port and confidence only. */
function timelineVoyagesUrl(state: ViewState): string {
  const search = viewStateToSearch({ vessel: state.vessel, port: state.port, confidence: state.confidence });
  return `/api/voyages${search}${search ? '&' : '?'}format=json&limit=${PAGE}`;
}

async function allVoyages(url: string): Promise<TimelineVoyages> {
  const first = await fetchJson<VoyageList>(`${url}&offset=0`);
  const offsets: number[] = [];
  for (let o = first.voyages.length; o < first.total && first.voyages.length > 0; o += PAGE) offsets.push(o);
  const rest = await Promise.all(offsets.map((o) => fetchJson<VoyageList>(`${url}&offset=${o}`)));
  return { voyages: [first, ...rest].flatMap((p) => p.voyages), receivedAt: performance.now() };
}

const quiet = { revalidateOnFocus: false, keepPreviousData: true } as const;

/** The timeline's voyages; nothing is fetched while `enabled` is false (the panel is collapsed). */
export function useTimelineVoyages(state: ViewState, enabled: boolean) {
  return useSWR<TimelineVoyages, ApiError>(enabled ? timelineVoyagesUrl(state) : null, allVoyages, quiet);
}

export function useTimelineSightings(enabled: boolean) {
  return useSWR<{ observations: Observation[] }, ApiError>(enabled ? '/api/observations' : null, fetchJson, quiet);
}

export function useTimelineClaims(enabled: boolean) {
  return useSWR<{ claims: Claim[] }, ApiError>(enabled ? '/api/claims' : null, fetchJson, quiet);
}
