/**
 * Seeds the database from `data/seed/*.json`. Idempotent: a record is written the first time its
 * id is seen and logged in `seed_log` with the hash of its content. New records added to the seed
 * files are written on the next start; a seed record corrected since it was written is applied
 * as a revision by the seed, unless the team has touched the row (a team's later edit or deletion
 * is never overwritten; see seed-revise.ts).
 */
import 'server-only';
import type { Transaction } from 'kysely';
import type { Port, Seed } from '@/lib/core/domain/schemas';
import { seedSchema } from '@/lib/core/domain/schemas';
import type { VoyageRouting } from '@/lib/core/domain/voyage';
import type { DB } from './connection';
import type { Database } from './schema';
import { rerouteVoyagesAt, reviseSeeded, seedRecordHash } from './seed-revise';
import { type RecordByKind, type WritableKind, type WriteContext, writeRecord } from './write-record';

type Tx = Transaction<Database>;
type RecordType = WritableKind;

export interface SeedReport {
  inserted: Record<RecordType, number>;
  /** Records already seeded, whether or not they changed since. */
  skipped: number;
  /** `kind id` of each seeded row brought up to a corrected seed record. */
  revised: string[];
  /** `kind id` of each corrected seed record not applied because the team touched the row. */
  kept: string[];
}

/** The hash each already seeded record of `type` was last written with (null: seeded before hashes were kept). */
async function alreadySeeded(tx: Tx, type: RecordType): Promise<Map<string, string | null>> {
  const rows = await tx.selectFrom('seed_log').select(['record_id', 'record_hash']).where('record_type', '=', type).execute();
  return new Map(rows.map((r) => [r.record_id, r.record_hash]));
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
 * Writes the seed records not yet in `seed_log`, then revises seeded rows whose seed record
 * changed. `routing` is asked for only when a voyage is written, so a start with no new or
 * corrected voyage never loads the basemap.
 */
export async function seedDatabase(db: DB, input: unknown, routing: () => VoyageRouting): Promise<SeedReport> {
  const seed = seedSchema.parse(input);
  checkSeedReferences(seed);
  const ports = new Map<string, Port>(seed.ports.map((p) => [p.id, p]));
  const now = new Date().toISOString();
  const report: SeedReport = {
    inserted: { source: 0, port: 0, vessel: 0, voyage: 0, observation: 0, claim: 0 },
    skipped: 0,
    revised: [],
    kept: [],
  };

  await db.transaction().execute(async (tx) => {
    const ctx: WriteContext = { ports, routing };
    const seeded = new Map<RecordType, Map<string, string | null>>();
    const insertNew = async <K extends RecordType>(type: K, records: RecordByKind[K][]) => {
      const done = await alreadySeeded(tx, type);
      seeded.set(type, done);
      for (const record of records) {
        if (done.has(record.id)) {
          report.skipped += 1;
          continue;
        }
        await writeRecord(tx, type, record, ctx, 'insert');
        await tx
          .insertInto('seed_log')
          .values({ record_type: type, record_id: record.id, seeded_at: now, record_hash: seedRecordHash(type, record) })
          .execute();
        report.inserted[type] += 1;
      }
    };
    const movedPorts = new Set<string>();
    const reviseOld = async <K extends RecordType>(type: K, records: RecordByKind[K][]) => {
      const done = seeded.get(type) ?? new Map<string, string | null>();
      for (const record of records) {
        if (!done.has(record.id)) continue;
        const outcome = await reviseSeeded(tx, type, record, done.get(record.id) ?? null, ctx, now);
        if (outcome !== 'unchanged') report[outcome].push(`${type} ${record.id}`);
        if (outcome === 'revised' && type === 'port') movedPorts.add(record.id);
      }
    };
    // Order matters: a record's rows reference the sources, ports and vessels written before it,
    // and a corrected record may cite a record new to the seed.
    for (const step of [insertNew, reviseOld]) {
      await step('source', seed.sources);
      await step('port', seed.ports);
      await step('vessel', seed.vessels);
      await step('voyage', seed.voyages);
      await step('observation', seed.observations);
      await step('claim', seed.claims);
    }
    await rerouteVoyagesAt(tx, movedPorts, routing);
  });
  return report;
}
