/**
 * The team's annotations across every record (GET /api/annotations, the open questions view):
 * newest first with the keyset cursor of a record's list, narrowed by status, kind and author,
 * never a deleted annotation, and only on records the reader may see (a draft port's question is
 * not shown to an anonymous reader). Each entry carries its record's name.
 */
import 'server-only';
import { type SqlBool, sql } from 'kysely';
import { decodeCursor, encodeCursor } from '@/lib/core/domain/annotation-list';
import { RESOLVABLE_KINDS, type TargetType } from '@/lib/core/domain/annotations';
import { formatWindow } from '@/lib/core/domain/display';
import type { Precision } from '@/lib/core/domain/schemas';
import type { Visibility } from '@/lib/core/domain/records';
import type { TeamAnnotationList, TeamAnnotationsQuery } from '@/lib/core/domain/team-annotations';
import { selectRows, toAnnotation } from './annotation-rows';
import type { DB } from './connection';
import { visibleTo } from './reference';

const TABLE = { voyage: 'voyages', port: 'ports', vessel: 'vessels' } as const;

type Filters = Pick<TeamAnnotationsQuery, 'status' | 'kind'>;

/** Live annotations of the wanted status and kinds whose record `visibility` may see. */
function matching(db: DB, visibility: Visibility, f: Filters) {
  let q = selectRows(db).where('annotations.deleted_at', 'is', null);
  if (f.kind) q = q.where('annotations.kind', 'in', f.kind);
  if (f.status !== 'any') {
    q = q.where('annotations.kind', 'in', [...RESOLVABLE_KINDS]).where('annotations.resolved', '=', f.status === 'resolved' ? 1 : 0);
  }
  return q.where((eb) =>
    eb.or(
      (Object.keys(TABLE) as TargetType[]).map((type) =>
        eb.and([
          eb('annotations.target_type', '=', type),
          sql<SqlBool>`exists (select 1 from ${sql.table(TABLE[type])} as record where record.id = annotations.target_id and ${visibleTo(visibility, 'record')})`,
        ]),
      ),
    ),
  );
}

/** Names of the records on a page: vessel and port names; a voyage as "vessel: origin → destination, departure". */
async function targetNames(db: DB, targets: { type: TargetType; id: string }[]): Promise<Map<string, string>> {
  const ids = (type: TargetType) => [...new Set(targets.filter((t) => t.type === type).map((t) => t.id))];
  const names = new Map<string, string>();
  for (const type of ['port', 'vessel'] as const) {
    const want = ids(type);
    if (!want.length) continue;
    const rows = await db.selectFrom(TABLE[type]).select(['id', 'name']).where('id', 'in', want).execute();
    for (const r of rows) names.set(`${type}:${r.id}`, r.name);
  }
  const voyages = ids('voyage');
  if (voyages.length) {
    const rows = await db
      .selectFrom('voyages')
      .leftJoin('vessels', 'vessels.id', 'voyages.vessel_id')
      .innerJoin('ports as origin', 'origin.id', 'voyages.origin_port_id')
      .innerJoin('ports as destination', 'destination.id', 'voyages.destination_port_id')
      .select([
        'voyages.id',
        'vessels.name as vessel',
        'origin.name as origin',
        'destination.name as destination',
        'voyages.departure_earliest',
        'voyages.departure_latest',
        'voyages.departure_precision',
      ])
      .where('voyages.id', 'in', voyages)
      .execute();
    for (const r of rows) {
      const departure = formatWindow({ earliest: r.departure_earliest, latest: r.departure_latest, precision: r.departure_precision as Precision });
      names.set(`voyage:${r.id}`, `${r.vessel ?? 'Unidentified vessel'}: ${r.origin} → ${r.destination}, departure ${departure}`);
    }
  }
  return names;
}

export async function listTeamAnnotations(db: DB, visibility: Visibility, q: TeamAnnotationsQuery): Promise<TeamAnnotationList> {
  let page = matching(db, visibility, q);
  if (q.author) page = page.where('users.username', '=', q.author);
  const after = q.cursor ? decodeCursor(q.cursor) : null;
  if (after) page = page.where((eb) => eb(eb.refTuple('annotations.created_at', 'annotations.id'), '<', eb.tuple(after.createdAt, after.id)));
  const rows = await page.orderBy('annotations.created_at', 'desc').orderBy('annotations.id', 'desc').limit(q.limit + 1).execute();
  const shown = rows.slice(0, q.limit);
  const last = shown.at(-1);
  const names = await targetNames(
    db,
    shown.map((r) => ({ type: r.target_type as TargetType, id: r.target_id })),
  );
  const authors = await matching(db, visibility, q).clearSelect().select('users.username').distinct().orderBy('users.username').execute();
  return {
    annotations: shown.map((r) => {
      const a = toAnnotation(r);
      return { ...a, target: { ...a.target, name: names.get(`${a.target.type}:${a.target.id}`) ?? a.target.id } };
    }),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ createdAt: last.created_at, id: last.id }) : null,
    authors: authors.map((a) => a.username),
  };
}
