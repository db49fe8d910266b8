import { getDb } from '@/lib/db';
import { listVessels } from '@/lib/db/reference';
import { emptyQuery } from '@/lib/domain/query';
import { handle, json, parseQuery } from '../_lib/http';

export const GET = handle(async (request: Request) => {
  parseQuery(request.url, emptyQuery);
  return json({ vessels: await listVessels(await getDb()) });
});
