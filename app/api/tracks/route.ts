import { tracksQuery } from '@/lib/core/domain/api-contract-tracks';
import { visibilityFor } from '@/lib/core/domain/records';
import { getDb } from '@/lib/server/db';
import { readTracks } from '@/lib/server/imports/tracks';
import { requireReader } from '../_lib/auth';
import { handle, json, parseQuery } from '../_lib/http';
import { methods } from '../_lib/methods';

/** GET /api/tracks?vessel=: imported tracks as columns (JSON). */
const get = handle(async (request: Request) => {
  const q = parseQuery(request.url, tracksQuery);
  const visibility = visibilityFor(Boolean(await requireReader(request)));
  const tracks = await readTracks(await getDb(), visibility, q.vessel);
  // Other formats (GPX, KML) of the same tracks branch here on q.format.
  return json({ tracks });
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get });
