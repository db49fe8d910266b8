import { getDb } from '@/lib/db';
import { listSources } from '@/lib/db/reference';
import { emptyQuery } from '@/lib/domain/query';
import { handle, json, parseQuery } from '../_lib/http';

export const GET = handle(async (request: Request) => {
  parseQuery(request.url, emptyQuery);
  return json({ sources: await listSources(await getDb()) });
});
