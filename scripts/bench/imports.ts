/**
 * Import bench: 1,000,000 MarineCadastre rows (lib/core/track's seeded generator: 50 ships calling
 * at the seeded ports along the basemap's sea routes, with silences) imported with detection into
 * a fresh temporary database, in a child process (scripts/bench/import-child.ts) so that its peak
 * RSS is the import's alone; beside it, the parse-only rate of the same file by the same parser in
 * the same run. Targets (issue 12): ≤ 10 s, ≤ 500 MB, import ≥ 1/3 of the parse-only rate.
 * Writes bench-results/imports.json.
 *
 * Run: npx tsx --conditions=react-server scripts/bench/imports.ts [rows]
 * (BENCH_CPU_PROF=DIR also writes the import's CPU profile to DIR)
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import seedPorts from '../../data/seed/ports.json';
import { marineCadastreLines, syntheticTrack } from '../../lib/core/track';
import { basemapRouting } from '../../lib/server/basemap/router';
import { openReadyDatabase } from '../../lib/server/db';
import { createUser } from '../../lib/server/db/users';
import { parseTrack } from '../../lib/server/imports/formats';

const ROWS = Number(process.argv[2] ?? 1_000_000);
const SHIPS = 50;
const root = path.resolve(__dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wakeline-bench-imports-'));
const file = path.join(dir, 'marinecadastre.csv');
const dbFile = path.join(dir, 'bench.sqlite');

function writeSample(): void {
  const ports = seedPorts.map((p) => ({ id: p.id, position: p.position as [number, number], geofenceRadiusNm: p.geofenceRadiusNm }));
  const route = (from: [number, number], to: [number, number]) => basemapRouting().drawRoute(from, to).coordinates;
  const ships = syntheticTrack({ seed: 12, ports, vessels: SHIPS, fixesPerVessel: Math.ceil(ROWS / SHIPS), route });
  const fd = fs.openSync(file, 'w');
  let lines: string[] = [];
  let written = -1; // the header is not a row
  for (const line of marineCadastreLines(ships)) {
    if (written >= ROWS) break;
    lines.push(line);
    written++;
    if (lines.length === 10_000) {
      fs.writeSync(fd, `${lines.join('\n')}\n`);
      lines = [];
    }
  }
  if (lines.length > 0) fs.writeSync(fd, `${lines.join('\n')}\n`);
  fs.closeSync(fd);
}

async function parseOnly(): Promise<{ seconds: number; rows: number }> {
  const t = process.hrtime.bigint();
  let rows = 0;
  // The same parser and the same 1 MiB reads as the import (lib/server/imports/run.ts).
  for await (const batch of parseTrack(fs.createReadStream(file, { highWaterMark: 1 << 20 }), { format: 'csv' })) rows += batch.length;
  return { seconds: Number(process.hrtime.bigint() - t) / 1e9, rows };
}

async function main(): Promise<void> {
  try {
    writeSample();
    const db = await openReadyDatabase(dbFile);
    await createUser(db, { username: 'bench', role: 'admin', password: 'correct horse battery' });
    await db.destroy();
    const parse = await parseOnly();
    // BENCH_CPU_PROF=DIR writes the child's V8 CPU profile there (open it in Chrome's DevTools).
    const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] : [];
    const out = execFileSync(process.execPath, [...profile, '--import', 'tsx', '--conditions=react-server', 'scripts/bench/import-child.ts', file], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: `file:${dbFile}` },
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    const imp = JSON.parse(out.trim().split('\n').pop()!) as { seconds: number; cpuSeconds: number; maxRssMegabytes: number; rows: number; status: string };
    const result = {
      date: new Date().toISOString(),
      machine: { cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, node: process.version },
      loadAverage: os.loadavg().map((n) => +n.toFixed(1)),
      rows: ROWS,
      megabytes: +(fs.statSync(file).size / 1e6).toFixed(1),
      parseOnly: { seconds: +parse.seconds.toFixed(2), rowsPerSecond: Math.round(parse.rows / parse.seconds) },
      import: { ...imp, seconds: +imp.seconds.toFixed(2), rowsPerSecond: Math.round(imp.rows / imp.seconds), maxRssMegabytes: Math.round(imp.maxRssMegabytes) },
      importShareOfParseRate: +(parse.seconds / imp.seconds).toFixed(2),
      targets: { seconds: 10, maxRssMegabytes: 500, importShareOfParseRate: 1 / 3 },
    };
    console.log(
      `imports: ${ROWS.toLocaleString('en')} rows (${result.megabytes} MB) imported with detection in ${result.import.seconds} s (target ≤ 10), peak RSS ${result.import.maxRssMegabytes} MB (≤ 500); parse-only ${result.parseOnly.seconds} s: the import runs at ${result.importShareOfParseRate} of the parse rate (≥ 0.33); status ${imp.status}; load average ${result.loadAverage.join(' ')}`,
    );
    fs.mkdirSync(path.join(root, 'bench-results'), { recursive: true });
    fs.writeFileSync(path.join(root, 'bench-results/imports.json'), `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
