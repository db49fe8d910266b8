/** The committed seed as the server parses it, with lookups that fail loudly on a missing record or field. */
import { seedSchema, type Identification, type Seed, type VoyageBasis } from '@/lib/core/domain/schemas';
import { seedData } from '@/lib/server/db/seed-data';

export const seed: Seed = seedSchema.parse(seedData);

/** The record `id` of `table`; throws (failing the test) when the seed has no such record. */
export function find<T extends keyof Seed>(table: T, id: string): Seed[T][number] {
  const record = (seed[table] as Array<Seed[T][number]>).find((r) => r.id === id);
  if (record === undefined) throw new Error(`find: the seed has no ${table} record "${id}"; check the id against data/seed/${table}.json`);
  return record;
}

/** A sighting's or voyage's identification; every seed record states one, so null fails the test. */
export function identificationOf(r: { id: string; identification: Identification | null }): Identification {
  if (r.identification === null) throw new Error(`identificationOf: seed record "${r.id}" has no identification; add one to its JSON`);
  return r.identification;
}

/** The two sightings a voyage joins: [] unless its basis is inferred_from_sightings; a missing basis fails the test. */
export function joinedSightingIds(v: { id: string; basis: VoyageBasis | null }): string[] {
  if (v.basis === null) throw new Error(`joinedSightingIds: seed voyage "${v.id}" has no basis; add one to its JSON`);
  return v.basis.kind === 'inferred_from_sightings' ? [...v.basis.observationIds] : [];
}
