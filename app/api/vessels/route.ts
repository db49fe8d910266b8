import { getDb } from '@/lib/server/db';
import { listVessels } from '@/lib/server/db/reference';
import { emptyQuery } from '@/lib/core/domain/query';
import { handle, json, parseQuery } from '../_lib/http';
import { requireReader } from '../_lib/auth';

export const GET = handle(async (request: Request) => {
  parseQuery(request.url, emptyQuery);
  await requireReader(request);
  return json({ vessels: await listVessels(await getDb()) });
});
