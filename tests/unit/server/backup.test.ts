/**
 * The online backup: a copy made while another connection keeps committing is a consistent
 * snapshot (it opens, passes integrity_check) that holds every row committed before it started.
 */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDatabase, defaultBackupFile } from '@/lib/server/dataset/backup';
import { tempDbFile } from '../helpers';

const PAD = 'x'.repeat(400);
let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});

/** A WAL database with `rows` rows of about half a kilobyte, so a backup takes many steps. */
function makeSource(rows: number): { file: string; dir: string } {
  const tmp = tempDbFile('source');
  cleanups.push(tmp.cleanup);
  const db = new SQLite(tmp.file);
  db.pragma('journal_mode = WAL');
  db.exec('create table events (id integer primary key, body text not null); create table notes (id integer primary key, body text)');
  const insert = db.prepare('insert into events (body) values (?)');
  db.transaction(() => {
    for (let i = 0; i < rows; i += 1) insert.run(`${i} ${PAD}`);
  })();
  db.prepare("insert into notes (body) values ('kept')").run();
  db.close();
  return { file: tmp.file, dir: path.dirname(tmp.file) };
}

describe('backupDatabase', () => {
  it('copies a database another connection is writing to, consistently, with every row committed before it began', async () => {
    const { file, dir } = makeSource(4000);
    const writer = new SQLite(file);
    writer.pragma('busy_timeout = 5000');
    const insert = writer.prepare('insert into events (body) values (?)');
    const before = (writer.prepare('select max(id) as n from events').get() as { n: number }).n;
    let written = 0;
    let writing = true;
    // The writer commits between the backup's steps (both run on this thread's event loop).
    const loop = (async () => {
      while (writing) {
        insert.run(`during ${written} ${PAD}`);
        written += 1;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const dest = path.join(dir, 'copy.sqlite');
    const result = await backupDatabase(file, dest);
    writing = false;
    await loop;
    writer.close();

    expect(written, 'the writer committed while the backup ran').toBeGreaterThan(5);
    expect(result.file).toBe(dest);
    const copy = new SQLite(dest, { readonly: true, fileMustExist: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    const ids = new Set((copy.prepare('select id from events').all() as { id: number }[]).map((r) => r.id));
    for (let id = 1; id <= before; id += 1) expect(ids.has(id), `row ${id}`).toBe(true);
    expect(result.counts.events).toBe(ids.size);
    expect(result.counts.notes).toBe(1);
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    copy.close();
  });

  it('refuses to overwrite a file and names a missing source', async () => {
    const { file, dir } = makeSource(10);
    const dest = path.join(dir, 'taken.sqlite');
    fs.writeFileSync(dest, 'x');
    await expect(backupDatabase(file, dest)).rejects.toThrow(/exists already/);
    await expect(backupDatabase(path.join(dir, 'none.sqlite'), path.join(dir, 'b.sqlite'))).rejects.toThrow(/no database at/);
  });

  it('names the default file by the UTC time, under var/backups', () => {
    expect(defaultBackupFile(new Date('2026-11-28T02:40:05.123Z'))).toBe(path.join('var', 'backups', 'wakeline-20261128T024005Z.sqlite'));
  });
});
