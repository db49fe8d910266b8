import { getDb } from '@/lib/server/db';
import { deleteAnnotation, getAnnotation, updateAnnotation } from '@/lib/server/db/annotations';
import { annotationId, updateAnnotationInput } from '@/lib/core/domain/annotations';
import { annotationDeleteQuery, emptyQuery } from '@/lib/core/domain/query';
import { requireAnnotationWriteAllowance } from '../../_lib/annotation-writes';
import { requireReader, requireRole, requireSameOrigin } from '../../_lib/auth';
import { AppError } from '@/lib/core/domain/errors';
import { handle, json, parseJsonBody, parseParam, parseQuery } from '../../_lib/http';
import { methods } from '../../_lib/methods';

type Ctx = { params: Promise<{ id: string }> };

const get = handle(async (request: Request, ctx: Ctx) => {
  parseQuery(request.url, emptyQuery);
  const id = parseParam('id', (await ctx.params).id, annotationId);
  const actor = await requireReader(request);
  const annotation = await getAnnotation(await getDb(), actor, id);
  if (!annotation) throw new AppError(404, 'not_found', `No annotation has the id "${id}".`);
  return json({ annotation });
});

/** An edit: carries the version it started from; a stale version answers 409 with the current annotation. */
const patch = handle(async (request: Request, ctx: Ctx) => {
  requireSameOrigin(request);
  parseQuery(request.url, emptyQuery);
  const id = parseParam('id', (await ctx.params).id, annotationId);
  const actor = await requireRole(request, 'editor');
  await requireAnnotationWriteAllowance(actor);
  const input = await parseJsonBody(request, updateAnnotationInput);
  return json({ annotation: await updateAnnotation(await getDb(), actor, id, input) });
});

/** Soft delete; `?version=` makes it conditional like an edit. */
const remove = handle(async (request: Request, ctx: Ctx) => {
  requireSameOrigin(request);
  const { version } = parseQuery(request.url, annotationDeleteQuery);
  const id = parseParam('id', (await ctx.params).id, annotationId);
  const actor = await requireRole(request, 'editor');
  await requireAnnotationWriteAllowance(actor);
  return json({ annotation: await deleteAnnotation(await getDb(), actor, id, version) });
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get, PATCH: patch, DELETE: remove });
