/**
 * A record's annotation list, paged and kept up to date: the page sizes, the opaque cursor of the
 * next (older) page, and the `revision` token a client sends back as `since` to get only what
 * changed. Pure: the route handlers, the data layer and the browser share it.
 *
 * - A page is newest first, ordered by (createdAt, id): notes created in the same millisecond
 *   still have one order, so walking the cursors returns every note exactly once.
 * - The cursor is the (createdAt, id) of a page's last note, base64url-encoded; it is opaque to
 *   clients, who only pass back the `nextCursor` they were given.
 * - The revision token is the record's change counter and the view it was counted for (`all`:
 *   an admin's, with the soft-deleted notes; `live`: everyone else's), so a token is never read
 *   against a view whose deleted notes it did not account for.
 */
import { z } from 'zod';

const DEFAULT_ANNOTATION_PAGE = 50;
const MAX_ANNOTATION_PAGE = 200;

/**
 * Annotation writes (create, edit, delete, restore together) one account may make in a minute:
 * each one is sent on to every dashboard that has the record open.
 */
export const ANNOTATION_WRITE_LIMIT = { max: 30, windowMs: 60_000 } as const;

/** Admins see soft-deleted annotations; everyone else sees the live ones. */
export type AnnotationView = 'all' | 'live';

export interface PagePosition {
  createdAt: string;
  id: string;
}

const CURSOR = /^[A-Za-z0-9_-]{1,200}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const ID = /^[0-9a-f-]{36}$/;

/** The cursor of the page after the note at `p`. */
export function encodeCursor(p: PagePosition): string {
  return btoa(`${p.createdAt}|${p.id}`).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The position a cursor stands for, or null when it is not one this API gave out. */
export function decodeCursor(cursor: string): PagePosition | null {
  if (!CURSOR.test(cursor)) return null;
  let text: string;
  try {
    text = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return null;
  }
  const [createdAt = '', id = '', ...rest] = text.split('|');
  if (rest.length || !INSTANT.test(createdAt) || Number.isNaN(Date.parse(createdAt)) || !ID.test(id)) return null;
  return { createdAt, id };
}

/** The token of a record's annotation list at `revision`, as `view` sees it. */
export function revisionToken(revision: number, view: AnnotationView): string {
  return `${revision}-${view}`;
}

/** The revision and view of a token, or null when it is not one this API gave out. */
export function parseRevisionToken(token: string): { revision: number; view: AnnotationView } | null {
  const m = /^(0|[1-9]\d{0,14})-(all|live)$/.exec(token);
  return m ? { revision: Number(m[1]), view: m[2] as AnnotationView } : null;
}

/**
 * The paging parameters every annotation list takes (a record's own and the team's): the page
 * size and the cursor of an earlier answer. Spread into each list's query schema.
 */
export const annotationPageParams = {
  limit: z
    .string()
    .regex(/^\d+$/, 'expected a whole number')
    .transform(Number)
    .pipe(z.number().int().min(1, 'at least 1').max(MAX_ANNOTATION_PAGE, `at most ${MAX_ANNOTATION_PAGE}`))
    .default(DEFAULT_ANNOTATION_PAGE)
    .describe(`Page size: ${DEFAULT_ANNOTATION_PAGE} by default, at most ${MAX_ANNOTATION_PAGE}.`),
  cursor: z
    .string()
    .refine((c) => decodeCursor(c) !== null, 'expected the nextCursor of an earlier answer')
    .optional()
    .describe('The nextCursor of an earlier answer: the page of older annotations after it.'),
};
