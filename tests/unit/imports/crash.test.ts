/**
 * The crash test: an import killed with SIGKILL part-way (after it has committed batches of
 * positions) leaves nothing visible: no positions, events, drafts or source of it; after the sweep
 * it reads as interrupted and its rows are gone; the same file then imports completely.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/core/domain/permissions';
import { type DB, openReadyDatabase } from '@/lib/server/db';
import { createUser } from '@/lib/server/db/users';
import { sweepDeadImports } from '@/lib/server/imports/cleanup';
import { readEvents } from '@/lib/server/imports/events';
import { startImport } from '@/lib/server/imports/start';
import { readTracks } from '@/lib/server/imports/tracks';
import { tempDatabase } from '../helpers';
import { PORTS } from './track-files';
import { marineCadastreLines, syntheticTrack } from '@/lib/core/track';

const tmp = tempDatabase('crash');
const file = path.join(tmp.dir, 'big.csv');
let actor: Actor;

beforeAll(async () => {
  const db = await openReadyDatabase(tmp.target);
  const u = await createUser(db, { username: 'ada', role: 'admin', password: 'correct horse battery' });
  actor = { id: u.id, username: u.username, role: 'admin' };
  await db.destroy();
  // 100,000 fixes: five committed batches; no silences, so the final step is quick.
  const ships = syntheticTrack({ seed: 3, ports: PORTS, vessels: 2, fixesPerVessel: 50_000, gapProbability: 0 });
  fs.writeFileSync(file, `${[...marineCadastreLines(ships)].join('\n')}\n`);
});

afterAll(() => tmp.cleanup());

/** Runs `npm run import` on the file in a child process and SIGKILLs it once it reports `batches` batches. */
function importAndKill(batches: number): Promise<{ seen: number; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=react-server', 'scripts/import.ts', file], {
      cwd: process.cwd(),
      env: { ...process.env, DATABASE_URL: tmp.url },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let seen = 0;
    let text = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      text += chunk;
      seen = text.split('\n').filter((l) => l.startsWith('batch:')).length;
      if (seen >= batches) child.kill('SIGKILL');
    });
    child.on('error', reject);
    // Resolved once the child is reaped: its pid is gone, as after a real crash.
    child.on('exit', (_code, signal) => resolve({ seen, signal }));
  });
}

describe('an import killed part-way', () => {
  let db: DB;

  it('leaves no visible trace, reads as interrupted after the sweep, and can be imported again', async () => {
    const killed = await importAndKill(2);
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.seen).toBeGreaterThanOrEqual(2);

    db = await openReadyDatabase(tmp.target);
    try {
      const [left] = await db.selectFrom('imports').selectAll().execute();
      expect(left!.status).toBe('running');
      const onDisk = await db.selectFrom('positions').select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(Number(onDisk.n)).toBeGreaterThanOrEqual(40_000);
      // Committed rows are on disk, but nothing of the import is visible.
      expect(await readTracks(db, 'team')).toEqual([]);
      expect(await readEvents(db, 'team', {})).toEqual([]);
      expect(await db.selectFrom('sources').select('id').where('kind', '=', 'import').execute()).toEqual([]);
      expect(await db.selectFrom('vessels').select('id').where('status', '=', 'draft').execute()).toEqual([]);
      expect(await db.selectFrom('observations').select('id').where('status', '=', 'draft').execute()).toEqual([]);

      expect(await sweepDeadImports(db)).toEqual([left!.id]);
      const swept = await db.selectFrom('imports').selectAll().where('id', '=', left!.id).executeTakeFirstOrThrow();
      expect(swept.status).toBe('interrupted');
      expect(swept.finished_at).not.toBeNull();
      const after = await db.selectFrom('positions').select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(0);

      const again = await (await startImport(db, { file, fileName: 'big.csv', actor })).run();
      expect(again.status).toBe('done');
      expect(again.duplicateOf).toBeNull();
      expect(again.positionsAdded).toBe(again.rows);
      expect((await readTracks(db, 'team')).reduce((n, t) => n + t.t.length, 0)).toBe(again.rows);
    } finally {
      await db.destroy();
    }
  }, 300_000);
});
