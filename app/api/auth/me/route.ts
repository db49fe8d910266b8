import { config } from '@/lib/server/config';
import { emptyQuery } from '@/lib/core/domain/query';
import { currentActor } from '../../_lib/auth';
import { handle, json, parseQuery } from '../../_lib/http';

/** The signed-in account (or null), and whether this instance lets anonymous visitors read. */
export const GET = handle(async (request: Request) => {
  parseQuery(request.url, emptyQuery);
  const user = await currentActor(request);
  return json({ user, readRequiresLogin: config().readRequiresLogin });
});
