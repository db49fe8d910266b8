import { getDb } from '@/lib/server/db';
import { visibilityFor } from '@/lib/core/domain/records';
import { listVessels } from '@/lib/server/db/reference';
import { emptyQuery } from '@/lib/core/domain/query';
import { handle, json, parseQuery } from '../_lib/http';
import { requireReader } from '../_lib/auth';
import { deskRoutes } from '../_lib/desk';
import { methods } from '../_lib/methods';

const get = handle(async (request: Request) => {
  parseQuery(request.url, emptyQuery);
  const visibility = visibilityFor(Boolean(await requireReader(request)));
  return json({ vessels: await listVessels(await getDb(), visibility) });
});

const desk = deskRoutes('vessel');

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get, POST: desk.create });
