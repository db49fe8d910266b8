/**
 * Facet counts for the filters (see lib/core/domain/facets): grouped counts on the voyages table's
 * indexes, one query per facet, in one read transaction so both see the same data.
 */
import 'server-only';
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { FacetEntry, FacetsAnswer } from '@/lib/core/domain/facets';
import type { Visibility } from '@/lib/core/domain/records';
import type { Confidence } from '@/lib/core/domain/schemas';
import type { DB } from './connection';
import { visibleTo } from './reference';
import type { Database } from './schema';

export interface FacetFilter {
  vessel?: string;
  port?: string;
  from?: string;
  to?: string;
  confidence?: Confidence;
  visibility?: Visibility;
}

/** The filter's conditions on `voyages as v`, without the one the facet counts by. */
function conditions(f: FacetFilter, except: 'vessel' | 'port') {
  return (eb: ExpressionBuilder<Database & { v: Database['voyages'] }, 'v'>) => {
    const all: Expression<SqlBool>[] = [visibleTo(f.visibility ?? 'published', 'v')];
    const port = f.port;
    if (f.vessel && except !== 'vessel') all.push(eb('v.vessel_id', '=', f.vessel));
    if (port && except !== 'port') all.push(eb.or([eb('v.origin_port_id', '=', port), eb('v.destination_port_id', '=', port)]));
    if (f.from) all.push(eb('v.arrival_latest', '>=', f.from));
    if (f.to) all.push(eb('v.departure_earliest', '<=', f.to));
    if (f.confidence) all.push(eb('v.confidence', '=', f.confidence));
    return eb.and(all);
  };
}

const byName = (a: FacetEntry, b: FacetEntry) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || (a.id < b.id ? -1 : 1);

export async function voyageFacets(db: DB, f: FacetFilter): Promise<FacetsAnswer> {
  return db.transaction().execute(async (tx) => {
    const vessels = await tx
      .selectFrom('voyages as v')
      .innerJoin('vessels as vs', 'vs.id', 'v.vessel_id')
      .where(conditions(f, 'vessel'))
      .groupBy(['vs.id', 'vs.name'])
      .select((eb) => ['vs.id as id', 'vs.name as name', eb.fn.countAll<number>().as('n')])
      .execute();
    const origins = await tx
      .selectFrom('voyages as v')
      .where(conditions(f, 'port'))
      .groupBy('v.origin_port_id')
      .select((eb) => ['v.origin_port_id as id', eb.fn.countAll<number>().as('n')])
      .execute();
    // A leg back to the port it left counts once for that port.
    const destinations = await tx
      .selectFrom('voyages as v')
      .where(conditions(f, 'port'))
      .whereRef('v.destination_port_id', '!=', 'v.origin_port_id')
      .groupBy('v.destination_port_id')
      .select((eb) => ['v.destination_port_id as id', eb.fn.countAll<number>().as('n')])
      .execute();
    const portCounts = new Map<string, number>();
    for (const r of [...origins, ...destinations]) portCounts.set(r.id, (portCounts.get(r.id) ?? 0) + Number(r.n));
    const names = portCounts.size
      ? await tx.selectFrom('ports').select(['id', 'name']).where('id', 'in', [...portCounts.keys()]).execute()
      : [];
    return {
      vessels: vessels.map((r) => ({ id: r.id, name: r.name, count: Number(r.n) })).sort(byName),
      ports: names.map((p) => ({ id: p.id, name: p.name, count: portCounts.get(p.id) ?? 0 })).sort(byName),
    };
  });
}
