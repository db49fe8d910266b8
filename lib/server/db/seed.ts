/**
 * Seeds the database from `data/seed/*.json`. Idempotent: a record is written the first time its
 * id is seen and logged in `seed_log`; later runs skip it, so a team's edits (or deletions) of a
 * seeded record are never overwritten. New records added to the seed files are written on the
 * next start.
 */
import 'server-only';
import type { Transaction } from 'kysely';
import type { Port, Seed } from '@/lib/core/domain/schemas';
import { seedSchema } from '@/lib/core/domain/schemas';
import type { VoyageRouting } from '@/lib/core/domain/voyage';
import type { DB } from './connection';
import type { Database } from './schema';
import { type RecordByKind, type WritableKind, type WriteContext, writeRecord } from './write-record';

type Tx = Transaction<Database>;
type RecordType = WritableKind;

export interface SeedReport {
  inserted: Record<RecordType, number>;
  skipped: number;
}

async function alreadySeeded(tx: Tx, type: RecordType): Promise<Set<string>> {
  const rows = await tx.selectFrom('seed_log').select('record_id').where('record_type', '=', type).execute();
  return new Set(rows.map((r) => r.record_id));
}

/** Checks cross-references the schema alone cannot see; throws naming every broken one. */
function checkSeedReferences(seed: Seed): void {
  const ids = {
    source: new Set(seed.sources.map((s) => s.id)),
    port: new Set(seed.ports.map((p) => p.id)),
    vessel: new Set(seed.vessels.map((v) => v.id)),
    observation: new Set(seed.observations.map((o) => o.id)),
  };
  const problems: string[] = [];
  const need = (kind: keyof typeof ids, id: string | null, where: string) => {
    if (id !== null && !ids[kind].has(id)) problems.push(`${where}: unknown ${kind} "${id}"`);
  };
  for (const p of seed.ports) p.sourceIds.forEach((s) => need('source', s, `port ${p.id}`));
  for (const v of seed.vessels) {
    v.sourceIds.forEach((s) => need('source', s, `vessel ${v.id}`));
    v.sanctions.forEach((x) => x.sourceIds.forEach((s) => need('source', s, `vessel ${v.id} sanction`)));
    v.identityHistory.forEach((e) => e.sourceIds.forEach((s) => need('source', s, `vessel ${v.id} identity ${e.field}`)));
  }
  for (const v of seed.voyages) {
    need('vessel', v.vesselId, `voyage ${v.id}`);
    need('port', v.originPortId, `voyage ${v.id}`);
    need('port', v.destinationPortId, `voyage ${v.id}`);
    v.sourceIds.forEach((s) => need('source', s, `voyage ${v.id}`));
    if (v.basis?.kind === 'inferred_from_sightings') v.basis.observationIds.forEach((o) => need('observation', o, `voyage ${v.id} basis`));
  }
  for (const o of seed.observations) {
    need('vessel', o.vesselId, `observation ${o.id}`);
    need('port', o.portId, `observation ${o.id}`);
    o.sourceIds.forEach((s) => need('source', s, `observation ${o.id}`));
  }
  for (const c of seed.claims) {
    need('source', c.sourceId, `claim ${c.id}`);
    c.readInSourceIds.forEach((s) => need('source', s, `claim ${c.id} readInSourceIds`));
    need('port', c.originPortId, `claim ${c.id}`);
    need('port', c.destinationPortId, `claim ${c.id}`);
    c.vesselIds.forEach((v) => need('vessel', v, `claim ${c.id}`));
  }
  if (problems.length) throw new Error(`seed data has broken references:\n- ${problems.join('\n- ')}`);
}

/**
 * Writes the seed records not yet in `seed_log`. `routing` is asked for only when a voyage is
 * written, so a start with no new voyage never loads the basemap.
 */
export async function seedDatabase(db: DB, input: unknown, routing: () => VoyageRouting): Promise<SeedReport> {
  const seed = seedSchema.parse(input);
  checkSeedReferences(seed);
  const ports = new Map<string, Port>(seed.ports.map((p) => [p.id, p]));
  const now = new Date().toISOString();
  const report: SeedReport = {
    inserted: { source: 0, port: 0, vessel: 0, voyage: 0, observation: 0, claim: 0 },
    skipped: 0,
  };

  await db.transaction().execute(async (tx) => {
    const log = async (type: RecordType, id: string) => {
      await tx.insertInto('seed_log').values({ record_type: type, record_id: id, seeded_at: now }).execute();
      report.inserted[type] += 1;
    };
    const pending = async <T extends { id: string }>(type: RecordType, records: T[]): Promise<T[]> => {
      const done = await alreadySeeded(tx, type);
      const todo = records.filter((r) => !done.has(r.id));
      report.skipped += records.length - todo.length;
      return todo;
    };

    const ctx: WriteContext = { ports, routing };
    const writeAll = async <K extends RecordType>(type: K, records: RecordByKind[K][]) => {
      for (const record of await pending(type, records)) {
        await writeRecord(tx, type, record, ctx, 'insert');
        await log(type, record.id);
      }
    };
    // Order matters: a record's rows reference the sources, ports and vessels written before it.
    await writeAll('source', seed.sources);
    await writeAll('port', seed.ports);
    await writeAll('vessel', seed.vessels);
    await writeAll('voyage', seed.voyages);
    await writeAll('observation', seed.observations);
    await writeAll('claim', seed.claims);
  });
  return report;
}
