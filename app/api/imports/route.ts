import { importListQuery, importQuery } from '@/lib/core/domain/api-contract-tracks';
import { getDb } from '@/lib/server/db';
import { sweepDeadImports } from '@/lib/server/imports/cleanup';
import { acceptImport, storeUpload } from '@/lib/server/imports/queue';
import { listImports } from '@/lib/server/imports/store';
import { requireRole, requireSameOrigin } from '../_lib/auth';
import { handle, json, parseQuery } from '../_lib/http';
import { methods } from '../_lib/methods';

/** GET /api/imports: recent imports, newest first (an import a dead process left reads as interrupted). */
const list = handle(async (request: Request) => {
  parseQuery(request.url, importListQuery);
  await requireRole(request, 'editor');
  const db = await getDb();
  await sweepDeadImports(db);
  return json({ imports: await listImports(db) });
});

/** POST /api/imports: the body is the file; 202 once it is stored and its format checked, then it runs in the background. */
const upload = handle(async (request: Request) => {
  requireSameOrigin(request);
  const q = parseQuery(request.url, importQuery);
  const actor = await requireRole(request, 'editor');
  const stored = await storeUpload(request);
  const db = await getDb();
  const accepted = await acceptImport(db, {
    ...stored,
    fileName: q.name,
    format: q.format,
    preset: q.preset,
    mapping: q.mapping,
    vesselId: q.vessel,
    licence: q.licence,
    actor,
  });
  return Response.json({ import: accepted }, { status: 202, headers: { 'Cache-Control': 'no-store' } });
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: list, POST: upload });
