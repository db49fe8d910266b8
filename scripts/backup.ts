// `npm run backup [file]`: a consistent copy of the database at DATABASE_URL (default
// var/wakeline.sqlite), safe while the server runs (SQLite's online backup), to `file` or
// var/backups/wakeline-<UTC time>.sqlite; verified (integrity_check, row counts) before the path is printed.
import { config } from '../lib/server/config';
import { backupDatabase, defaultBackupFile } from '../lib/server/dataset/backup';

async function main() {
  const [target, ...extra] = process.argv.slice(2);
  if (extra.length) throw new Error('backup: give at most one argument, the file to write (e.g. npm run backup -- /srv/backups/wakeline.sqlite)');
  const source = config().database;
  if (source === ':memory:') throw new Error('backup: DATABASE_URL is :memory:, which has no file to copy; point it at the server\'s database file');
  const { file, counts } = await backupDatabase(source, target ?? defaultBackupFile());
  const rows = Object.values(counts).reduce((a, b) => a + b, 0);
  // The summary goes to stderr and the path alone to stdout, so `$(npm run -s backup)` is the path.
  process.stderr.write(`Backed up ${source} (integrity ok, ${Object.keys(counts).length} tables, ${rows} rows) to:\n`);
  console.log(file);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
