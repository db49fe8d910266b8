import 'server-only';
import type { Claim } from '@/lib/core/domain/schemas';
import { claimFromRow } from '@/lib/server/db/rows';
import type { KindAdapter } from '../adapter';

export const claimAdapter: KindAdapter<'claim'> = {
  table: 'claims',
  label: (c: Claim) => (c.statement.length > 80 ? `${c.statement.slice(0, 79)}…` : c.statement),
  read: async (db, id) => {
    const row = await db.selectFrom('claims').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return null;
    const vessels = await db.selectFrom('claim_vessels').select('vessel_id').where('claim_id', '=', id).orderBy('vessel_id').execute();
    return claimFromRow(row, vessels.map((v) => v.vessel_id));
  },
  references: (c) => [
    { field: 'sourceId', kind: 'source', ids: [c.sourceId] },
    { field: 'originPortId', kind: 'port', ids: [c.originPortId] },
    { field: 'destinationPortId', kind: 'port', ids: [c.destinationPortId] },
    { field: 'vesselIds', kind: 'vessel', ids: c.vesselIds },
  ],
  dependents: async () => [],
};
