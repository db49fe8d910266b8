import { emptyQuery } from '@/lib/core/domain/query';
import { getDb } from '@/lib/server/db';
import { exportDataset } from '@/lib/server/dataset/export';
import { requireRole } from '../_lib/auth';
import { handle, parseQuery } from '../_lib/http';
import { methods } from '../_lib/methods';

/** GET /api/dataset: the whole evidence base as one bundle, as a download (any signed-in account). */
const get = handle(async (request: Request) => {
  parseQuery(request.url, emptyQuery);
  await requireRole(request, 'viewer');
  const bundle = await exportDataset(await getDb());
  const stamp = bundle.exportedAt.replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
  return Response.json(bundle, {
    headers: { 'Cache-Control': 'no-store', 'Content-Disposition': `attachment; filename="wakeline-dataset-${stamp}.json"` },
  });
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get });
