/**
 * Track files for the import tests: synthetic MarineCadastre CSVs (lib/core/track's seeded
 * generator) along the basemap's sea routes between seeded ports, written to a temporary folder.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import seedPorts from '@/data/seed/ports.json';
import { marineCadastreLines, syntheticTrack } from '@/lib/core/track';
import type { SyntheticVessel } from '@/lib/core/track/syntheticTrack';
import { basemapRouting } from '@/lib/server/basemap/router';
import type { DB } from '@/lib/server/db';

export const PORTS = seedPorts.map((p) => ({ id: p.id, position: p.position as [number, number], geofenceRadiusNm: p.geofenceRadiusNm }));

const seaRoute = (from: [number, number], to: [number, number]) => basemapRouting().drawRoute(from, to).coordinates;

/** Synthetic vessels sailing `itinerary` along the sea routes, with MMSIs from 445000001 on. */
export function vessels(opts: { seed: number; count: number; itinerary?: string[]; fixesPerVessel?: number; gapProbability?: number }): SyntheticVessel[] {
  return syntheticTrack({
    seed: opts.seed,
    ports: PORTS,
    vessels: opts.count,
    itinerary: opts.itinerary,
    fixesPerVessel: opts.fixesPerVessel,
    gapProbability: opts.gapProbability,
    route: seaRoute,
  });
}

/** Writes the vessels as a MarineCadastre CSV (extra raw lines appended) and answers its path. */
export function writeCsv(dir: string, name: string, ships: (SyntheticVessel & { imo?: string })[], extraLines: string[] = []): string {
  const file = path.join(dir, name);
  const lines = [...marineCadastreLines(ships), ...extraLines];
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** Writes an import left `running` by `owner` (a process id, perhaps dead) with three stored positions, as a crash leaves one. */
export async function insertLeftRunning(db: DB, owner: string): Promise<{ id: string; seq: number }> {
  const id = randomUUID();
  await db
    .insertInto('imports')
    .values({ id, file_name: 'left.csv', format: 'csv', checksum: randomUUID(), size_bytes: 1, status: 'running', vessel_ids: '[]', created_at: new Date().toISOString(), owner, heartbeat_at: Date.now() })
    .execute();
  const { seq } = await db.selectFrom('imports').select('seq').where('id', '=', id).executeTakeFirstOrThrow();
  await db
    .insertInto('positions')
    .values([1, 2, 3].map((k) => ({ vessel_id: 'angara', t: k * 60_000, import_seq: seq, lon: 130, lat: 42, sog: null, cog: null })))
    .execute();
  return { id, seq };
}
