/**
 * The evidence desk's route handlers for one kind of record, made once here so that each route
 * file is a line: parse → guard → lib/server/desk → JSON. Same Origin, session and role rules as
 * the annotations (the desk checks the roles again).
 */
import { getDb } from '@/lib/server/db';
import { createRecord, updateRecord } from '@/lib/server/desk/write';
import { deleteRecord, publishRecord, restoreRecord } from '@/lib/server/desk/lifecycle';
import { getRecord, recordHistory, reviewQueue } from '@/lib/server/desk/read';
import { createInputs, publishInput, updateInputs } from '@/lib/core/domain/desk-dto';
import { type RecordKind, visibilityFor } from '@/lib/core/domain/records';
import { annotationDeleteQuery, emptyQuery, idParam } from '@/lib/core/domain/query';
import { requireReader, requireRole, requireSameOrigin } from './auth';
import { handle, json, parseJsonBody, parseParam, parseQuery } from './http';

type Ctx = { params: Promise<{ id: string }> };

const created = (record: unknown) => Response.json({ record }, { status: 201, headers: { 'Cache-Control': 'no-store' } });

export function deskRoutes(kind: RecordKind) {
  /** POST /api/{kind}: a new draft. */
  const create = handle(async (request: Request) => {
    requireSameOrigin(request);
    parseQuery(request.url, emptyQuery);
    const actor = await requireRole(request, 'editor');
    const body = await parseJsonBody(request, createInputs[kind]);
    return created(await createRecord(await getDb(), actor, kind, body as Record<string, unknown>));
  });

  /** GET /api/{kind}/{id}: the record as this reader may see it. */
  const read = handle(async (request: Request, ctx: Ctx) => {
    parseQuery(request.url, emptyQuery);
    const id = parseParam('id', (await ctx.params).id, idParam);
    const actor = await requireReader(request);
    return json({ record: await getRecord(await getDb(), kind, id, visibilityFor(Boolean(actor))) });
  });

  /** PATCH /api/{kind}/{id}: `{ version, reason?, ...changes }`; a stale version answers 409 with the current record. */
  const update = handle(async (request: Request, ctx: Ctx) => {
    requireSameOrigin(request);
    parseQuery(request.url, emptyQuery);
    const id = parseParam('id', (await ctx.params).id, idParam);
    const actor = await requireRole(request, 'editor');
    const { version, reason, ...changes } = (await parseJsonBody(request, updateInputs[kind])) as Record<string, unknown> & {
      version: number;
      reason?: string;
    };
    return json({ record: await updateRecord(await getDb(), actor, kind, id, { version, reason, changes }) });
  });

  /** DELETE /api/{kind}/{id}: soft; `?version=` makes it conditional. */
  const remove = handle(async (request: Request, ctx: Ctx) => {
    requireSameOrigin(request);
    const { version } = parseQuery(request.url, annotationDeleteQuery);
    const id = parseParam('id', (await ctx.params).id, idParam);
    const actor = await requireRole(request, 'editor');
    return json({ record: await deleteRecord(await getDb(), actor, kind, id, version) });
  });

  const publish = handle(async (request: Request, ctx: Ctx) => {
    requireSameOrigin(request);
    parseQuery(request.url, emptyQuery);
    const id = parseParam('id', (await ctx.params).id, idParam);
    const actor = await requireRole(request, 'editor');
    const input = await parseJsonBody(request, publishInput);
    return json({ record: await publishRecord(await getDb(), actor, kind, id, input) });
  });

  const restore = handle(async (request: Request, ctx: Ctx) => {
    requireSameOrigin(request);
    parseQuery(request.url, emptyQuery);
    const id = parseParam('id', (await ctx.params).id, idParam);
    const actor = await requireRole(request, 'admin');
    return json({ record: await restoreRecord(await getDb(), actor, kind, id) });
  });

  const history = handle(async (request: Request, ctx: Ctx) => {
    parseQuery(request.url, emptyQuery);
    const id = parseParam('id', (await ctx.params).id, idParam);
    const actor = await requireReader(request);
    return json({ revisions: await recordHistory(await getDb(), kind, id, visibilityFor(Boolean(actor))) });
  });

  return { create, read, update, remove, publish, restore, history };
}

/** GET /api/review: every draft and pending change (editor or admin). */
export const reviewRoute = handle(async (request: Request) => {
  parseQuery(request.url, emptyQuery);
  const actor = await requireRole(request, 'editor');
  return json({ items: await reviewQueue(await getDb(), actor) });
});
