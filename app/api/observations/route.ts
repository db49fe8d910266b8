import { getDb } from '@/lib/db';
import { listObservations } from '@/lib/db/reference';
import { observationsQuery } from '@/lib/domain/query';
import { handle, json, parseQuery } from '../_lib/http';
import { requireReader } from '../_lib/auth';

export const GET = handle(async (request: Request) => {
  const filter = parseQuery(request.url, observationsQuery);
  await requireReader(request);
  return json({ observations: await listObservations(await getDb(), filter) });
});
