import { getDb } from '@/lib/server/db';
import { listPorts } from '@/lib/server/db/reference';
import type { NearestPortAnswer } from '@/lib/core/domain/dto';
import { nearestQuery } from '@/lib/core/domain/query';
import { nearestPort } from '@/lib/core/geo';
import { AppError } from '@/lib/core/domain/errors';
import { handle, json, parseQuery } from '../../_lib/http';
import { requireReader } from '../../_lib/auth';
import { methods } from '../../_lib/methods';

const get = handle(async (request: Request) => {
  const { lat, lon } = parseQuery(request.url, nearestQuery);
  await requireReader(request);
  const ports = await listPorts(await getDb());
  const hit = nearestPort([lon, lat], ports);
  if (!hit) throw new AppError(404, 'not_found', 'There are no ports in the database.');
  const body: NearestPortAnswer = {
    port: hit.port,
    distanceNm: Math.round(hit.distanceNm * 100) / 100,
    insideGeofence: hit.insideGeofence,
  };
  return json(body);
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get });
