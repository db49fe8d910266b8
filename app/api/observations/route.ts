import { getDb } from '@/lib/db';
import { listObservations } from '@/lib/db/reference';
import { observationsQuery } from '@/lib/domain/query';
import { handle, json, parseQuery } from '../_lib/http';

export const GET = handle(async (request: Request) => {
  const filter = parseQuery(request.url, observationsQuery);
  return json({ observations: await listObservations(await getDb(), filter) });
});
