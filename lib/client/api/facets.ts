'use client';
import useSWR from 'swr';
import type { FacetsAnswer } from '@/lib/core/domain/facets';
import { type ViewState, filtersOf, viewStateToSearch } from '@/lib/core/domain/view-state';
import { type ApiError, fetchJson } from './index';

/** The vessels and ports with voyages under the view's other filters, with counts, for the filter selects. */
export function useVoyageFacets(state: ViewState) {
  return useSWR<FacetsAnswer, ApiError>(`/api/voyages/facets${viewStateToSearch(filtersOf(state))}`, fetchJson, {
    keepPreviousData: true,
  });
}
