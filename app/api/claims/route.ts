import { getDb } from '@/lib/db';
import { listClaims } from '@/lib/db/reference';
import { claimsQuery } from '@/lib/domain/query';
import { handle, json, parseQuery } from '../_lib/http';
import { requireReader } from '../_lib/auth';

export const GET = handle(async (request: Request) => {
  const filter = parseQuery(request.url, claimsQuery);
  await requireReader(request);
  return json({ claims: await listClaims(await getDb(), filter) });
});
