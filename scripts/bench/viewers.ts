/**
 * 200 concurrent viewers: 200 connections, each asking in turn for what a browser fetches when it
 * opens the dashboard (the page, then every API answer the page loads, as lib/client/api asks for
 * them) and for /api/health, the framework's floor, all in one run. 10,000 generated voyages, the
 * production build, autocannon; every request asks for a compressed answer, as browsers do.
 *
 * Each connection goes through every path, so whatever the server does to some connections (under
 * this load Node serves the connections opened first long before the last ones) falls on all the
 * paths alike, and each path's figures come from its own requests, timed from send to last byte.
 *
 * The target (issue 9): the page's p99 within 3× the /api/health p99 of the same run. On a shared
 * machine compare the ratios, not the milliseconds.
 *
 * Run: npm run bench (or: npx tsx --conditions=react-server scripts/bench/viewers.ts)
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { machine as machineInfo, root, startBenchServer } from './server';

const VOYAGES = 10_000;
const VIEWERS = 200;
const DURATION_S = Number(process.env.BENCH_SECONDS || 20);
const PORT = Number(process.env.BENCH_PORT || 3198);
const TARGET_RATIO = 3;
/**
 * Requests sent in the run's first seconds are left out of the figures: while 200 connections open
 * at once, the server answers the first ones many times before it takes up the last ones, and
 * each connection asks for the paths in the same order, so that wait would fall on whichever path
 * comes first. The longest of those waits is reported on its own.
 */
const SETTLE_S = 5;

const PATHS = [
  { name: 'framework floor', path: '/api/health' },
  { name: 'dashboard page', path: '/' },
  { name: 'voyages (map and list)', path: '/api/voyages/map' },
  { name: 'ports', path: '/api/ports' },
  { name: 'vessels', path: '/api/vessels' },
  { name: 'who is signed in', path: '/api/auth/me' },
  { name: 'basemap, land', path: '/api/basemap/land' },
  { name: 'basemap, world', path: '/api/basemap/world' },
];

const HEADERS = { accept: 'text/html,application/json;q=0.9,*/*;q=0.8', 'accept-encoding': 'gzip, deflate, br' };

/** The q-quantile of sorted values (nearest rank). */
const quantile = (sorted: number[], q: number) => (sorted.length ? sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]! : NaN);

/** Runs 200 viewers for `seconds`; each path's latencies (ms) and refused answers. */
async function run(base: string, seconds: number) {
  const latencies = new Map(PATHS.map((p) => [p.path, [] as number[]]));
  const start = performance.now();
  let slowestOpening = 0;
  const failures = new Map(PATHS.map((p) => [p.path, 0]));
  // One entry a path, asked in this order by every connection. The entry's setup runs just before
  // its request is written; its context lives for one round of the connection's requests.
  type Context = Record<string, number>;
  const requests: autocannon.Request[] = PATHS.map(({ path: p }) => ({
    method: 'GET',
    path: p,
    setupRequest: (req: autocannon.Request, context: object) => {
      (context as Context)[p] = performance.now();
      return req;
    },
    onResponse: (status: number, _body: string, context: object) => {
      const sent = (context as Context)[p]!;
      const ms = performance.now() - sent;
      if (sent - start >= SETTLE_S * 1000) latencies.get(p)!.push(ms);
      else slowestOpening = Math.max(slowestOpening, ms);
      if (status >= 400) failures.set(p, failures.get(p)! + 1);
    },
  }));
  const result = await autocannon({ url: base, connections: VIEWERS, duration: seconds, timeout: 120, headers: HEADERS, requests });
  const rows = PATHS.map(({ name, path: p }) => {
    const sorted = latencies.get(p)!.sort((a, b) => a - b);
    const ms = (x: number) => Math.round(x);
    return {
      name,
      path: p,
      requests: sorted.length,
      requestsPerSecond: Math.round((sorted.length / (seconds - SETTLE_S)) * 10) / 10,
      p50Ms: ms(quantile(sorted, 0.5)),
      p97_5Ms: ms(quantile(sorted, 0.975)),
      p99Ms: ms(quantile(sorted, 0.99)),
      maxMs: ms(sorted.at(-1) ?? NaN),
      failures: failures.get(p)!,
    };
  });
  return { rows, errors: result.errors, timeouts: result.timeouts, slowestOpeningMs: Math.round(slowestOpening) };
}

async function main() {
  const server = await startBenchServer(PORT, VOYAGES);
  try {
    // Warm up (JIT, statement cache, answer cache) with the same mix before measuring.
    await run(server.base, SETTLE_S + 1);
    const { rows: results, errors, timeouts, slowestOpeningMs } = await run(server.base, SETTLE_S + DURATION_S);
    console.log(`${VIEWERS} connections, each asking for every path in turn, ${DURATION_S} s measured after ${SETTLE_S} s, ${server.voyages} voyages`);
    for (const r of results) {
      console.log(
        `${`${r.name} ${r.path}`.padEnd(50)} ${String(r.requestsPerSecond).padStart(6)} req/s  p50 ${r.p50Ms} ms  p97.5 ${r.p97_5Ms} ms  p99 ${r.p99Ms} ms  ≥400: ${r.failures}`,
      );
    }
    console.log(`connection errors ${errors}, timeouts ${timeouts}; longest wait for an answer while the connections opened: ${slowestOpeningMs} ms`);
    const machine = machineInfo();
    console.log(`machine: ${machine.cpu}, ${machine.cores} cores, node ${machine.node}, load ${machine.loadavg.map((x) => x.toFixed(2)).join(' ')}`);
    const [health, page] = results as [(typeof results)[0], (typeof results)[0]];
    const ratio = page.p99Ms / health.p99Ms;
    console.log(`page p99 / health p99 = ${ratio.toFixed(2)} (target ≤ ${TARGET_RATIO})${ratio <= TARGET_RATIO ? '' : '  ✗ over target'}`);
    fs.mkdirSync(path.join(root, 'bench-results'), { recursive: true });
    fs.writeFileSync(
      path.join(root, 'bench-results/viewers.json'),
      JSON.stringify({ voyages: server.voyages, viewers: VIEWERS, durationS: DURATION_S, settleS: SETTLE_S, slowestOpeningMs, machine, pageToHealthP99: ratio, results }, null, 2),
    );
  } finally {
    server.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
