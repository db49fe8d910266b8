/**
 * Geofence classification benchmark: 1,000,000 seeded positions over the region bbox, classified
 * by the naive turf scan and by the indexed classifier in the same run (best of 3 timings each). Prints positions/s, the
 * speed-up and the machine; checks both agree; writes bench-results/geofence.json (git-ignored).
 *
 * Run: npx tsx scripts/bench/geofence.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { classifyPositionsNaive, geofenceIndex, type GeofencedPort } from '../../lib/core/geo';
import { mulberry32 } from './random';

const N = 1_000_000;
const SEED = 0x5eed;
const BBOX = [127, 38.5, 136, 45] as const;
const root = path.resolve(__dirname, '../..');
const ports = (JSON.parse(fs.readFileSync(path.join(root, 'tests/fixtures/geo/ports.json'), 'utf8')) as { ports: GeofencedPort[] }).ports;


const rand = mulberry32(SEED);
const positions: [number, number][] = Array.from({ length: N }, () => [BBOX[0] + rand() * (BBOX[2] - BBOX[0]), BBOX[1] + rand() * (BBOX[3] - BBOX[1])]);

const RUNS = 3;
/** Best of RUNS wall-clock seconds (the machine is shared, so the minimum is the least noisy). */
function best<T>(fn: () => T): { value: T; seconds: number } {
  let value!: T;
  let seconds = Infinity;
  for (let r = 0; r < RUNS; r++) {
    const t = process.hrtime.bigint();
    value = fn();
    seconds = Math.min(seconds, Number(process.hrtime.bigint() - t) / 1e9);
  }
  return { value, seconds };
}

const naiveRun = best(() => classifyPositionsNaive(positions, ports));
const buildRun = best(() => geofenceIndex(ports));
const index = buildRun.value;
const indexedRun = best(() => index.classifyAll(positions));
const naive = naiveRun.value;
const indexed = indexedRun.value;

let mismatches = 0;
let inside = 0;
for (let i = 0; i < N; i++) {
  if (naive[i] !== indexed[i]) mismatches++;
  if (naive[i] !== null) inside++;
}
const naiveS = naiveRun.seconds;
const buildS = buildRun.seconds;
const indexedS = indexedRun.seconds;
const cpu = os.cpus()[0];
const result = {
  date: new Date().toISOString(),
  machine: { cpu: cpu?.model ?? 'unknown', cores: os.cpus().length, node: process.version, platform: `${os.platform()} ${os.arch()}` },
  positions: N,
  timing: `best of ${RUNS} runs each`,
  seed: SEED,
  ports: ports.length,
  insideAnyGeofence: inside,
  naive: { seconds: naiveS, positionsPerSecond: N / naiveS },
  indexed: { buildSeconds: buildS, seconds: indexedS, positionsPerSecond: N / indexedS },
  speedup: naiveS / indexedS,
  identical: mismatches === 0,
  mismatches,
};

console.log(`machine: ${result.machine.cpu}, ${result.machine.cores} cores, node ${result.machine.node}`);
console.log(`${N.toLocaleString('en')} positions (seed ${SEED}), ${ports.length} ports, ${inside} inside a geofence; best of ${RUNS} runs each`);
console.log(`naive turf scan: ${Math.round(result.naive.positionsPerSecond).toLocaleString('en')} positions/s (${naiveS.toFixed(3)} s)`);
console.log(`indexed:         ${Math.round(result.indexed.positionsPerSecond).toLocaleString('en')} positions/s (${indexedS.toFixed(3)} s, build ${(buildS * 1000).toFixed(2)} ms)`);
console.log(`speed-up: ${result.speedup.toFixed(1)}x; identical results: ${result.identical}`);

fs.mkdirSync(path.join(root, 'bench-results'), { recursive: true });
fs.writeFileSync(path.join(root, 'bench-results/geofence.json'), `${JSON.stringify(result, null, 2)}\n`);
if (mismatches > 0) {
  console.error(`FAIL: ${mismatches} positions classified differently`);
  process.exit(1);
}
