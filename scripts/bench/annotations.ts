/**
 * Annotation list benchmark (issue 9, finding 6): one voyage with 10,000 notes, against the
 * production build (server/index.mjs, as `npm start` serves it). What one dashboard's refresh costs
 * (answer bytes and time of the first page, of a refresh that sends back the ETag, of a changes
 * refresh), then 20 dashboards refreshing at once with autocannon: the first page each time, and
 * the refresh the dashboard actually makes (since= with If-None-Match: a 304 while nothing changed),
 * next to /api/health in the same run as the floor of any answer on this machine.
 *
 * Run: npx tsx --conditions=react-server scripts/bench/annotations.ts after `next build`
 */
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import seedVoyages from '../../data/seed/voyages.json';
import { openReadyDatabase } from '../../lib/server/db';
import { createAnnotation } from '../../lib/server/db/annotations';
import { createSession } from '../../lib/server/db/sessions';
import { immediateTransaction } from '../../lib/server/db/tx';
import { createUser } from '../../lib/server/db/users';
import { machine, root, startBenchServer } from './server';

const NOTES = Number(process.env.BENCH_NOTES || 10_000);
const READERS = 20;
const DURATION_S = Number(process.env.BENCH_SECONDS || 10);
const PORT = Number(process.env.BENCH_ANNOTATIONS_PORT || 3197);
const voyage = seedVoyages[0]!.id;
const listPath = `/api/voyages/${voyage}/annotations`;

let cookie = '';

/** 10,000 notes on one voyage by one editor, through the data layer (the API would rate-limit it). */
async function addNotes(file: string) {
  const db = await openReadyDatabase(file);
  const user = await createUser(db, { username: 'bench-editor', role: 'editor', password: 'bench password long enough' });
  cookie = `wakeline_session=${await createSession(db, user.id)}`;
  const actor = { id: user.id, username: user.username, role: 'editor' as const };
  const t0 = Date.now();
  await immediateTransaction(db, async (trx) => {
    for (let i = 0; i < NOTES; i++) {
      await createAnnotation(trx, actor, { type: 'voyage', id: voyage }, {
        kind: i % 7 === 0 ? 'question' : 'note',
        body: `Note ${i}: the ship was reported at the quay by a port agent; AIS was off for most of the passage, so the times are a window. See the imagery linked below.`,
        evidenceUrls: i % 3 === 0 ? [`https://example.org/imagery/${i}`] : [],
        location: i % 5 === 0 ? [131.9, 42.8] : null,
        parentId: null,
      });
    }
  });
  console.log(`added ${NOTES} notes on ${voyage} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  await db.destroy();
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** One reader's request, 15 times: status, bytes, median time. */
async function single(base: string, name: string, query: string, headers: Record<string, string> = {}) {
  const times: number[] = [];
  let status = 0;
  let bytes = 0;
  let etag: string | null = null;
  let body: { revision?: string } | null = null;
  for (let i = 0; i < 15; i++) {
    const t = performance.now();
    const res = await fetch(`${base}${listPath}${query}`, { headers: { cookie, 'accept-encoding': 'identity', ...headers } });
    const text = await res.text();
    times.push(performance.now() - t);
    ({ status } = res);
    bytes = Buffer.byteLength(text);
    etag = res.headers.get('etag');
    body = text ? (JSON.parse(text) as { revision?: string }) : null;
  }
  const r = { name, status, bytes, medianMs: Math.round(median(times) * 10) / 10 };
  console.log(`${name.padEnd(44)} ${status}  ${bytes.toLocaleString('en').padStart(10)} bytes  median ${r.medianMs} ms`);
  return { r, etag, body };
}

async function load(base: string, name: string, urlPath: string, headers: Record<string, string> = {}) {
  const res = await autocannon({
    url: `${base}${urlPath}`,
    connections: READERS,
    duration: DURATION_S,
    headers: { cookie, ...headers },
  });
  const r = {
    name,
    requestsPerSecond: Math.round(res.requests.average),
    p50Ms: res.latency.p50,
    p99Ms: res.latency.p99,
    bytesPerResponse: Math.round(res.throughput.average / Math.max(1, res.requests.average)),
    non2xx: res.non2xx,
  };
  console.log(`${name.padEnd(44)} ${String(r.requestsPerSecond).padStart(6)} req/s  p50 ${r.p50Ms} ms  p99 ${r.p99Ms} ms  ${r.bytesPerResponse} bytes/answer`);
  return r;
}

async function main() {
  const server = await startBenchServer(PORT, 0, addNotes);
  try {
    const first = await single(server.base, 'first page (default 50)', '');
    const revalidate = await single(server.base, 'refresh with If-None-Match', '', { 'if-none-match': first.etag ?? '' });
    const since = `?since=${encodeURIComponent(first.body?.revision ?? '')}`;
    const changes = await single(server.base, 'changes since the first page', since);
    const unchanged = await single(server.base, 'changes since, with If-None-Match', since, { 'if-none-match': changes.etag ?? '' });
    const max = await single(server.base, 'largest page (limit=200)', '?limit=200');
    const concurrent = [
      await load(server.base, `${READERS} readers: /api/health (the floor)`, '/api/health'),
      await load(server.base, `${READERS} readers: first page, no ETag`, listPath),
      await load(server.base, `${READERS} readers: dashboard refresh (304)`, `${listPath}${since}`, { 'if-none-match': changes.etag ?? '' }),
    ];
    const m = machine();
    console.log(`machine: ${m.cpu}, ${m.cores} cores, node ${m.node}, load ${m.loadavg.map((x) => x.toFixed(2)).join(' ')}`);
    fs.mkdirSync(path.join(root, 'bench-results'), { recursive: true });
    fs.writeFileSync(
      path.join(root, 'bench-results/annotations.json'),
      JSON.stringify({ notes: NOTES, readers: READERS, durationS: DURATION_S, machine: m, single: [first.r, revalidate.r, changes.r, unchanged.r, max.r], concurrent }, null, 2),
    );
  } finally {
    server.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
