import { NextResponse } from 'next/server';
import { getDb } from '@/lib/db';
import { listVoyageRoutes, listVoyages } from '@/lib/db/voyages';
import { voyageQuery } from '@/lib/domain/query';
import { voyagesToCsv, voyagesToGeoJSON } from '@/lib/domain/format';
import { handle, json, parseQuery } from '../_lib/http';

export const GET = handle(async (request: Request) => {
  const { format, ...filter } = parseQuery(request.url, voyageQuery);
  const db = await getDb();
  if (format === 'geojson') {
    const { voyages, total } = await listVoyageRoutes(db, filter);
    return json(voyagesToGeoJSON(voyages), {
      headers: { 'Content-Type': 'application/geo+json', 'X-Total-Count': String(total) },
    });
  }
  const list = await listVoyages(db, filter);
  if (format === 'csv') {
    return new NextResponse(voyagesToCsv(list.voyages), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': 'attachment; filename="wakeline-voyages.csv"',
        'Cache-Control': 'no-store',
        'X-Total-Count': String(list.total),
      },
    });
  }
  return json(list);
});
