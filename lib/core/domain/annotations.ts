/**
 * Annotations: team notes on a voyage, port or vessel. Zod schemas for what clients send, and the
 * shapes the API answers. The body is plain text: it is stored and shown as text, never as HTML.
 */
import { z } from 'zod';
import { role } from './accounts';
import { normaliseHttpUrl } from './primitives';
import { position, slug } from './schemas';

export const ANNOTATION_KINDS = ['note', 'evidence', 'question', 'correction'] as const;
export const annotationKind = z.enum(ANNOTATION_KINDS);
export type AnnotationKind = z.infer<typeof annotationKind>;

/** Kinds that stay open until someone marks them resolved: the team's open questions. */
export const RESOLVABLE_KINDS = ['question', 'correction'] as const satisfies readonly AnnotationKind[];
export const isResolvable = (kind: AnnotationKind): boolean => (RESOLVABLE_KINDS as readonly AnnotationKind[]).includes(kind);

const TARGET_TYPES = ['voyage', 'port', 'vessel'] as const;

const MAX_BODY = 10_000;
const MAX_EVIDENCE_URLS = 20;

const body = z
  .string()
  .max(MAX_BODY, `at most ${MAX_BODY} characters`)
  .refine((s) => s.trim().length > 0, 'must not be empty');

/**
 * An http(s) URL only: no javascript:, data: or other schemes reach a link. Stored in its WHATWG
 * form (`new URL(x).href`: lower-case scheme and host, default port dropped), so the same link
 * typed two ways is one link.
 */
const evidenceUrl = z
  .string()
  .max(2000)
  .transform((s, ctx) => {
    const href = normaliseHttpUrl(s);
    if (href !== null) return href;
    ctx.issues.push({ code: 'custom', input: s, message: 'must be an http or https URL without a user name or password' });
    return z.NEVER;
  });

export const annotationId = z.string().regex(/^[0-9a-f-]{36}$/, 'expected an annotation id');

export const createAnnotationInput = z.strictObject({
  kind: annotationKind.default('note'),
  body,
  evidenceUrls: z.array(evidenceUrl).max(MAX_EVIDENCE_URLS).default([]),
  location: position.nullable().default(null),
  parentId: annotationId.nullable().default(null),
});
export type CreateAnnotationInput = z.output<typeof createAnnotationInput>;

/** An edit names the version it started from; fields left out stay as they are. */
export const updateAnnotationInput = z
  .strictObject({
    version: z.number().int().min(1),
    kind: annotationKind.optional(),
    body: body.optional(),
    evidenceUrls: z.array(evidenceUrl).max(MAX_EVIDENCE_URLS).optional(),
    location: position.nullable().optional(),
    resolved: z.boolean().optional().describe('Questions and corrections only: true once answered or applied.'),
  })
  .refine((u) => Object.keys(u).length > 1, { message: 'nothing to change', path: ['body'] });
export type UpdateAnnotationInput = z.output<typeof updateAnnotationInput>;

export const targetIdParam = slug;

/** An ISO 8601 instant in UTC, as the server stamps it (`new Date().toISOString()`). */
const instant = z.iso.datetime();

export const targetType = z.enum(TARGET_TYPES);
export type TargetType = z.infer<typeof targetType>;

export const userRefSchema = z.object({ id: z.number().int().positive(), username: z.string() });

const location = position.nullable().describe('[lon, lat] placed on the map, or null.');

export const annotationSchema = z.object({
  id: annotationId,
  target: z.object({ type: targetType, id: targetIdParam }),
  parentId: annotationId.nullable(),
  kind: annotationKind,
  body: z.string().describe('Plain text, never HTML.'),
  evidenceUrls: z.array(z.string()),
  location,
  resolved: z.boolean(),
  author: userRefSchema,
  createdAt: instant,
  editedAt: instant.nullable(),
  version: z.number().int().min(1),
  deletedAt: instant.nullable().describe('Set on soft-deleted annotations, which only admins see.'),
});
export type Annotation = z.infer<typeof annotationSchema>;

/** The stored content of an annotation at one version (a revision's before/after). */
export const annotationSnapshotSchema = z.object({
  kind: annotationKind,
  body: z.string(),
  evidenceUrls: z.array(z.string()),
  location,
  resolved: z.boolean(),
  deleted: z.boolean(),
  version: z.number().int().min(1),
});
export type AnnotationSnapshot = z.infer<typeof annotationSnapshotSchema>;

const REVISION_ACTIONS = ['create', 'edit', 'delete', 'restore'] as const;

export const annotationRevisionSchema = z.object({
  version: z.number().int().min(1),
  action: z.enum(REVISION_ACTIONS),
  actor: userRefSchema,
  at: instant,
  before: annotationSnapshotSchema.nullable(),
  after: annotationSnapshotSchema.nullable(),
});
export type AnnotationRevision = z.infer<typeof annotationRevisionSchema>;

/** A signed-in account as a session sees it (the same fields as an Actor). */
export const sessionUserSchema = userRefSchema.extend({ role });

export const meSchema = z.object({ user: sessionUserSchema.nullable() });
export type Me = z.infer<typeof meSchema>;

export const userAccountSchema = userRefSchema.extend({ role, active: z.boolean(), createdAt: instant });
export type UserAccount = z.infer<typeof userAccountSchema>;
