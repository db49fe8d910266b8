// @ts-check
/**
 * Re-runs the large-body attack of issue 9 (finding 5) against a running Wakeline server on this
 * machine and prints each answer's status and how the server's memory moved. Not part of `npm test`.
 *
 *   node scripts/attack-bodies.mjs <server URL> <server pid>
 *   e.g.  node scripts/attack-bodies.mjs http://127.0.0.1:3000 "$(pgrep -f server/index.mjs)"
 *
 * The pid is the process serving the app (`node server/index.mjs`, which `npm start` runs): its
 * resident memory is read from /proc/<pid>/status every 50 ms while the bodies are sent.
 *
 * Scenarios, all anonymous, and what a fixed server answers:
 *   5a  10 POSTs at once to /api/auth/login, each streaming 200 MB (chunked, no length)
 *                                        413 each, after ~256 KiB read; memory flat
 *   5b  one POST declaring Content-Length: 600 MB                 413 at once, nothing read
 *   5c  the same 10 × 200 MB to /api/dataset/import              401 (no session) or 413
 * An unfixed server read each body whole before its size check: +~580 MB for one 200 MB body,
 * and a 500 for 600 MB.
 */
import fs from 'node:fs';
import http from 'node:http';

const [, , target, pidArg] = process.argv;
if (!target || !pidArg) {
  console.error('usage: node scripts/attack-bodies.mjs <server URL> <server pid>');
  process.exit(2);
}
const base = new URL(target);
const pid = Number(pidArg);

/** Resident memory of the server, in MB. */
function rssMb() {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/**
 * One POST: streams `bytes` (chunked) or declares `declared` bytes and sends a few; resolves with
 * the status and how many body bytes were written before the server answered or closed.
 * @param {string} path @param {{ bytes?: number, declared?: number }} o
 */
function post(path, o) {
  return new Promise((resolve) => {
    const headers = { 'Content-Type': 'application/json', ...(o.declared ? { 'Content-Length': String(o.declared) } : {}) };
    const req = http.request({ host: base.hostname, port: base.port, path, method: 'POST', headers });
    let written = 0;
    let status = 0;
    let stop = false;
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    req.on('response', (res) => {
      status = res.statusCode ?? 0;
      stop = true;
      res.resume();
      res.on('end', () => resolve({ status, written }));
    });
    req.on('error', (err) => {
      if (!status) console.error(`  ${path}: ${err.message}`);
      resolve({ status: status || -1, written });
    });
    // A declared body: a little of it, then wait for the answer (the server should not wait for the rest).
    const total = o.declared ? 64 * 1024 : (o.bytes ?? 0);
    const pump = () => {
      while (!stop && written < total) {
        written += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!stop && !o.declared) req.end();
    };
    req.write('{"username":"x","password":"');
    pump();
  });
}

async function scenario(name, run) {
  const before = rssMb();
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, rssMb())), 50);
  const t0 = Date.now();
  const results = await run();
  clearInterval(timer);
  const after = rssMb();
  const statuses = results.reduce((m, r) => ((m[r.status] = (m[r.status] ?? 0) + 1), m), {});
  const sent = results.reduce((s, r) => s + r.written, 0) / 1024 / 1024;
  console.log(
    `${name}: statuses ${JSON.stringify(statuses)}; ${sent.toFixed(1)} MB sent before the answers; ` +
      `server RSS ${before.toFixed(0)} → peak ${peak.toFixed(0)} → ${after.toFixed(0)} MB (peak +${(peak - before).toFixed(0)} MB) in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
}

const MB200 = 200 * 1024 * 1024;
await scenario('5a 10 × 200 MB chunked to /api/auth/login', () => Promise.all(Array.from({ length: 10 }, () => post('/api/auth/login', { bytes: MB200 }))));
await scenario('5b 600 MB declared to /api/auth/login', () => Promise.all([post('/api/auth/login', { declared: 600 * 1024 * 1024 })]));
await scenario('5c 10 × 200 MB chunked to /api/dataset/import', () => Promise.all(Array.from({ length: 10 }, () => post('/api/dataset/import', { bytes: MB200 }))));
