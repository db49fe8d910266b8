/**
 * Track files for the import tests: synthetic MarineCadastre CSVs (lib/core/track's seeded
 * generator) along the basemap's sea routes between seeded ports, written to a temporary folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import seedPorts from '@/data/seed/ports.json';
import { marineCadastreLines, syntheticTrack } from '@/lib/core/track';
import type { SyntheticVessel } from '@/lib/core/track/syntheticTrack';
import { basemapRouting } from '@/lib/server/basemap/router';

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
