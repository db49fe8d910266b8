import { importIdParam, importListQuery } from '@/lib/core/domain/api-contract-tracks';
import { AppError } from '@/lib/core/domain/errors';
import { getDb } from '@/lib/server/db';
import { sweepDeadImports } from '@/lib/server/imports/cleanup';
import { cancelImport } from '@/lib/server/imports/queue';
import { readImport } from '@/lib/server/imports/store';
import { requireRole, requireSameOrigin } from '../../_lib/auth';
import { handle, json, parseParam, parseQuery } from '../../_lib/http';
import { methods } from '../../_lib/methods';

type Ctx = { params: Promise<{ id: string }> };

/** GET /api/imports/{id}: progress and report. */
const read = handle(async (request: Request, ctx: Ctx) => {
  parseQuery(request.url, importListQuery);
  const id = parseParam('id', (await ctx.params).id, importIdParam);
  await requireRole(request, 'editor');
  const db = await getDb();
  await sweepDeadImports(db);
  const found = await readImport(db, id);
  if (!found) throw new AppError(404, 'not_found', `No import has the id "${id}".`);
  return json({ import: found });
});

/** DELETE /api/imports/{id}: cancel a running import; nothing of it stays. */
const cancel = handle(async (request: Request, ctx: Ctx) => {
  requireSameOrigin(request);
  parseQuery(request.url, importListQuery);
  const id = parseParam('id', (await ctx.params).id, importIdParam);
  await requireRole(request, 'editor');
  return json({ import: await cancelImport(await getDb(), id) });
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: read, DELETE: cancel });
