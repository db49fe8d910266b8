/**
 * API benchmark: /api/voyages latency and throughput with 10,000 generated voyages, against the
 * production build (server/index.mjs, as `npm start` serves it), measured with autocannon at 50 connections.
 *
 * The voyages are generated into a temporary database (scripts/bench/server.ts).
 *
 * Run: npm run bench (or: npx tsx --conditions=react-server scripts/bench/api.ts)
 */
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { machine as machineInfo, root, startBenchServer } from './server';

const VOYAGES = 10_000;
const CONNECTIONS = 50;
const DURATION_S = Number(process.env.BENCH_SECONDS || 10);
const PORT = Number(process.env.BENCH_PORT || 3199);

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
  const server = await startBenchServer(PORT, VOYAGES);
  const total = server.voyages;
  try {
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
    const machine = machineInfo();
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
    server.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
