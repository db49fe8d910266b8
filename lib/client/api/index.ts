'use client';
/**
 * Client-side data access: one fetcher and one SWR hook per endpoint the dashboard reads.
 */
import type { FeatureCollection, LineString } from 'geojson';
import { useCallback, useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import useSWR, { type SWRConfiguration } from 'swr';
import type { AnnotationRevision, Me, TargetType, UserAccount } from '@/lib/core/domain/annotations';
import type { VoyageDetail } from '@/lib/core/domain/dto';
import type { VoyageFeatureProperties } from '@/lib/core/domain/format';
import type { Port, Source, Vessel } from '@/lib/core/domain/schemas';
import { type ViewState, filtersOf, viewStateToSearch } from '@/lib/core/domain/view-state';
import type { BasemapLayerId, VoyageFormat } from '@/lib/core/domain/query';
import { type VoyageMapAnswer, decodeVoyageMap } from '@/lib/core/domain/voyage-map';
import { narrowToRange, rangeToNarrow } from '@/lib/core/domain/voyage-range';
import { AnnotationFeed, type AnnotationFeedView } from './annotation-feed';
import { ApiError, apiErrorOf } from './errors';

export { ApiError, apiErrorOf } from './errors';

export async function fetchJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!res.ok) throw await apiErrorOf(res);
  return (await res.json()) as T;
}

/** Retry server and network failures (SWR's backoff), never a refusal of the request itself. */
const retryUnlessRefused: SWRConfiguration['onErrorRetry'] = (error, _key, config, revalidate, { retryCount }) => {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return;
  if (retryCount >= 5) return;
  setTimeout(() => void revalidate({ retryCount }), (config.errorRetryInterval ?? 5000) * 2 ** Math.min(retryCount, 3));
};

export type VoyageFeatures = FeatureCollection<LineString, VoyageFeatureProperties>;

/** The URL of the voyages matching a view's filters, in a given format. */
export function voyagesUrl(state: ViewState, format: VoyageFormat): string {
  const search = viewStateToSearch(filtersOf(state));
  const sep = search ? '&' : '?';
  return `/api/voyages${search}${format === 'json' ? '' : `${sep}format=${format}`}`;
}

/**
 * The map's URL of every voyage matching a view's filters (GET /api/voyages/map: no page cap). The
 * timeline asks for the same URL without from/to: with no range set, one answer feeds both.
 */
export function voyageMapUrl(state: ViewState): string {
  return `/api/voyages/map${viewStateToSearch(filtersOf(state))}`;
}

/** performance.now() when each decoded answer was ready (the timeline measures its drawing from it). */
const decodedAt = new WeakMap<VoyageFeatures, number>();

export async function fetchVoyageMap(url: string): Promise<VoyageFeatures> {
  const features = decodeVoyageMap<VoyageFeatureProperties>(await fetchJson<VoyageMapAnswer>(url));
  decodedAt.set(features, performance.now());
  return features;
}

/** When fetchVoyageMap decoded `features` (now, for a collection it did not make). */
export function receivedAt(features: VoyageFeatures): number {
  return decodedAt.get(features) ?? performance.now();
}

/**
 * Every voyage matching the filters, with its route: feeds both the list and the map.
 *
 * With a range of days set, once the page holds the answer without it (the timeline's, for the
 * same other filters), the range narrows that answer here, as the server would: brushing the
 * timeline asks the server for nothing. Until then (the timeline collapsed, or its answer still
 * on its way) the narrowed answer is asked for.
 */
export function useVoyageFeatures(state: ViewState) {
  const range = rangeToNarrow(state);
  const wholeUrl = voyageMapUrl({ ...state, from: undefined, to: undefined });
  // Never fetched from here: it only reads what the timeline's request brings into the cache.
  const whole = useSWR<VoyageFeatures, ApiError>(range ? wholeUrl : null, fetchVoyageMap, {
    revalidateOnMount: false,
    revalidateIfStale: false,
    revalidateOnFocus: false,
    revalidateOnReconnect: false,
  });
  const held = range ? whole.data : undefined;
  const asked = useSWR<VoyageFeatures, ApiError>(held ? null : voyageMapUrl(state), fetchVoyageMap, {
    keepPreviousData: true,
    onErrorRetry: retryUnlessRefused,
    revalidateOnFocus: false,
    revalidateOnReconnect: false,
  });
  useAskAgainOnReturn(held ? whole.mutate : asked.mutate, held ? whole.isValidating : asked.isValidating);
  const [from, to] = [range?.from, range?.to];
  const narrowed = useMemo(() => (held ? narrowToRange(held, { from, to }) : undefined), [held, from, to]);
  // What was shown stays while the next answer comes (as SWR's keepPreviousData does across keys).
  const [shown, setShown] = useState<VoyageFeatures | undefined>(undefined);
  const current = narrowed ?? asked.data;
  if (current && current !== shown) setShown(current);
  const data = current ?? shown;
  return narrowed
    ? { data, error: whole.error, isValidating: whole.isValidating, mutate: whole.mutate }
    : { data, error: asked.error, isValidating: asked.isValidating, mutate: asked.mutate };
}

/** SWR's own interval between two asks on focus. */
const RETURN_THROTTLE_MS = 5000;

/**
 * Asks again for the answer the page shows when the reader comes back to the page or online, at
 * most every few seconds and never while it is being asked for already (the whole answer is
 * megabytes); unchanged, that is a 304 (the map answer has an ETag). Done here rather than by
 * SWR's revalidateOnFocus: SWR asks only through the first hook mounted for a key, which for the
 * whole answer is often the timeline's, and that one does not.
 */
function useAskAgainOnReturn(askAgain: () => unknown, asking: boolean) {
  const next = useRef(0);
  const onReturn = useEffectEvent(() => {
    if (document.visibilityState === 'hidden' || asking || performance.now() < next.current) return;
    next.current = performance.now() + RETURN_THROTTLE_MS;
    void askAgain();
  });
  useEffect(() => {
    window.addEventListener('focus', onReturn);
    window.addEventListener('online', onReturn);
    document.addEventListener('visibilitychange', onReturn);
    return () => {
      window.removeEventListener('focus', onReturn);
      window.removeEventListener('online', onReturn);
      document.removeEventListener('visibilitychange', onReturn);
    };
  }, []);
}

export function useVoyage(id: string | undefined) {
  return useSWR<{ voyage: VoyageDetail }, ApiError>(id ? `/api/voyages/${encodeURIComponent(id)}` : null, fetchJson, {
    onErrorRetry: retryUnlessRefused,
  });
}

export function usePorts() {
  return useSWR<{ ports: Port[] }, ApiError>('/api/ports', fetchJson, { revalidateOnFocus: false });
}

export function useVessels() {
  return useSWR<{ vessels: Vessel[] }, ApiError>('/api/vessels', fetchJson, { revalidateOnFocus: false });
}

export function useSources() {
  return useSWR<{ sources: Source[] }, ApiError>('/api/sources', fetchJson, { revalidateOnFocus: false });
}

export function useBasemap(layer: BasemapLayerId) {
  return useSWR<FeatureCollection, ApiError>(`/api/basemap/${layer}`, fetchJson, {
    revalidateOnFocus: false,
    revalidateIfStale: false,
  });
}

/** A write: JSON in, JSON out; a refusal throws ApiError with the server's code and details. */
export async function sendJson<T>(method: 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown): Promise<T> {
  const res = await fetch(url, {
    method,
    headers: { Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
  });
  if (!res.ok) throw await apiErrorOf(res);
  return (await res.json()) as T;
}

export type MeAnswer = Me & { readRequiresLogin: boolean };

/** The signed-in account (user null when signed out). */
export function useMe() {
  return useSWR<MeAnswer, ApiError>('/api/auth/me', fetchJson, { refreshInterval: 60_000 });
}

export function annotationsUrl(type: TargetType, id: string): string {
  return `/api/${type}s/${encodeURIComponent(id)}/annotations`;
}

/** One feed per record list, kept while the page lives: coming back to a record asks only for changes. */
const feeds = new Map<string, AnnotationFeed>();

function feedFor(url: string): AnnotationFeed {
  let feed = feeds.get(url);
  if (!feed) feeds.set(url, (feed = new AnnotationFeed(url)));
  return feed;
}

/**
 * A record's annotations: the newest page, older pages on demand (`loadOlder`), refreshed every
 * 10 s so teammates' notes appear without a reload. A refresh asks only for the changes since the
 * list held (an unchanged list answers 304); `mutate()` after a write fetches just that write.
 */
export function useAnnotations(type: TargetType, id: string | undefined) {
  const url = id ? annotationsUrl(type, id) : null;
  const { data, error, mutate } = useSWR<AnnotationFeedView, ApiError>(url, (key: string) => feedFor(key).refresh(), {
    refreshInterval: 10_000,
    keepPreviousData: false,
  });
  const loadOlder = useCallback(async () => {
    if (url) await mutate(feedFor(url).loadOlder(), { revalidate: false });
  }, [url, mutate]);
  return { data, error, mutate, loadOlder };
}

export function useAnnotationHistory(id: string | null) {
  return useSWR<{ revisions: AnnotationRevision[] }, ApiError>(id ? `/api/annotations/${id}/history` : null, fetchJson);
}

export function useUsers(enabled: boolean) {
  return useSWR<{ users: UserAccount[] }, ApiError>(enabled ? '/api/users' : null, fetchJson);
}
