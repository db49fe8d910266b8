// `npm run db:copy -- --from FILE_OR_URL --to FILE_OR_URL`: copies every table of a Wakeline
// database (records, revisions, accounts, sessions, annotations, imports, positions, …) to another,
// SQLite or PostgreSQL (postgres://…) either way, ids kept, in one transaction on the target, then
// verifies per table the row count and a checksum on both sides and prints them
// (lib/server/db/copy.ts). The source must be at this version's latest migration; the target is
// migrated and must be empty (a new file, or a database the app has never started on).
//
// Exit codes: 0 copied and verified, 1 the copy failed (target rolled back), 2 bad arguments or
// refused (source not at the latest migration, target not empty), 3 verification found a
// difference (target rolled back).
import { parseArgs } from 'node:util';
import { isPostgresUrl, sqliteFile } from '../lib/server/config';
import { CopyMismatch, CopyRefused, copyDatabase, formatReport } from '../lib/server/db/copy';

const USAGE = 'Usage: npm run db:copy -- --from FILE_OR_URL --to FILE_OR_URL   (a SQLite file, file:PATH, or postgres://…)';

/** A SQLite file named as DATABASE_URL would (file:PATH) or as a plain path; a postgres:// URL as is. */
function target(value: string): string {
  if (isPostgresUrl(value)) return value;
  const file = sqliteFile(value);
  if (file === null || file === ':memory:') throw new CopyRefused(`db:copy: "${value}" is neither a SQLite file nor a postgres:// URL\n${USAGE}`);
  return file;
}

async function main(): Promise<number> {
  let values: { from?: string; to?: string };
  try {
    ({ values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' } }, strict: true }));
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    return 2;
  }
  if (!values.from || !values.to) {
    console.error(USAGE);
    return 2;
  }
  try {
    const reports = await copyDatabase(target(values.from), target(values.to), { log: (line) => process.stderr.write(`${line}\n`) });
    console.log(formatReport(reports));
    const rows = reports.reduce((n, r) => n + r.target.rows, 0);
    console.log(`Copied and verified ${reports.length} tables, ${rows} rows.`);
    return 0;
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    if (err instanceof CopyRefused) return 2;
    if (err instanceof CopyMismatch) return 3;
    return 1;
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
