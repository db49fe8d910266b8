/**
 * A consistent copy of the SQLite database while the server keeps writing, through SQLite's
 * online backup API (better-sqlite3's `db.backup`). The copying connection holds one read
 * transaction from before the first page to after the last: in WAL mode that pins a snapshot, so
 * the copy is the database as of that moment however many commits land meanwhile, and the row
 * counts taken in the same transaction are what the copy must hold.
 */
import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';

export interface BackupResult {
  file: string;
  /** Rows per table in the copy (equal to the source's at the snapshot). */
  counts: Record<string, number>;
}

/** Pages copied per step: small steps let the writers of this process run between them. */
const PAGES_PER_STEP = 64;

function tableNames(db: SQLite.Database): string[] {
  const rows = db.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`).all() as { name: string }[];
  return rows.map((r) => r.name);
}

function rowCounts(db: SQLite.Database): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const name of tableNames(db)) {
    const { n } = db.prepare(`select count(*) as n from "${name.replace(/"/g, '""')}"`).get() as { n: number };
    counts[name] = n;
  }
  return counts;
}

/** The default place for a backup: var/backups/wakeline-<UTC time>.sqlite. */
export function defaultBackupFile(now = new Date()): string {
  const stamp = now.toISOString().replace(/\.\d+Z$/, 'Z').replace(/[-:]/g, '');
  return path.join('var', 'backups', `wakeline-${stamp}.sqlite`);
}

/**
 * Copies the database `sourceFile` to `destFile` (which must not exist) and verifies the copy:
 * `PRAGMA integrity_check` answers ok and every table holds as many rows as the source did.
 * @throws Error naming what failed; a copy that fails verification is removed
 */
export async function backupDatabase(sourceFile: string, destFile: string): Promise<BackupResult> {
  if (!fs.existsSync(sourceFile)) throw new Error(`backupDatabase: no database at ${sourceFile}; set DATABASE_URL to the server's database file`);
  if (fs.existsSync(destFile)) throw new Error(`backupDatabase: ${destFile} exists already; give a new file name`);
  fs.mkdirSync(path.dirname(path.resolve(destFile)), { recursive: true });
  const source = new SQLite(sourceFile, { fileMustExist: true });
  let expected: Record<string, number>;
  try {
    source.pragma('busy_timeout = 5000');
    source.exec('begin');
    expected = rowCounts(source);
    await source.backup(destFile, { progress: () => PAGES_PER_STEP });
    source.exec('commit');
  } finally {
    source.close();
  }
  try {
    return { file: destFile, counts: verifyCopy(destFile, expected) };
  } catch (err) {
    fs.rmSync(destFile, { force: true });
    throw err;
  }
}

/** Opens the copy on its own, makes it one self-contained file, and checks it against `expected`. */
function verifyCopy(file: string, expected: Record<string, number>): Record<string, number> {
  const copy = new SQLite(file, { fileMustExist: true });
  try {
    // The source is in WAL mode and so is the copy's header: a backup should be one file.
    copy.pragma('journal_mode = DELETE');
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`backupDatabase: the copy at ${file} fails PRAGMA integrity_check: ${String(check)}`);
    const counts = rowCounts(copy);
    for (const [table, n] of Object.entries(expected)) {
      if (counts[table] !== n) throw new Error(`backupDatabase: the copy's ${table} has ${counts[table] ?? 0} rows, the source had ${n}`);
    }
    return counts;
  } finally {
    copy.close();
  }
}
