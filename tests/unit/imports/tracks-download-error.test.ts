/**
 * A GPX or KML download that fails part-way (here the positions table goes away while the tracks
 * are streamed: a real SQLite error, thrown by the generator between two tracks) must fail for the
 * client, not end cleanly as a file that looks whole but lacks tracks: the response's stream
 * errors, and Next.js's pipe to the socket (pipeToNodeResponse, what its sendResponse uses) then
 * cuts the connection before the chunked body's end.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { sql } from 'kysely';
import { pipeToNodeResponse } from 'next/dist/server/pipe-readable';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { openTeamDatabase } from '../helpers';
import { vessels, writeCsv } from './track-files';

type Handler = (request: Request, ctx: { params: Promise<Record<string, unknown>> }) => Promise<Response>;
let team: Awaited<ReturnType<typeof openTeamDatabase>>;
let tracksGet: Handler;

const download = (format: 'gpx' | 'kml') =>
  tracksGet(new Request(`http://localhost/api/tracks?format=${format}`, { headers: { cookie: team.cookies.editor } }), { params: Promise.resolve({}) });

/** Takes the positions away (and puts them back after the test): the next read of a track throws "no such table". */
async function breakPositions(broken: boolean) {
  const { getDb } = await import('@/lib/server/db');
  const [from, to] = broken ? ['positions', 'positions_gone'] : ['positions_gone', 'positions'];
  await sql.raw(`alter table ${from} rename to ${to}`).execute(await getDb());
}
let broken = false;
let dir: string;

beforeAll(async () => {
  team = await openTeamDatabase('tracks-download-error');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wakeline-files-'));
  const { getDb } = await import('@/lib/server/db');
  const { startImport } = await import('@/lib/server/imports/start');
  const file = writeCsv(dir, 'four.csv', vessels({ seed: 11, count: 4, itinerary: ['rajin', 'dunai'], fixesPerVessel: 200 }));
  const started = await startImport(await getDb(), { file, fileName: 'four.csv', actor: { id: team.ids.editor, username: 'ed', role: 'editor' } });
  expect((await started.run()).status).toBe('done');
  tracksGet = (await import('@/app/api/tracks/route')).GET as unknown as Handler;
}, 120_000);

afterEach(async () => {
  if (broken) await breakPositions(false);
  broken = false;
});

afterAll(async () => {
  await team.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

for (const [format, end, trackEnd] of [
  ['gpx', '</gpx>', '</trk>'],
  ['kml', '</kml>', '</Placemark>'],
] as const) {
  // Each track (on PostgreSQL, each batch of tracks) is read as the stream reaches it.
  it(`${format}: the stream errors when reading a track fails after others were sent`, async () => {
    const whole = await (await download(format)).text();
    expect(whole.split(trackEnd)).toHaveLength(5);
    expect(whole.trimEnd().endsWith(end)).toBe(true);

    const res = await download(format);
    expect(res.status).toBe(200);
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    while (!text.includes(trackEnd)) {
      const { done, value } = await reader.read();
      expect(done).toBe(false);
      text += value;
    }
    await breakPositions((broken = true));
    // The stream may have read one track ahead; the next read of a track fails.
    const rest = (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return 'ended';
        text += value;
      }
    })();
    await expect(rest).rejects.toThrow(/no such table: positions|relation "positions" does not exist/);
    expect(text.split(trackEnd).length - 1).toBeGreaterThanOrEqual(1);
    expect(text.split(trackEnd).length - 1).toBeLessThan(4);
    expect(text).not.toContain(end);
  });
}

it('over HTTP through Next.js’s pipe: the client sees the connection cut, not the end of a chunked body', async () => {
  const server = http.createServer((req, res) => {
    void (async () => {
      const answer = await download('gpx');
      // Once the route has answered (headers, the vessels read), before the first track is read.
      await breakPositions((broken = true));
      res.writeHead(answer.status, Object.fromEntries(answer.headers));
      // On the wire now, as a long answer's are once its first piece goes: otherwise the headers
      // wait for that piece, and a stream that errors before it cuts the connection with no status
      // at all (it happened on PostgreSQL in CI, where the first batch of tracks is read later).
      res.flushHeaders();
      // Next.js's pipe rejects as well; what the client sees is its own doing (it aborts the socket).
      await pipeToNodeResponse(answer.body!, res).catch(() => undefined);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const outcome = await new Promise<{ status?: number; body: string; ended: boolean; error?: string }>((resolve) => {
      const got = { status: undefined as number | undefined, body: '', ended: false };
      http
        .get(`http://127.0.0.1:${port}/`, (res) => {
          got.status = res.statusCode;
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (got.body += chunk));
          res.on('end', () => resolve({ ...got, ended: true }));
          res.on('error', (err) => resolve({ ...got, error: err.message }));
        })
        .on('error', (err) => resolve({ ...got, error: err.message }));
    });
    expect(outcome.status).toBe(200);
    // The header piece, already queued when the stream errored, is dropped with it (the Streams standard).
    expect(outcome.body).not.toContain('</gpx>');
    expect(outcome.ended).toBe(false);
    expect(outcome.error).toBeTruthy();
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});
