import { getDb } from '@/lib/server/db';
import { toAccount, updateUser } from '@/lib/server/db/users';
import { updateUserInput } from '@/lib/core/domain/accounts';
import { emptyQuery, userIdParam } from '@/lib/core/domain/query';
import { requireRole, requireSameOrigin } from '../../_lib/auth';
import { handle, json, parseJsonBody, parseParam, parseQuery } from '../../_lib/http';
import { methods } from '../../_lib/methods';

/** Changes a role or (de)activates an account: admins only; the last active admin stays. */
const patch = handle(async (request: Request, ctx: { params: Promise<{ id: string }> }) => {
  requireSameOrigin(request);
  parseQuery(request.url, emptyQuery);
  const id = parseParam('id', (await ctx.params).id, userIdParam);
  const actor = await requireRole(request, 'admin');
  const change = await parseJsonBody(request, updateUserInput);
  return json({ user: toAccount(await updateUser(await getDb(), actor, id, change)) });
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ PATCH: patch });
