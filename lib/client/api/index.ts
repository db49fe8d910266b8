'use client';
/**
 * Client-side data access: one fetcher and one SWR hook per endpoint the dashboard reads.
 */
import type { FeatureCollection, LineString } from 'geojson';
import useSWR, { type SWRConfiguration } from 'swr';
import type { Annotation, AnnotationRevision, Me, TargetType, UserAccount } from '@/lib/core/domain/annotations';
import { apiErrorBodySchema, type VoyageDetail } from '@/lib/core/domain/dto';
import type { VoyageFeatureProperties } from '@/lib/core/domain/format';
import type { Port, Source, Vessel } from '@/lib/core/domain/schemas';
import { type ViewState, filtersOf, viewStateToSearch } from '@/lib/core/domain/view-state';

/**
 * A refused request as the browser sees it: the same fields as the server's AppError
 * (lib/core/domain/errors.ts), read back from the JSON error answer. The status is any number
 * (a proxy in front may answer 502), and `code` is undefined when the answer was not ours.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** The one reading of a failed answer, for reads and writes: our error body, else the status line. */
export async function apiErrorOf(res: Response): Promise<ApiError> {
  let raw: unknown;
  try {
    raw = await res.json();
  } catch {
    // Not JSON (an HTML error page, an empty body): only the status is known.
  }
  const body = apiErrorBodySchema.safeParse(raw);
  if (body.success) return new ApiError(res.status, body.data.error.code, body.data.error.message, body.data.error.details);
  return new ApiError(res.status, undefined, `${res.status} ${res.statusText}`.trim());
}

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
export function voyagesUrl(state: ViewState, format: 'json' | 'geojson' | 'csv'): string {
  const search = viewStateToSearch(filtersOf(state));
  const sep = search ? '&' : '?';
  return `/api/voyages${search}${format === 'json' ? '' : `${sep}format=${format}`}`;
}

/** Voyages matching the filters, with their routes: feeds both the list and the map. */
export function useVoyageFeatures(state: ViewState) {
  return useSWR<VoyageFeatures, ApiError>(voyagesUrl(state, 'geojson'), fetchJson, {
    keepPreviousData: true,
    onErrorRetry: retryUnlessRefused,
  });
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

export function useBasemap(layer: 'land' | 'world') {
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

/** A record's annotations; polled every 10 s so teammates' notes appear without a reload. */
export function useAnnotations(type: TargetType, id: string | undefined) {
  return useSWR<{ annotations: Annotation[] }, ApiError>(id ? annotationsUrl(type, id) : null, fetchJson, {
    refreshInterval: 10_000,
    keepPreviousData: false,
  });
}

export function useAnnotationHistory(id: string | null) {
  return useSWR<{ revisions: AnnotationRevision[] }, ApiError>(id ? `/api/annotations/${id}/history` : null, fetchJson);
}

export function useUsers(enabled: boolean) {
  return useSWR<{ users: UserAccount[] }, ApiError>(enabled ? '/api/users' : null, fetchJson);
}
