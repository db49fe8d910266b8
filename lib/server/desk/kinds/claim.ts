import 'server-only';
import type { Claim } from '@/lib/core/domain/schemas';
import type { KindAdapter } from '../adapter';

export const claimAdapter: KindAdapter<'claim'> = {
  label: (c: Claim) => (c.statement.length > 80 ? `${c.statement.slice(0, 79)}…` : c.statement),
  references: (c) => [
    { field: 'sourceId', kind: 'source', ids: [c.sourceId] },
    { field: 'originPortId', kind: 'port', ids: [c.originPortId] },
    { field: 'destinationPortId', kind: 'port', ids: [c.destinationPortId] },
    { field: 'vesselIds', kind: 'vessel', ids: c.vesselIds },
  ],
  dependents: async () => [],
};
