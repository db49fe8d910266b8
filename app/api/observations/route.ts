import { getDb } from '@/lib/server/db';
import { listObservations } from '@/lib/server/db/reference';
import { observationsQuery } from '@/lib/core/domain/query';
import { handle, json, parseQuery } from '../_lib/http';
import { requireReader } from '../_lib/auth';

export const GET = handle(async (request: Request) => {
  const filter = parseQuery(request.url, observationsQuery);
  await requireReader(request);
  return json({ observations: await listObservations(await getDb(), filter) });
});
