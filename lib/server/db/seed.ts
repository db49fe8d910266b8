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
import { voyageRow } from './voyages';

type Tx = Transaction<Database>;
type RecordType = 'source' | 'port' | 'vessel' | 'voyage' | 'observation' | 'claim';

export interface SeedReport {
  inserted: Record<RecordType, number>;
  skipped: number;
}

async function alreadySeeded(tx: Tx, type: RecordType): Promise<Set<string>> {
  const rows = await tx.selectFrom('seed_log').select('record_id').where('record_type', '=', type).execute();
  return new Set(rows.map((r) => r.record_id));
}

async function linkSources(
  tx: Tx,
  table: 'port_sources' | 'vessel_sources' | 'voyage_sources' | 'observation_sources',
  recordId: string,
  sourceIds: readonly string[],
) {
  if (sourceIds.length === 0) return;
  await tx
    .insertInto(table)
    .values(sourceIds.map((source_id, position) => ({ record_id: recordId, source_id, position })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Checks cross-references the schema alone cannot see; throws naming every broken one. */
function checkSeedReferences(seed: Seed): void {
  const ids = {
    source: new Set(seed.sources.map((s) => s.id)),
    port: new Set(seed.ports.map((p) => p.id)),
    vessel: new Set(seed.vessels.map((v) => v.id)),
  };
  const problems: string[] = [];
  const need = (kind: keyof typeof ids, id: string | null, where: string) => {
    if (id !== null && !ids[kind].has(id)) problems.push(`${where}: unknown ${kind} "${id}"`);
  };
  for (const p of seed.ports) p.sourceIds.forEach((s) => need('source', s, `port ${p.id}`));
  for (const v of seed.vessels) {
    v.sourceIds.forEach((s) => need('source', s, `vessel ${v.id}`));
    v.sanctions.forEach((x) => x.sourceIds.forEach((s) => need('source', s, `vessel ${v.id} sanction`)));
  }
  for (const v of seed.voyages) {
    need('vessel', v.vesselId, `voyage ${v.id}`);
    need('port', v.originPortId, `voyage ${v.id}`);
    need('port', v.destinationPortId, `voyage ${v.id}`);
    v.sourceIds.forEach((s) => need('source', s, `voyage ${v.id}`));
  }
  for (const o of seed.observations) {
    need('vessel', o.vesselId, `observation ${o.id}`);
    need('port', o.portId, `observation ${o.id}`);
    o.sourceIds.forEach((s) => need('source', s, `observation ${o.id}`));
  }
  for (const c of seed.claims) {
    need('source', c.sourceId, `claim ${c.id}`);
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

    for (const s of await pending('source', seed.sources)) {
      await tx
        .insertInto('sources')
        .values({
          id: s.id,
          publisher: s.publisher,
          title: s.title,
          url: s.url,
          published_earliest: s.published?.earliest ?? null,
          published_latest: s.published?.latest ?? null,
          published_precision: s.published?.precision ?? null,
          published_as_reported: s.published?.asReported ?? null,
          kind: s.kind,
          access: s.access,
          notes: s.notes,
        })
        .onConflict((oc) => oc.doNothing())
        .execute();
      await log('source', s.id);
    }

    for (const p of await pending('port', seed.ports)) {
      await tx
        .insertInto('ports')
        .values({
          id: p.id,
          name: p.name,
          alt_names: JSON.stringify(p.altNames),
          country: p.country,
          unlocode: p.unlocode,
          wpi_number: p.wpiNumber,
          lon: p.position[0],
          lat: p.position[1],
          approximate: p.approximate ? 1 : 0,
          approximate_reason: p.approximateReason,
          geofence_radius_nm: p.geofenceRadiusNm,
          kind: p.kind,
          notes: p.notes,
        })
        .onConflict((oc) => oc.doNothing())
        .execute();
      await linkSources(tx, 'port_sources', p.id, p.sourceIds);
      await log('port', p.id);
    }

    for (const v of await pending('vessel', seed.vessels)) {
      await tx
        .insertInto('vessels')
        .values({
          id: v.id,
          name: v.name,
          former_names: JSON.stringify(v.formerNames),
          imo: v.imo,
          imo_verification: v.imoVerification,
          mmsi: v.mmsi,
          mmsi_verification: v.mmsiVerification,
          flag: v.flag,
          type: v.type,
          owner: v.owner,
          sanctions: JSON.stringify(v.sanctions),
          notes: v.notes,
        })
        .onConflict((oc) => oc.doNothing())
        .execute();
      await linkSources(tx, 'vessel_sources', v.id, v.sourceIds);
      await log('vessel', v.id);
    }

    for (const v of await pending('voyage', seed.voyages)) {
      await tx.insertInto('voyages').values(voyageRow(v, ports, routing())).onConflict((oc) => oc.doNothing()).execute();
      await linkSources(tx, 'voyage_sources', v.id, v.sourceIds);
      await log('voyage', v.id);
    }

    for (const o of await pending('observation', seed.observations)) {
      await tx
        .insertInto('observations')
        .values({
          id: o.id,
          vessel_id: o.vesselId,
          vessel_description: o.vesselDescription,
          port_id: o.portId,
          lon: o.position?.[0] ?? null,
          lat: o.position?.[1] ?? null,
          place_name: o.placeName,
          activity: o.activity,
          window_earliest: o.window.earliest,
          window_latest: o.window.latest,
          window_precision: o.window.precision,
          window_as_reported: o.window.asReported ?? null,
          notes: o.notes,
        })
        .onConflict((oc) => oc.doNothing())
        .execute();
      await linkSources(tx, 'observation_sources', o.id, o.sourceIds);
      await log('observation', o.id);
    }

    for (const c of await pending('claim', seed.claims)) {
      await tx
        .insertInto('claims')
        .values({
          id: c.id,
          source_id: c.sourceId,
          statement: c.statement,
          origin_port_id: c.originPortId,
          destination_port_id: c.destinationPortId,
          period_earliest: c.period?.earliest ?? null,
          period_latest: c.period?.latest ?? null,
          period_precision: c.period?.precision ?? null,
          period_as_reported: c.period?.asReported ?? null,
          min_count: c.minCount,
          count_unit: c.countUnit,
          notes: c.notes,
        })
        .onConflict((oc) => oc.doNothing())
        .execute();
      if (c.vesselIds.length) {
        await tx
          .insertInto('claim_vessels')
          .values(c.vesselIds.map((vessel_id) => ({ claim_id: c.id, vessel_id })))
          .onConflict((oc) => oc.doNothing())
          .execute();
      }
      await log('claim', c.id);
    }
  });
  return report;
}
