'use client';
/**
 * Track imports from the browser: sniff a file's first 64 KB, upload it with its progress (through
 * XMLHttpRequest, the one browser API that reports upload bytes), follow the import's processing by
 * polling, and cancel it. (Tracks and events are read through ./tracks.)
 */
import { PREVIEW_MAX_BYTES } from '@/lib/core/domain/api-contract-tracks';
import type { CsvMapping, CsvPreset, TrackFormat } from '@/lib/core/track/types';
import { ApiError, apiErrorOf, fetchJson } from './index';

/** What the server makes of a file's first bytes. */
export interface ImportPreview {
  format: TrackFormat;
  /** A CSV's header names, in file order ([] for other formats). */
  headers: string[];
  /** The built-in column set the headers match, or null (then the user maps the columns). */
  preset: CsvPreset | null;
  /** A few parsed rows, by header name, for the mapping form's samples. */
  sample: Record<string, string>[];
}

/** As lib/core/domain/api-contract-tracks.ts's IMPORT_STATUSES ('interrupted': the server stopped mid-import). */
export type ImportStatus = 'running' | 'done' | 'failed' | 'cancelled' | 'interrupted';

/** An import as GET /api/imports/{id} reports it (the fields of ImportDto this client reads). */
export interface ImportReport {
  id: string;
  status: ImportStatus;
  name: string;
  format: TrackFormat;
  /** Size of the file, and how far processing has read into it. */
  bytes: number;
  bytesRead: number;
  rows: number;
  rejected: number;
  rejectedSample: { line: number; reason: string }[];
  positionsAdded: number;
  vessels: { id: string; name: string; matched: boolean }[];
  events: { portCalls: number; gaps: number; possiblePortCalls: number };
  /**
   * Records proposed for review: draft vessels, sightings (port calls) and voyages (between calls);
   * those past the per-import cap (`leftOut`) and those the desk refused, with the first reasons.
   */
  drafts: { vessels: number; observations: number; voyages: number; leftOut: number; refused: number; refusedReasons: string[] };
  /** The import this file's checksum matched: nothing was added again. */
  duplicateOf: string | null;
  error: string | null;
}

/** Everything an upload says about the file besides its bytes. */
export interface ImportOptions {
  name: string;
  format?: TrackFormat;
  preset?: CsvPreset;
  mapping?: CsvMapping;
  vessel?: string;
}

/**
 * The query string of an upload: the file name, and only the choices made (an absent format or
 * preset lets the server sniff it).
 *
 * @example importQuery({ name: 'a.csv', preset: 'marinecadastre' }) // '?name=a.csv&preset=marinecadastre'
 */
export function importQuery(options: ImportOptions): string {
  const q = new URLSearchParams({ name: options.name });
  if (options.format) q.set('format', options.format);
  if (options.preset) q.set('preset', options.preset);
  if (options.mapping) q.set('mapping', JSON.stringify(options.mapping));
  if (options.vessel) q.set('vessel', options.vessel);
  return `?${q.toString()}`;
}

/** The server's reading of a file's first {@link PREVIEW_MAX_BYTES} (the headers and a few sample rows). */
export async function previewImport(file: Blob, name: string): Promise<ImportPreview> {
  const res = await fetch(`/api/imports/preview?${new URLSearchParams({ name }).toString()}`, {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/octet-stream' },
    body: file.slice(0, PREVIEW_MAX_BYTES),
    credentials: 'same-origin',
  });
  if (!res.ok) throw await apiErrorOf(res);
  return (await res.json()) as ImportPreview;
}

/** An upload under way: its answer (the import, accepted), and a way to stop sending. */
export interface Upload {
  done: Promise<ImportReport>;
  abort: () => void;
}

/** Thrown when an upload is aborted: not an error to show, the user asked for it. */
export class UploadAborted extends Error {
  constructor() {
    super('uploadImport: the upload was cancelled');
  }
}

/** Reads an XMLHttpRequest's error answer as {@link apiErrorOf} reads a fetch's. */
function xhrError(xhr: XMLHttpRequest): Promise<ApiError> {
  return apiErrorOf(new Response(xhr.responseText || null, { status: xhr.status, statusText: xhr.statusText }));
}

/**
 * Sends a file to POST /api/imports, reporting the bytes sent as they go (`onProgress(sent, total)`).
 * Resolves with the accepted import (202); rejects with an ApiError for a refusal (its message is
 * the server's words), or {@link UploadAborted} after `abort()`.
 */
export function uploadImport(file: Blob, options: ImportOptions, onProgress: (sentBytes: number, totalBytes: number) => void): Upload {
  const xhr = new XMLHttpRequest();
  const done = new Promise<ImportReport>((resolve, reject) => {
    xhr.open('POST', `/api/imports${importQuery(options)}`);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(file.size, file.size);
        resolve((JSON.parse(xhr.responseText) as { import: ImportReport }).import);
      } else void xhrError(xhr).then(reject);
    };
    xhr.onerror = () => reject(new ApiError(0, undefined, 'uploadImport: the connection failed; check the network and try again'));
    xhr.onabort = () => reject(new UploadAborted());
    xhr.send(file);
  });
  return { done, abort: () => xhr.abort() };
}

export async function fetchImport(id: string): Promise<ImportReport> {
  return (await fetchJson<{ import: ImportReport }>(`/api/imports/${encodeURIComponent(id)}`)).import;
}

/** Cancels a running import (the server rolls it back: nothing of it stays). */
export async function cancelImport(id: string): Promise<void> {
  const res = await fetch(`/api/imports/${encodeURIComponent(id)}`, { method: 'DELETE', headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  // 409: it finished meanwhile; reading it again says how.
  if (!res.ok && res.status !== 409) throw await apiErrorOf(res);
}

/** True once an import will not change any more. */
export function isFinished(report: Pick<ImportReport, 'status'>): boolean {
  return report.status !== 'running';
}

/**
 * How far processing has gone, 0–1: the bytes read out of the file's size (a finished import is 1).
 *
 * @example processedFraction({ status: 'running', bytes: 200, bytesRead: 50 }) // 0.25
 */
export function processedFraction(report: Pick<ImportReport, 'status' | 'bytes' | 'bytesRead'>): number {
  if (isFinished(report)) return 1;
  if (report.bytes <= 0) return 0;
  return Math.min(1, Math.max(0, report.bytesRead / report.bytes));
}
