/**
 * Queries for the reference tables: sources, ports, vessels, observations and claims.
 * Small tables: each list is read whole, in a stable order.
 */
import 'server-only';
import { sql } from 'kysely';
import type { Visibility } from '@/lib/core/domain/records';
import type { Claim, Observation, Port, Source, Vessel } from '@/lib/core/domain/schemas';
import type { DB } from './connection';
import { type Listed, claimFromRow, groupLinks, listed, observationFromRow, portFromRow, sourceFromRow, vesselFromRow } from './rows';

type LinkTable = 'port_sources' | 'vessel_sources' | 'voyage_sources' | 'observation_sources';

/** Above this many ids, reading every link beats binding them all (and stays under SQLite's limit). */
const MAX_BOUND_IDS = 5000;

/**
 * The records `visibility` may see: never a deleted one; a draft only for signed-in readers.
 * `alias` names the table when the query joins others.
 */
export function visibleTo(visibility: Visibility, alias?: string) {
  const col = (c: string) => sql.ref(alias ? `${alias}.${c}` : c);
  return visibility === 'team'
    ? sql<boolean>`${col('deleted_at')} is null`
    : sql<boolean>`${col('deleted_at')} is null and ${col('status')} = 'published'`;
}

/** Source ids per record, in the order each record lists them; `ids` limits the records read. */
export async function sourceLinks(db: DB, table: LinkTable, ids?: readonly string[]): Promise<Map<string, string[]>> {
  if (ids && ids.length === 0) return new Map();
  let q = db.selectFrom(table).select(['record_id', 'source_id']).orderBy('record_id').orderBy('position');
  if (ids && ids.length <= MAX_BOUND_IDS) q = q.where('record_id', 'in', ids);
  return groupLinks(await q.execute());
}

export async function listSources(db: DB, ids?: readonly string[], visibility: Visibility = 'published'): Promise<Listed<Source>[]> {
  if (ids && ids.length === 0) return [];
  let q = db.selectFrom('sources').selectAll().where(visibleTo(visibility)).orderBy('published_earliest').orderBy('id');
  if (ids) q = q.where('id', 'in', ids);
  return (await q.execute()).map((r) => listed(sourceFromRow(r), r));
}

export async function listPorts(db: DB, visibility: Visibility = 'published'): Promise<Listed<Port>[]> {
  const [rows, links] = await Promise.all([
    db.selectFrom('ports').selectAll().where(visibleTo(visibility)).orderBy('name').execute(),
    sourceLinks(db, 'port_sources'),
  ]);
  return rows.map((r) => listed(portFromRow(r, links.get(r.id) ?? []), r));
}

export async function listVessels(db: DB, visibility: Visibility = 'published'): Promise<Listed<Vessel>[]> {
  const [rows, links] = await Promise.all([
    db.selectFrom('vessels').selectAll().where(visibleTo(visibility)).orderBy('name').execute(),
    sourceLinks(db, 'vessel_sources'),
  ]);
  return rows.map((r) => listed(vesselFromRow(r, links.get(r.id) ?? []), r));
}

export interface ObservationFilter {
  vessel?: string;
  port?: string;
}

export async function listObservations(db: DB, filter: ObservationFilter = {}, visibility: Visibility = 'published'): Promise<Listed<Observation>[]> {
  let q = db.selectFrom('observations').selectAll().where(visibleTo(visibility)).orderBy('window_earliest').orderBy('id');
  if (filter.vessel) q = q.where('vessel_id', '=', filter.vessel);
  if (filter.port) q = q.where('port_id', '=', filter.port);
  const rows = await q.execute();
  const links = await sourceLinks(db, 'observation_sources', rows.map((r) => r.id));
  return rows.map((r) => listed(observationFromRow(r, links.get(r.id) ?? []), r));
}

export interface ClaimFilter {
  /** Claims whose origin or destination is this port. */
  port?: string;
  /** Claims naming either of these ports (at either end). */
  anyPort?: readonly string[];
  vessel?: string;
}

export async function listClaims(db: DB, filter: ClaimFilter = {}, visibility: Visibility = 'published'): Promise<Listed<Claim>[]> {
  let q = db.selectFrom('claims').selectAll().where(visibleTo(visibility)).orderBy('period_earliest').orderBy('id');
  const { port, anyPort, vessel } = filter;
  if (port) q = q.where((eb) => eb.or([eb('origin_port_id', '=', port), eb('destination_port_id', '=', port)]));
  if (anyPort) {
    q = q.where((eb) => eb.or([eb('origin_port_id', 'in', anyPort), eb('destination_port_id', 'in', anyPort)]));
  }
  if (vessel) q = q.where('id', 'in', db.selectFrom('claim_vessels').select('claim_id').where('vessel_id', '=', vessel));
  const rows = await q.execute();
  const links =
    rows.length === 0
      ? []
      : await db
          .selectFrom('claim_vessels')
          .select(['claim_id as record_id', 'vessel_id as source_id'])
          .$if(rows.length <= MAX_BOUND_IDS, (qb) => qb.where('claim_id', 'in', rows.map((r) => r.id)))
          .orderBy('claim_id')
          .orderBy('vessel_id')
          .execute();
  const vessels = groupLinks(links);
  return rows.map((r) => listed(claimFromRow(r, vessels.get(r.id) ?? []), r));
}
