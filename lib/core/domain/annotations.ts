/**
 * Annotations: team notes on a voyage, port or vessel. Zod schemas for what clients send, and the
 * shapes the API answers. The body is plain text: it is stored and shown as text, never as HTML.
 */
import { z } from 'zod';
import type { Role } from './permissions';
import { position, slug } from './schemas';

export const ANNOTATION_KINDS = ['note', 'evidence', 'question', 'correction'] as const;
export const annotationKind = z.enum(ANNOTATION_KINDS);
export type AnnotationKind = z.infer<typeof annotationKind>;

export const TARGET_TYPES = ['voyage', 'port', 'vessel'] as const;
export type TargetType = (typeof TARGET_TYPES)[number];

export const MAX_BODY = 10_000;
export const MAX_EVIDENCE_URLS = 20;

const body = z
  .string()
  .max(MAX_BODY, `at most ${MAX_BODY} characters`)
  .refine((s) => s.trim().length > 0, 'must not be empty');

/** An http(s) URL only: no javascript:, data: or other schemes reach a link. */
export const evidenceUrl = z
  .string()
  .max(2000)
  .refine((s) => {
    try {
      const u = new URL(s);
      return u.protocol === 'http:' || u.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an http or https URL');

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
    resolved: z.boolean().optional(),
  })
  .refine((u) => Object.keys(u).length > 1, { message: 'nothing to change', path: ['body'] });
export type UpdateAnnotationInput = z.output<typeof updateAnnotationInput>;

export const targetIdParam = slug;

export interface UserRef {
  id: number;
  username: string;
}

export interface Annotation {
  id: string;
  target: { type: TargetType; id: string };
  parentId: string | null;
  kind: AnnotationKind;
  body: string;
  evidenceUrls: string[];
  /** [lon, lat] placed on the map, or null. */
  location: [number, number] | null;
  resolved: boolean;
  author: UserRef;
  createdAt: string;
  editedAt: string | null;
  version: number;
  /** Set on soft-deleted annotations, which only admins see. */
  deletedAt: string | null;
}

/** The stored content of an annotation at one version (a revision's before/after). */
export interface AnnotationSnapshot {
  kind: AnnotationKind;
  body: string;
  evidenceUrls: string[];
  location: [number, number] | null;
  resolved: boolean;
  deleted: boolean;
  version: number;
}

export interface AnnotationRevision {
  version: number;
  action: 'create' | 'edit' | 'delete' | 'restore';
  actor: UserRef;
  at: string;
  before: AnnotationSnapshot | null;
  after: AnnotationSnapshot | null;
}

export interface Me {
  user: (UserRef & { role: Role }) | null;
}

export interface UserAccount extends UserRef {
  role: Role;
  active: boolean;
  createdAt: string;
}
