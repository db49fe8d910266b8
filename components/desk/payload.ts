import type { DeskKind } from '@/lib/client/desk';
import { claimSchema, observationSchema, voyageSeedSchema } from '@/lib/core/domain/schemas';

const SHAPES = { observations: observationSchema.shape, claims: claimSchema.shape, voyages: voyageSeedSchema.shape } as const;

/**
 * A new record cut to the fields its kind's schema has: the server refuses unknown keys, and the
 * hedge fields (identification, basis, count qualifier) reach the schema kind by kind. A claim's
 * count goes as `minCount` where the schema still calls it that.
 */
export function forSchema(kind: keyof typeof SHAPES & DeskKind, fields: Record<string, unknown>): Record<string, unknown> {
  const shape: object = SHAPES[kind];
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    const name = key === 'count' && !('count' in shape) && 'minCount' in shape ? 'minCount' : key;
    if (name in shape) out[name] = value;
  }
  return out;
}
