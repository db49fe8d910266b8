/**
 * The team's annotations across every record (GET /api/annotations): the open questions view.
 * One list for voyages, ports and vessels, newest first, paged with the same keyset cursor as a
 * record's own list, and narrowed by status, kind and author. Each entry names its record, so the
 * list reads without opening anything.
 */
import { z } from 'zod';
import { username } from './accounts';
import { annotationPageParams } from './annotation-list';
import { ANNOTATION_KINDS, type AnnotationKind, annotationKind, annotationSchema, targetType } from './annotations';

const STATUSES = ['open', 'resolved', 'any'] as const;

/** `question,correction`: a comma-separated list of kinds, each named once. */
const kindList = z
  .string()
  .transform((s, ctx) => {
    const kinds = s.split(',').map((k) => k.trim());
    const bad = kinds.find((k) => !(ANNOTATION_KINDS as readonly string[]).includes(k));
    if (bad !== undefined) {
      ctx.issues.push({ code: 'custom', input: s, message: `"${bad}" is not a kind; expected ${ANNOTATION_KINDS.join(', ')} (comma-separated)` });
      return z.NEVER;
    }
    return [...new Set(kinds)] as AnnotationKind[];
  })
  .pipe(z.array(annotationKind).min(1));

export const teamAnnotationsQuery = z.strictObject({
  status: z
    .enum(STATUSES)
    .default('any')
    .describe('open: questions and corrections not yet resolved; resolved: those marked resolved; any (default): no filter. Notes and evidence are never open or resolved.'),
  kind: kindList.optional().describe(`Kinds to list, comma-separated (${ANNOTATION_KINDS.join(', ')}); all by default.`),
  author: username.optional().describe('Only annotations written by this account (its username).'),
  ...annotationPageParams,
});
export type TeamAnnotationsQuery = z.output<typeof teamAnnotationsQuery>;

export const teamAnnotationSchema = annotationSchema.extend({
  target: z.object({
    type: targetType,
    id: z.string(),
    name: z.string().describe('The record as a reader names it: a vessel or port name; for a voyage, vessel, ports and departure.'),
  }),
});
export type TeamAnnotation = z.infer<typeof teamAnnotationSchema>;

export const teamAnnotationListSchema = z.object({
  annotations: z.array(teamAnnotationSchema).describe('Newest first; never a deleted one, nor one on a record this reader may not see.'),
  nextCursor: z.string().nullable().describe('Pass as cursor for the older annotations; null at the end.'),
  authors: z.array(z.string()).describe('Usernames with annotations of this status and kind (whatever the author filter), A–Z: the choices for the author filter.'),
});
export type TeamAnnotationList = z.infer<typeof teamAnnotationListSchema>;

/** The query string of a team list request (the page's filters as the API takes them). */
export function teamAnnotationsSearch(q: { status?: (typeof STATUSES)[number]; kind?: readonly AnnotationKind[]; author?: string; cursor?: string }): string {
  const p = new URLSearchParams();
  if (q.status && q.status !== 'any') p.set('status', q.status);
  if (q.kind && q.kind.length) p.set('kind', q.kind.join(','));
  if (q.author) p.set('author', q.author);
  if (q.cursor) p.set('cursor', q.cursor);
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** This list's answer schemas, named in /api/openapi.json (lib/core/domain/openapi.ts). */
export const TEAM_ANNOTATION_COMPONENTS = { TeamAnnotation: teamAnnotationSchema, TeamAnnotationList: teamAnnotationListSchema };
