import { config } from '@/lib/server/config';
import { emptyQuery } from '@/lib/core/domain/query';
import { currentActor } from '../../_lib/auth';
import { handle, json, parseQuery } from '../../_lib/http';
import { methods } from '../../_lib/methods';

/** The signed-in account (or null), and whether this instance lets anonymous visitors read. */
const get = handle(async (request: Request) => {
  parseQuery(request.url, emptyQuery);
  const user = await currentActor(request);
  return json({ user, readRequiresLogin: config().readRequiresLogin });
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get });
