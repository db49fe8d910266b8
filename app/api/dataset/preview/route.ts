import { datasetImportQuery } from '@/lib/core/domain/dataset';
import { getDb } from '@/lib/server/db';
import { readBundle } from '@/lib/server/dataset/body';
import { previewImport } from '@/lib/server/dataset/import';
import { requireRole, requireSameOrigin } from '../../_lib/auth';
import { handle, json, parseQuery } from '../../_lib/http';
import { methods } from '../../_lib/methods';

/** POST /api/dataset/preview: what importing the bundle in the body would do; writes nothing. */
const post = handle(async (request: Request) => {
  requireSameOrigin(request);
  const { file } = parseQuery(request.url, datasetImportQuery);
  const actor = await requireRole(request, 'editor');
  const bundle = await readBundle(request);
  return json({ preview: await previewImport(await getDb(), actor, bundle, file) });
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ POST: post });
