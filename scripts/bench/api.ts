/**
 * API benchmark: /api/voyages latency and throughput with 10,000 generated voyages, against the
 * production build (`next start`), measured with autocannon at 50 connections.
 *
 * The generated voyages use the seeded ports, vessels and sources with random (fixed-seed) dates
 * and are written to a temporary database: nothing here touches var/ or the seed files.
 *
 * Run: npm run bench (or: npx tsx --conditions=react-server scripts/bench/api.ts)
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { openReadyDatabase } from '../../lib/server/db';
import { basemapRouting } from '../../lib/server/basemap/router';
import { portFromRow } from '../../lib/server/db/rows';
import { voyageRow } from '../../lib/server/db/voyages';
import type { VoyageRouting } from '../../lib/core/domain/voyage';
import type { Port } from '../../lib/core/domain/schemas';
import { mulberry32 } from './random';

const VOYAGES = 10_000;
const CONNECTIONS = 50;
const DURATION_S = Number(process.env.BENCH_SECONDS || 10);
const PORT = Number(process.env.BENCH_PORT || 3199);
const root = path.resolve(__dirname, '../..');

async function generate(file: string) {
  const db = await openReadyDatabase(file);
  const ports = await db.selectFrom('ports').selectAll().execute();
  const vessels = (await db.selectFrom('vessels').select('id').execute()).map((v) => v.id);
  const sources = (await db.selectFrom('sources').select('id').execute()).map((s) => s.id);
  const portMap = new Map<string, Port>(ports.map((p) => [p.id, portFromRow(p, [])]));
  // Routes are the same for every voyage between a pair of ports: draw each pair once. Rows are
  // then assembled exactly as the seed assembles them.
  const base = basemapRouting();
  const routes = new Map<string, ReturnType<VoyageRouting['drawRoute']>>();
  const routing: VoyageRouting = {
    land: base.land,
    drawRoute: (from, to) => {
      const key = `${from.join(',')}>${to.join(',')}`;
      let r = routes.get(key);
      if (!r) routes.set(key, (r = base.drawRoute(from, to)));
      return r;
    },
  };
  const main = ['rajin', 'dunai', 'vostochny', 'vladivostok'];
  const rand = mulberry32(20231013);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)] as T;
  const day = (t: number) => new Date(t).toISOString().slice(0, 10);
  const start = Date.UTC(2023, 7, 1);
  const span = Date.UTC(2025, 11, 31) - start;
  const rows: ReturnType<typeof voyageRow>[] = [];
  const links: { record_id: string; source_id: string; position: number }[] = [];
  for (let i = 0; i < VOYAGES; i++) {
    const origin = pick(main);
    let destination = pick(main);
    while (destination === origin) destination = pick(main);
    const dep = start + Math.floor(rand() * span);
    const depWidth = Math.floor(rand() * 10) * 86_400_000;
    const arr = dep + depWidth + Math.floor(1 + rand() * 6) * 86_400_000;
    const id = `bench-${String(i).padStart(5, '0')}`;
    rows.push(
      voyageRow(
        {
          id,
          vesselId: rand() < 0.2 ? null : pick(vessels),
          originPortId: origin,
          destinationPortId: destination,
          departure: { earliest: day(dep), latest: day(dep + depWidth), precision: 'day' },
          arrival: { earliest: day(arr), latest: day(arr + 2 * 86_400_000), precision: 'day' },
          observedRoute: null,
          cargo: null,
          confidence: rand() < 0.7 ? 'reported' : 'corroborated',
          basis: null,
          identification: null,
          sourceIds: ['x'],
          notes: null,
        },
        portMap,
        routing,
      ),
    );
    const n = 1 + Math.floor(rand() * 3);
    const chosen = new Set<string>();
    while (chosen.size < n) chosen.add(pick(sources));
    [...chosen].forEach((source_id, position) => links.push({ record_id: id, source_id, position }));
  }
  await db.transaction().execute(async (tx) => {
    for (let i = 0; i < rows.length; i += 500) await tx.insertInto('voyages').values(rows.slice(i, i + 500)).execute();
    for (let i = 0; i < links.length; i += 500) await tx.insertInto('voyage_sources').values(links.slice(i, i + 500)).execute();
  });
  const total = await db.selectFrom('voyages').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  await db.destroy();
  return Number(total.n);
}

async function waitForHealth(url: string, child: ChildProcess) {
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('server did not become healthy in 60 s');
}

interface Scenario {
  name: string;
  path: string;
  /** A different offset on every request, so that no answer comes from the cache. */
  uncached?: boolean;
}

async function measure(s: Scenario) {
  let n = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${PORT}${s.path}`,
    connections: CONNECTIONS,
    duration: DURATION_S,
    requests: s.uncached ? [{ setupRequest: (req) => ({ ...req, path: `${s.path}&offset=${n++ % 9_900}` }) }] : undefined,
  });
  const bytes = result.throughput.average / Math.max(result.requests.average, 1);
  return {
    name: s.name,
    path: s.path,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p90Ms: result.latency.p90,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    bytesPerResponse: Math.round(bytes),
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wakeline-bench-'));
  const file = path.join(dir, 'bench.sqlite');
  const t0 = Date.now();
  const total = await generate(file);
  console.log(`generated ${total} voyages in ${((Date.now() - t0) / 1000).toFixed(1)} s → ${file}`);

  const child = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(PORT), '-H', '127.0.0.1'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `file:${file}`, NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitForHealth(`http://127.0.0.1:${PORT}/api/health`, child);
    const scenarios: Scenario[] = [
      { name: 'framework floor: /api/health', path: '/api/health' },
      { name: 'list, first page (100, default)', path: '/api/voyages' },
      { name: 'list, 100 per page, deep offset', path: '/api/voyages?limit=100&offset=9000' },
      { name: 'list, 100 per page, never cached', path: '/api/voyages?limit=100', uncached: true },
      { name: 'filtered: vessel + port + dates', path: '/api/voyages?vessel=lady-r&port=rajin&from=2024-01-01&to=2024-06-30' },
      { name: 'map layer: GeoJSON, 1000 routes', path: '/api/voyages?format=geojson&limit=1000' },
      { name: 'one voyage', path: '/api/voyages/bench-05000' },
    ];
    // Warm up the server (JIT, statement cache) before measuring.
    await autocannon({ url: `http://127.0.0.1:${PORT}/api/voyages`, connections: 10, amount: 200 });
    const results = [];
    for (const s of scenarios) {
      const r = await measure(s);
      results.push(r);
      console.log(
        `${r.name.padEnd(36)} ${String(r.requestsPerSecond).padStart(6)} req/s  p50 ${r.p50Ms} ms  p99 ${r.p99Ms} ms  ${(r.bytesPerResponse / 1024).toFixed(0)} KiB  non-2xx ${r.non2xx}`,
      );
    }
    const machine = { cpu: os.cpus()[0]?.model, cores: os.cpus().length, node: process.version, loadavg: os.loadavg() };
    console.log(`machine: ${machine.cpu}, ${machine.cores} cores, node ${machine.node}, load ${machine.loadavg.map((x) => x.toFixed(2)).join(' ')}`);
    const floor = results[0]!;
    for (const r of results.slice(1)) {
      console.log(`${r.name.padEnd(36)} p99 ${(r.p99Ms / floor.p99Ms).toFixed(2)}× the framework floor, ${(r.requestsPerSecond / floor.requestsPerSecond).toFixed(2)}× its throughput`);
    }
    console.log(`target: p99 < 50 ms at ${CONNECTIONS} connections for /api/voyages`);
    fs.mkdirSync(path.join(root, 'bench-results'), { recursive: true });
    fs.writeFileSync(
      path.join(root, 'bench-results/api.json'),
      JSON.stringify({ voyages: total, connections: CONNECTIONS, durationS: DURATION_S, machine, results }, null, 2),
    );
  } finally {
    child.kill('SIGTERM');
    if (!process.env.BENCH_KEEP) fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
