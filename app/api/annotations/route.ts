import { getDb } from '@/lib/server/db';
import { listTeamAnnotations } from '@/lib/server/db/annotation-search';
import { visibilityFor } from '@/lib/core/domain/records';
import { teamAnnotationsQuery } from '@/lib/core/domain/team-annotations';
import { requireReader } from '../_lib/auth';
import { handle, json, parseQuery } from '../_lib/http';
import { methods } from '../_lib/methods';

/**
 * The team's annotations across every record, newest first: `?status=open` is the open questions
 * view (questions and corrections not yet resolved). Never a deleted one; records the reader may
 * not see (drafts, when signed out) are left out with their annotations.
 */
const get = handle(async (request: Request) => {
  const q = parseQuery(request.url, teamAnnotationsQuery);
  const actor = await requireReader(request);
  const answer = await listTeamAnnotations(await getDb(), visibilityFor(Boolean(actor)), q);
  return json(answer);
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get });
