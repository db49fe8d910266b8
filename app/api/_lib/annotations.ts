/**
 * GET and POST of a record's annotations, shared by voyages, ports and vessels.
 *
 * GET answers one bounded page (newest first; `cursor` for older ones) or, with `since`, only what
 * changed after an earlier answer. Every list answer has an ETag made from the record's change
 * counter, the reader's view (admins also see deleted notes) and the query, so `If-None-Match`
 * with the current ETag answers 304 after two primary-key reads and no list query at all.
 */
import { createHash } from 'node:crypto';
import { getDb } from '@/lib/server/db';
import { type TargetState, annotationChanges, annotationPage, annotationView, targetState } from '@/lib/server/db/annotation-lists';
import { createAnnotation, targetExists } from '@/lib/server/db/annotations';
import { type AnnotationView, decodeCursor, parseRevisionToken } from '@/lib/core/domain/annotation-list';
import { type TargetType, createAnnotationInput, targetIdParam } from '@/lib/core/domain/annotations';
import { annotationListQuery, emptyQuery } from '@/lib/core/domain/query';
import { requireReader, requireRole, requireSameOrigin } from './auth';
import { notModified } from './cache';
import { AppError } from '@/lib/core/domain/errors';
import { handle, json, parseJsonBody, parseParam, parseQuery } from './http';
import { requireAnnotationWriteAllowance } from './annotation-writes';

type Ctx = { params: Promise<{ id: string }> };
type ListQuery = { limit: number; cursor?: string; since?: string };

/** Bump when the list answer's shape changes, so no client revalidates an answer of the old shape. */
const FORMAT = 'list-1';

/**
 * The list answer's ETag. The counter's time is part of it, so a database made again from scratch
 * (its counters starting over) never confirms an answer of the old one.
 */
function listEtag(target: { type: TargetType; id: string }, state: TargetState, view: AnnotationView, q: ListQuery): string {
  const key = [FORMAT, target.type, target.id, state.revision, state.changedAt, view, q.limit, q.cursor ?? '', q.since ?? ''].join('\n');
  return `W/"${createHash('sha1').update(key).digest('base64url').slice(0, 22)}"`;
}

function staleSince(message: string) {
  return new AppError(400, 'invalid_query', `Query parameter "since" is invalid: ${message}.`, {
    issues: [{ field: 'since', message }],
  });
}

export function annotationRoutes(type: TargetType) {
  const GET = handle(async (request: Request, ctx: Ctx) => {
    const q = parseQuery(request.url, annotationListQuery);
    const id = parseParam('id', (await ctx.params).id, targetIdParam);
    const actor = await requireReader(request);
    const db = await getDb();
    if (!(await targetExists(db, type, id))) throw new AppError(404, 'not_found', `No ${type} has the id "${id}".`);
    const view = annotationView(actor);
    const state = await targetState(db, type, id);
    const since = q.since === undefined ? null : parseRevisionToken(q.since);
    // A token counted for another view (the account changed) or another database: load the list again.
    if (since && since.view !== view) throw staleSince('it was given for another view of the list; load the list again');
    if (since && since.revision > state.revision) throw staleSince('it is newer than the list; load the list again');

    const etag = listEtag({ type, id }, state, view, q);
    const headers = { 'Cache-Control': 'no-store', ETag: etag };
    if (notModified(request, etag)) return new Response(null, { status: 304, headers });
    const target = { type, id };
    const answer = since
      ? await annotationChanges(db, view, target, state, { limit: q.limit, since: since.revision })
      : await annotationPage(db, view, target, state, { limit: q.limit, after: q.cursor ? decodeCursor(q.cursor) : null });
    return json(answer, { headers: { ETag: etag } });
  });

  const POST = handle(async (request: Request, ctx: Ctx) => {
    requireSameOrigin(request);
    parseQuery(request.url, emptyQuery);
    const id = parseParam('id', (await ctx.params).id, targetIdParam);
    const actor = await requireRole(request, 'editor');
    await requireAnnotationWriteAllowance(actor);
    const input = await parseJsonBody(request, createAnnotationInput);
    const annotation = await createAnnotation(await getDb(), actor, { type, id }, input);
    return Response.json({ annotation }, { status: 201, headers: { 'Cache-Control': 'no-store' } });
  });

  return { GET, POST };
}
