'use client';
/**
 * Client-side access to the evidence desk: the six record kinds, their writes (create, edit,
 * publish), their history and the review queue. Reads go through SWR so a write can refresh every
 * view of the same answer with one `mutate(key)`.
 */
import useSWR, { mutate } from 'swr';
import type { Observation } from '@/lib/core/domain/schemas';
import { ApiError, fetchJson, sendJson } from './api';

/** The URL segment of each kind, as the API spells it. */
export const DESK_KINDS = ['sources', 'vessels', 'ports', 'observations', 'voyages', 'claims'] as const;
export type DeskKind = (typeof DESK_KINDS)[number];

export interface PendingChange {
  author: { id: number; username: string } | null;
  reason: string | null;
  at: string;
}

/** Any record as the desk answers it: the kind's own fields plus the desk's bookkeeping. */
export type DeskRecord = Record<string, unknown> & {
  id: string;
  version: number;
  status: 'draft' | 'published';
  pendingChange?: PendingChange | null;
};

export type DeskObservation = Observation & Pick<DeskRecord, 'version' | 'status' | 'pendingChange'>;

export interface Revision {
  version: number;
  action: 'create' | 'edit' | 'propose' | 'publish' | 'delete' | 'restore';
  actor: { id: number; username: string } | null;
  at: string;
  reason: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface ReviewItem {
  /** Singular, as the queue answers it (`observation`). */
  kind: string;
  id: string;
  label: string;
  author: { id: number; username: string } | null;
  reason: string | null;
  at: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  version: number;
  status: 'draft' | 'published';
}

function recordUrl(kind: DeskKind, id: string): string {
  return `/api/${kind}/${encodeURIComponent(id)}`;
}

/** Where a record is read in its editable form: a voyage's own URL answers its detail instead. */
function editableUrl(kind: DeskKind, id: string): string {
  return kind === 'voyages' ? `${recordUrl(kind, id)}/record` : recordUrl(kind, id);
}

/** One record answers under `record`, or under its kind's singular name (`voyage`, `claim`). */
function recordOf(body: unknown, kind: DeskKind): DeskRecord {
  const b = body as Record<string, unknown>;
  const singular = kind.slice(0, -1);
  return (b.record ?? b[singular] ?? b) as DeskRecord;
}

/** A list of one kind: `{ [kind]: [...] }`, or `{ records: [...] }`. */
function listOf(body: unknown, kind: DeskKind): DeskRecord[] {
  const b = body as Record<string, unknown>;
  const list = b[kind] ?? b.records ?? b.features;
  return Array.isArray(list) ? (list as DeskRecord[]) : [];
}

/*
 * SWR shares its cache by key, and the dashboard's own hooks (usePorts, useVoyage, ...) cache the
 * same URLs in their answer's shape. The desk keeps its reshaped answers under keys of its own, so
 * neither side ever reads the other's shape.
 */
export function useRecords(kind: DeskKind | null) {
  return useSWR<DeskRecord[], ApiError, readonly [string, 'desk-list'] | null>(
    kind ? [`/api/${kind}`, 'desk-list'] : null,
    async ([url]) => listOf(await fetchJson(url), kind!),
    { revalidateOnFocus: false },
  );
}

export function useRecord(kind: DeskKind, id: string | null) {
  return useSWR<DeskRecord, ApiError, readonly [string, 'desk-record'] | null>(id ? [editableUrl(kind, id), 'desk-record'] : null, async ([url]) =>
    recordOf(await fetchJson(url), kind),
  );
}

/** Every sighting the viewer may see: published ones, and drafts too when signed in. */
export function useObservations() {
  return useSWR<{ observations: DeskObservation[] }, ApiError>('/api/observations', fetchJson, { refreshInterval: 30_000 });
}

export function useHistory(kind: DeskKind, id: string | null) {
  return useSWR<{ revisions: Revision[] }, ApiError>(id ? `${recordUrl(kind, id)}/history` : null, fetchJson);
}

export function useReview(enabled: boolean) {
  return useSWR<ReviewItem[], ApiError>(enabled ? '/api/review' : null, async (url: string) => {
    const body = await fetchJson<{ items: ReviewItem[] }>(url);
    return body.items;
  });
}

/** After a write: every list, record, history and the queue refetch, so no view shows the old answer. */
function refreshDesk(kind: DeskKind): Promise<unknown> {
  const url = (key: unknown) => (Array.isArray(key) ? key[0] : key);
  return mutate((key) => {
    const u = url(key);
    return typeof u === 'string' && (u.startsWith(`/api/${kind}`) || u === '/api/review');
  });
}

export async function createRecord(kind: DeskKind, fields: Record<string, unknown>): Promise<DeskRecord> {
  const record = recordOf(await sendJson<unknown>('POST', `/api/${kind}`, fields), kind);
  await refreshDesk(kind);
  return record;
}

export async function updateRecord(
  kind: DeskKind,
  id: string,
  version: number,
  changes: Record<string, unknown>,
  reason: string | null,
): Promise<DeskRecord> {
  const body = { ...changes, version, ...(reason ? { reason } : {}) };
  const record = recordOf(await sendJson<unknown>('PATCH', recordUrl(kind, id), body), kind);
  await refreshDesk(kind);
  return record;
}

export async function publishRecord(kind: DeskKind, id: string, version: number, reason: string | null): Promise<void> {
  await sendJson<unknown>('POST', `${recordUrl(kind, id)}/publish`, { version, ...(reason ? { reason } : {}) });
  await refreshDesk(kind);
}

/** A stale edit: the 409 carries the record as it is now, to merge against. */
export function conflictOf(err: unknown, kind: DeskKind): DeskRecord | null {
  if (!(err instanceof ApiError) || err.status !== 409) return null;
  const current = (err.details as { current?: unknown } | undefined)?.current;
  return current && typeof current === 'object' ? recordOf(current, kind) : null;
}

export function errorText(err: unknown): string {
  return err instanceof ApiError ? err.message : 'Could not save: the server did not answer.';
}
