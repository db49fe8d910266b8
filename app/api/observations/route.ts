import { getDb } from '@/lib/server/db';
import { visibilityFor } from '@/lib/core/domain/records';
import { listObservations } from '@/lib/server/db/reference';
import { observationsQuery } from '@/lib/core/domain/query';
import { handle, json, parseQuery } from '../_lib/http';
import { requireReader } from '../_lib/auth';
import { deskRoutes } from '../_lib/desk';
import { methods } from '../_lib/methods';

const get = handle(async (request: Request) => {
  const filter = parseQuery(request.url, observationsQuery);
  const visibility = visibilityFor(Boolean(await requireReader(request)));
  return json({ observations: await listObservations(await getDb(), filter, visibility) });
});

const desk = deskRoutes('observation');

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get, POST: desk.create });
