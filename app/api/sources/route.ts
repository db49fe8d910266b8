import { getDb } from '@/lib/db';
import { listSources } from '@/lib/db/reference';
import { emptyQuery } from '@/lib/domain/query';
import { handle, json, parseQuery } from '../_lib/http';
import { requireReader } from '../_lib/auth';

export const GET = handle(async (request: Request) => {
  parseQuery(request.url, emptyQuery);
  await requireReader(request);
  return json({ sources: await listSources(await getDb()) });
});
