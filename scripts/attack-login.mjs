// @ts-check
/**
 * Re-runs the sign-in attacks of issue 9 (findings 1-3) against a running Wakeline server and
 * prints, for each, how many answers were 200, 401 and 429. Not part of `npm test`.
 *
 *   node scripts/attack-login.mjs <server URL> <username> <password>
 *   e.g.  node scripts/attack-login.mjs http://localhost:3000 ed 'correct horse battery'
 *
 * It creates no account: pass an existing test account (any role) and its password. It never
 * changes the account; it does leave failure counters in the server's database (forgotten a day
 * after the last failure), so do not aim it at an account people use.
 *
 * Each scenario speaks from its own loopback address (127.a.b.c, chosen at random per run, bound
 * as the source address of the TCP connection), so the server sees distinct clients and a rerun
 * starts afresh. So the server must run on this machine and listen on the loopback interface
 * (`npm start` does). Run it against `npm start` (server/index.mjs): under `next dev` or a plain
 * `next start` the app cannot know the socket's address and findings 2 and 3 come back.
 *
 * The scenarios and what a fixed server answers:
 *   1a  40 wrong passwords at once, one address          at most 5 × 401 (the free ones), the rest 429
 *   1b  30 wrong passwords and then the right one, at once   the right one is not signed in (429)
 *   2a  25 wrong guesses with a new X-Forwarded-For each, then the right password from the same
 *       socket with yet another X-Forwarded-For              20 × 401, then 429: the header is ignored
 *   2b  25 wrong guesses naming a victim's address in X-Forwarded-For, then the victim signs in
 *                                                        the victim gets 200
 *   3   6 wrong passwords from address A, then the right one from address B, then from A
 *                                                        B: 200 at once; A: 429
 */
import http from 'node:http';
import https from 'node:https';
import { randomInt } from 'node:crypto';

const [, , target, username, password] = process.argv;
if (!target || !username || !password) {
  console.error('usage: node scripts/attack-login.mjs <server URL> <username> <password>   (see the comment at the top)');
  process.exit(2);
}
const url = new URL('/api/auth/login', target);
const client = url.protocol === 'https:' ? https : http;
const prefix = `127.${randomInt(1, 255)}.${randomInt(1, 255)}`;
/** A loopback source address of its own for each scenario. */
const from = (n) => `${prefix}.${n}`;

/**
 * One sign-in attempt from the loopback address `source`, with an X-Forwarded-For if given.
 * @param {string} source @param {string} user @param {string} pass @param {string} [forwardedFor]
 * @returns {Promise<{ status: number, retryAfter: string | null }>}
 */
function attempt(source, user, pass, forwardedFor) {
  const body = JSON.stringify({ username: user, password: pass });
  /** @type {Record<string, string | number>} */
  const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
  if (forwardedFor) headers['x-forwarded-for'] = forwardedFor;
  return new Promise((resolve, reject) => {
    const req = client.request(url, { method: 'POST', headers, localAddress: source, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfter: /** @type {string | undefined} */ (res.headers['retry-after']) ?? null }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** @param {{ status: number, retryAfter: string | null }[]} answers */
function tally(answers) {
  /** @type {Record<string, number>} */
  const by = {};
  for (const a of answers) by[a.status] = (by[a.status] ?? 0) + 1;
  const missingRetry = answers.filter((a) => a.status === 429 && !a.retryAfter).length;
  return `${Object.entries(by).map(([s, n]) => `${n} × ${s}`).join(', ')}${missingRetry ? ` (${missingRetry} 429s without Retry-After!)` : ''}`;
}

const verdicts = [];
/** @param {string} name @param {boolean} ok @param {string} line */
function report(name, ok, line) {
  verdicts.push(ok);
  console.log(`${ok ? 'held  ' : 'BROKEN'}  ${name}: ${line}`);
}

const wrong = (i) => `wrong guess ${i} ${randomInt(1e9)}`;
const time = async (fn) => {
  const t = performance.now();
  const r = await fn();
  return { r, s: ((performance.now() - t) / 1000).toFixed(1) };
};

console.log(`sign-in attacks against ${url.href} as "${username}", from ${prefix}.x\n`);

{
  const { r, s } = await time(() => Promise.all(Array.from({ length: 40 }, (_, i) => attempt(from(1), username, wrong(i)))));
  const checked = r.filter((a) => a.status !== 429).length;
  report('1a 40 parallel wrong passwords', checked <= 5 && r.every((a) => a.status === 401 || a.status === 429), `${tally(r)} in ${s} s; ${checked} password checks`);
}
{
  const burst = Array.from({ length: 30 }, (_, i) => attempt(from(2), username, wrong(i)));
  const right = attempt(from(2), username, password);
  const { r, s } = await time(() => Promise.all([...burst, right]));
  const last = await right;
  report('1b 30 wrong + the right password at once', last.status !== 200, `${tally(r)} in ${s} s; the right password got ${last.status}`);
}
{
  const guesses = [];
  for (let i = 0; i < 25; i += 1) guesses.push(attempt(from(3), `nobody-${i}-${randomInt(1e9)}`, wrong(i), `10.${randomInt(256)}.${randomInt(256)}.${i}`));
  const { r, s } = await time(() => Promise.all(guesses));
  const then = await attempt(from(3), username, password, `10.99.${randomInt(256)}.1`);
  report('2a rotating X-Forwarded-For', then.status === 429, `${tally(r)} in ${s} s; then the right password got ${then.status}`);
}
{
  const victim = from(5);
  const guesses = Array.from({ length: 25 }, (_, i) => attempt(from(4), `nobody-${i}-${randomInt(1e9)}`, wrong(i), victim));
  const { r, s } = await time(() => Promise.all(guesses));
  const own = await attempt(victim, username, password);
  report(`2b forging the victim's address (${victim}) in X-Forwarded-For`, own.status === 200, `${tally(r)} in ${s} s; then the victim got ${own.status}`);
}
{
  const a = [];
  for (let i = 0; i < 6; i += 1) a.push(await attempt(from(6), username, wrong(i)));
  const fromB = await attempt(from(7), username, password);
  const fromA = await attempt(from(6), username, password);
  report(
    '3  lock-out attempt',
    fromB.status === 200 && fromA.status === 429,
    `6 wrong from A: ${tally(a)}; then the right password from B got ${fromB.status}, from A ${fromA.status}${fromA.retryAfter ? ` (Retry-After ${fromA.retryAfter})` : ''}`,
  );
}

const broken = verdicts.filter((ok) => !ok).length;
console.log(broken ? `\n${broken} of ${verdicts.length} attacks got through.` : `\nAll ${verdicts.length} attacks held.`);
process.exit(broken ? 1 : 0);
