/**
 * GET /api/tracks on 1,000,000 imported positions (four vessels, scripts/bench/seed-positions.ts),
 * in this process through the route handler itself (no HTTP server: the figure is the server's
 * work), the body read to its end:
 * - JSON, cold: the first answer after the data changed (a write between runs moves the data
 *   version, as a completed import does);
 * - JSON, warm: the same answer again, data unchanged;
 * - GPX and KML downloads, with the time to their first chunk and the heap's growth.
 * Median of several runs each. Compare ratios, not absolute times, on a shared machine.
 *
 * Run: npx tsx --conditions=react-server scripts/bench/tracks-api.ts [positions] (or npm run bench;
 * BENCH_KEEP=1 keeps the database)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { seedPositions } from './seed-positions';
import { machine, root } from './server';

const POSITIONS = Number(process.argv[2] ?? process.env.BENCH_TRACKS_POSITIONS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_TRACKS_API_RUNS || 3);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wakeline-bench-tracks-api-'));
const file = path.join(dir, 'bench.sqlite');

type Handler = (request: Request, ctx: { params: Promise<Record<string, unknown>> }) => Promise<Response>;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** One request, its body read chunk by chunk: total ms, ms to the first chunk, bytes, heap growth. */
async function once(get: Handler, query: string) {
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const res = await get(new Request(`http://localhost/api/tracks${query}`), { params: Promise.resolve({}) });
  if (res.status !== 200) throw new Error(`GET /api/tracks${query}: ${res.status} ${await res.text()}`);
  const reader = res.body!.getReader();
  let firstMs = NaN;
  let bytes = 0;
  let heapPeak = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (Number.isNaN(firstMs)) firstMs = performance.now() - t0;
    bytes += value.byteLength;
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed - heap0);
  }
  return { ms: performance.now() - t0, firstMs, bytes, heapMB: heapPeak / 1e6 };
}

async function main() {
  process.env.DATABASE_URL = `file:${file}`;
  const { getDb } = await import('../../lib/server/db');
  await getDb(); // migrated and seeded: the ports, sources and vessels the positions need
  const t0 = Date.now();
  seedPositions(file, POSITIONS);
  console.log(`seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const get = (await import('../../app/api/tracks/route')).GET as unknown as Handler;
  // Another connection's write moves the data version, as an import's completion does.
  const writer = new Database(file);
  const touch = () => writer.prepare('update imports set heartbeat_at = heartbeat_at + 1').run();

  const figures: Record<string, { medianMs: number; firstChunkMs: number; MB: number; heapMB: number }> = {};
  const cases = [
    ['json cold', '', true],
    ['json warm', '', false],
    ['gpx', '?format=gpx', true],
    ['kml', '?format=kml', true],
  ] as const;
  for (const [name, query, cold] of cases) {
    // BENCH_TRACKS_API_ONLY=json runs the cases whose name contains it.
    if (!name.includes(process.env.BENCH_TRACKS_API_ONLY ?? '')) continue;
    await once(get, query); // warm-up (and, for "warm", the answer to reuse)
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      if (cold) touch();
      global.gc?.();
      runs.push(await once(get, query));
    }
    figures[name] = {
      medianMs: Math.round(median(runs.map((r) => r.ms))),
      firstChunkMs: Math.round(median(runs.map((r) => r.firstMs))),
      MB: Math.round(runs[0]!.bytes / 1e5) / 10,
      heapMB: Math.round(median(runs.map((r) => r.heapMB))),
    };
    console.log(`${name}: ${JSON.stringify(figures[name])}`);
  }
  writer.close();
  const m = machine();
  console.log(`machine: ${m.cpu}, ${m.cores} cores, node ${m.node}, load ${m.loadavg.map((x) => x.toFixed(2)).join(' ')}`);
  fs.mkdirSync(path.join(root, 'bench-results'), { recursive: true });
  fs.writeFileSync(path.join(root, 'bench-results/tracks-api.json'), JSON.stringify({ machine: m, positions: POSITIONS, runs: RUNS, figures }, null, 2));
  await (await getDb()).destroy();
  if (process.env.BENCH_KEEP) console.log(`kept ${file}`);
  else fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
