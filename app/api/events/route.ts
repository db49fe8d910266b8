import { eventsQuery } from '@/lib/core/domain/api-contract-tracks';
import { visibilityFor } from '@/lib/core/domain/records';
import { DEFAULT_DETECTION } from '@/lib/core/track/types';
import { getDb } from '@/lib/server/db';
import { readEvents } from '@/lib/server/imports/events';
import { dayWindowMs } from '@/lib/server/imports/tracks';
import { requireReader } from '../_lib/auth';
import { handle, json, parseQuery } from '../_lib/http';
import { methods } from '../_lib/methods';

/** GET /api/events?vessel=&kind=&from=&to=: detected events with the parameters they were detected with. */
const get = handle(async (request: Request) => {
  const q = parseQuery(request.url, eventsQuery);
  const visibility = visibilityFor(Boolean(await requireReader(request)));
  return json({ params: DEFAULT_DETECTION, events: await readEvents(await getDb(), visibility, { vessel: q.vessel, kind: q.kind, ...dayWindowMs(q) }) });
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get });
