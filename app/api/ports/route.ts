import { getDb } from '@/lib/server/db';
import { visibilityFor } from '@/lib/core/domain/records';
import { listPorts } from '@/lib/server/db/reference';
import { portsQuery } from '@/lib/core/domain/query';
import { portsToGeoJSON } from '@/lib/core/domain/format';
import { handle, json, parseQuery } from '../_lib/http';
import { requireReader } from '../_lib/auth';
import { deskRoutes } from '../_lib/desk';
import { methods } from '../_lib/methods';

const get = handle(async (request: Request) => {
  const { format } = parseQuery(request.url, portsQuery);
  const visibility = visibilityFor(Boolean(await requireReader(request)));
  const ports = await listPorts(await getDb(), visibility);
  if (format === 'geojson') {
    return json(portsToGeoJSON(ports), { headers: { 'Content-Type': 'application/geo+json' } });
  }
  return json({ ports });
});

const desk = deskRoutes('port');

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get, POST: desk.create });
