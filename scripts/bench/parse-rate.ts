/**
 * Parse-only rate of the track parsers: 1,000,000 seeded MarineCadastre rows (17 columns, as NOAA
 * writes them) written to a temporary file, then read back through parseTrack in 64 KiB chunks, as an
 * import reads an upload (best of 3). Prints rows/s and MB/s; writes bench-results/parse-rate.json.
 *
 * Run: npx tsx --conditions=react-server scripts/bench/parse-rate.ts [rows]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseTrack } from '../../lib/server/imports/formats';
import { mulberry32 } from './random';

const ROWS = Number(process.argv[2] ?? 1_000_000);
const SEED = 0x7a11;
const HEADER = 'MMSI,BaseDateTime,LAT,LON,SOG,COG,Heading,VesselName,IMO,CallSign,VesselType,Status,Length,Width,Draft,Cargo,TransceiverClass';
const root = path.resolve(__dirname, '../..');
const file = path.join(os.tmpdir(), `wakeline-parse-rate-${process.pid}.csv`);

/** 50 ships, one fix a minute each, wandering off Rajin; one row in 1,000 unusable (LAT 91). */
function writeSample(): void {
  const rand = mulberry32(SEED);
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, `${HEADER}\n`);
  const start = Date.UTC(2024, 0, 1);
  let lines: string[] = [];
  for (let i = 0; i < ROWS; i++) {
    const ship = i % 50;
    const time = new Date(start + Math.floor(i / 50) * 60_000).toISOString().slice(0, 19);
    const lat = i % 1000 === 999 ? '91.00000' : (42 + rand()).toFixed(5);
    const lon = (130 + rand() * 2).toFixed(5);
    const sog = (rand() * 15).toFixed(1);
    const cog = (rand() * 360).toFixed(1);
    lines.push(`${273318000 + ship},${time},${lat},${lon},${sog},${cog},511.0,SHIP ${ship},IMO${9361201 + ship},UBGF${ship},70,0,130,20,7.2,70,A`);
    if (lines.length === 10_000) {
      fs.writeSync(fd, `${lines.join('\n')}\n`);
      lines = [];
    }
  }
  if (lines.length > 0) fs.writeSync(fd, `${lines.join('\n')}\n`);
  fs.closeSync(fd);
}

async function parseOnce(): Promise<{ seconds: number; cpuSeconds: number; fixes: number; rejects: number }> {
  const t = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  let fixes = 0;
  let rejects = 0;
  for await (const batch of parseTrack(fs.createReadStream(file, { highWaterMark: 1 << 16 }), { format: 'csv' })) {
    for (const row of batch) {
      if ('point' in row) fixes++;
      else rejects++;
    }
  }
  const used = process.cpuUsage(cpu);
  return { seconds: Number(process.hrtime.bigint() - t) / 1e9, cpuSeconds: (used.user + used.system) / 1e6, fixes, rejects };
}

async function main(): Promise<void> {
  writeSample();
  const bytes = fs.statSync(file).size;
  try {
    const runs = [];
    for (let r = 0; r < 3; r++) runs.push(await parseOnce());
    const best = runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
    const cpu = os.cpus()[0];
    const result = {
      date: new Date().toISOString(),
      machine: { cpu: cpu?.model ?? 'unknown', cores: os.cpus().length, node: process.version },
      rows: ROWS,
      megabytes: +(bytes / 1e6).toFixed(1),
      timing: 'best of 3 runs',
      seconds: +best.seconds.toFixed(3),
      rowsPerSecond: Math.round(ROWS / best.seconds),
      megabytesPerSecond: +(bytes / 1e6 / best.seconds).toFixed(1),
      // CPU time (this process, GC threads included) says more than wall time on a shared machine.
      cpuSeconds: +best.cpuSeconds.toFixed(3),
      rowsPerCpuSecond: Math.round(ROWS / best.cpuSeconds),
      loadAverage: os.loadavg().map((n) => +n.toFixed(1)),
      fixes: best.fixes,
      rejects: best.rejects,
    };
    console.log(`parse-only (csv, MarineCadastre): ${ROWS.toLocaleString('en')} rows, ${result.megabytes} MB in ${result.seconds} s = ${result.rowsPerSecond.toLocaleString('en')} rows/s (${result.megabytesPerSecond} MB/s), ${result.rowsPerCpuSecond.toLocaleString('en')} rows per CPU second; ${best.fixes} fixes, ${best.rejects} rejects; load average ${result.loadAverage.join(' ')}`);
    fs.mkdirSync(path.join(root, 'bench-results'), { recursive: true });
    fs.writeFileSync(path.join(root, 'bench-results/parse-rate.json'), `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    fs.rmSync(file, { force: true });
  }
}

void main();
