/**
 * A million imported positions for the benches (tracks-map, tracks-api): four seeded vessels'
 * synthetic tracks (lib/core/track/syntheticTrack, fixed seed, ±30 m of weave at sea so that
 * simplification has work to do), written straight into a migrated and seeded database file as one
 * completed import, faster than an import would.
 */
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { syntheticTrack } from '../../lib/core/track/syntheticTrack';
import { mulberry32 } from './random';

const VESSELS = ['angara', 'maria', 'maia-1', 'lady-r'];

/** Writes the positions as one completed import of a published source, for four published vessels. */
export function seedPositions(file: string, positions: number): void {
  const db = new Database(file);
  try {
    const ports = db.prepare("select id, lon, lat, geofence_radius_nm as r from ports where id in ('rajin', 'dunai', 'vostochny', 'vladivostok', 'nakhodka')").all() as {
      id: string;
      lon: number;
      lat: number;
      r: number;
    }[];
    const vessels = syntheticTrack({
      seed: 20240206,
      ports: ports.map((p) => ({ id: p.id, position: [p.lon, p.lat], geofenceRadiusNm: p.r })),
      vessels: VESSELS.length,
      fixesPerVessel: Math.ceil(positions / VESSELS.length),
    });
    const source = db.prepare("select id from sources where status = 'published' and deleted_at is null order by id limit 1").get() as { id: string };
    const now = new Date().toISOString();
    const seq = db
      .prepare(
        `insert into imports (id, file_name, format, checksum, size_bytes, status, vessel_ids, created_at, finished_at, source_id, owner, heartbeat_at)
         values (?, 'bench.csv', 'csv', ?, 1, 'done', ?, ?, ?, ?, 'bench', 0)`,
      )
      .run(randomUUID(), randomUUID(), JSON.stringify(VESSELS), now, now, source.id).lastInsertRowid;
    const put = db.prepare('insert or ignore into positions (vessel_id, t, import_seq, lon, lat, sog, cog) values (?, ?, ?, ?, ?, ?, ?)');
    const rand = mulberry32(7);
    let written = 0;
    db.transaction(() => {
      vessels.forEach((v, k) => {
        for (const p of v.points) {
          if (written >= positions) return;
          // A ship weaves: ±30 m at sea (none in port, where the generator already jitters the berth).
          const weave = p.sog !== null && p.sog > 1 ? 0.0003 : 0;
          put.run(VESSELS[k], p.t, seq, p.lon + (rand() - 0.5) * 2 * weave, p.lat + (rand() - 0.5) * 2 * weave, p.sog, p.cog);
          written++;
        }
      });
    })();
    console.log(`wrote ${written} positions for ${VESSELS.length} vessels`);
  } finally {
    db.close();
  }
}
