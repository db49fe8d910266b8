/**
 * The evidence desk's record kinds, and the checks a record passes before it is stored beyond its
 * zod schema (which checks windows, IMO check digits and MMSIs): http(s) URLs and text lengths.
 * Pure: checks that need the database (do referenced ids exist, does a route cross land) are in
 * lib/server/desk.
 */
import { z } from 'zod';
import { normaliseHttpUrl } from './primitives';
import { claimSchema, observationSchema, portSchema, sourceSchema, vesselSchema, voyageSeedSchema } from './schemas';

/** The six kinds of record the team edits, in the order a record's references are written. */
export const RECORD_KINDS = ['source', 'port', 'vessel', 'observation', 'voyage', 'claim'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];
export const recordKind = z.enum(RECORD_KINDS);

/** The URL segment of each kind (`/api/sources`, ...). */
export const KIND_SEGMENTS = {
  source: 'sources',
  port: 'ports',
  vessel: 'vessels',
  observation: 'observations',
  voyage: 'voyages',
  claim: 'claims',
} as const satisfies Record<RecordKind, string>;

/** Each kind's record in its seed format: what the desk reads, validates, stores and diffs. */
export const RECORD_SCHEMAS = {
  source: sourceSchema,
  port: portSchema,
  vessel: vesselSchema,
  observation: observationSchema,
  voyage: voyageSeedSchema,
  claim: claimSchema,
} as const;

export const recordStatus = z.enum(['draft', 'published']);
export type RecordStatus = z.infer<typeof recordStatus>;

/**
 * What a reader may see: `published` (anonymous readers, every public answer) sees published,
 * undeleted records only; `team` (signed in) sees drafts too, marked.
 */
export type Visibility = 'published' | 'team';
export const visibilityFor = (signedIn: boolean): Visibility => (signedIn ? 'team' : 'published');

export interface FieldIssue {
  field: string;
  message: string;
}

/** A name-like field is short; anything else (notes, statements, quoted words) may be longer. */
const MAX_SHORT_TEXT = 300;
const MAX_LONG_TEXT = 8000;
const SHORT_FIELDS = new Set(['name', 'title', 'publisher', 'placeName', 'vesselDescription', 'countUnit', 'authority', 'reference', 'owner', 'type']);

function textIssues(value: unknown, path: string[], out: FieldIssue[]) {
  if (typeof value === 'string') {
    const key = path[path.length - 1] ?? '';
    const max = SHORT_FIELDS.has(key) ? MAX_SHORT_TEXT : MAX_LONG_TEXT;
    if (value.length > max) out.push({ field: path.join('.'), message: `at most ${max} characters (got ${value.length})` });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => textIssues(v, [...path, String(i)], out));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) textIssues(v, [...path, k], out);
  }
}

/**
 * The checks a record passes beyond its zod schema, and the record as it is stored (URLs
 * normalised). `record` must already have passed its kind's schema.
 */
export function checkRecord<T extends object>(kind: RecordKind, record: T): { record: T; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  textIssues(record, [], issues);
  const out = { ...record } as Record<string, unknown>;
  if (kind === 'source' && typeof out.url === 'string') {
    const url = normaliseHttpUrl(out.url);
    if (url === null) issues.push({ field: 'url', message: 'must be an absolute http(s) URL without a user name or password' });
    else out.url = url;
  }
  return { record: out as T, issues };
}
