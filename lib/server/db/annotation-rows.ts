/** Annotation rows as the API shows them: the row joined with its author's name, and its mapping. */
import 'server-only';
import type { Selectable } from 'kysely';
import { type Annotation, type AnnotationKind, type TargetType, annotationKind } from '@/lib/core/domain/annotations';
import type { DB } from './connection';
import type { AnnotationsTable } from './schema';

export type AnnotationRow = Selectable<AnnotationsTable> & { author_name: string };

export const kindOf = (k: string): AnnotationKind => annotationKind.catch('note').parse(k);
export const locationOf = (r: { lon: number | null; lat: number | null }): [number, number] | null =>
  r.lon === null || r.lat === null ? null : [r.lon, r.lat];

export function toAnnotation(r: AnnotationRow): Annotation {
  return {
    id: r.id,
    target: { type: r.target_type as TargetType, id: r.target_id },
    parentId: r.parent_id,
    kind: kindOf(r.kind),
    body: r.body,
    evidenceUrls: JSON.parse(r.evidence_urls) as string[],
    location: locationOf(r),
    resolved: r.resolved === 1,
    author: { id: r.author_id, username: r.author_name },
    createdAt: r.created_at,
    editedAt: r.edited_at,
    version: r.version,
    deletedAt: r.deleted_at,
  };
}

/** Annotations with their author's name. */
export function selectRows(db: DB) {
  return db
    .selectFrom('annotations')
    .innerJoin('users', 'users.id', 'annotations.author_id')
    .selectAll('annotations')
    .select('users.username as author_name');
}
