/**
 * The measured half of scripts/bench/imports.ts, run in its own process so its peak RSS is the
 * import's alone: imports FILE into the database at DATABASE_URL as the first admin, with
 * detection, and prints one JSON line: seconds, CPU seconds, maxRSS and the import's report.
 */
import { openReadyDatabase } from '../../lib/server/db';
import { config } from '../../lib/server/config';
import type { Actor } from '../../lib/core/domain/permissions';
import { startImport } from '../../lib/server/imports/start';

async function main(file: string): Promise<void> {
  const db = await openReadyDatabase(config().database);
  const user = await db.selectFrom('users').select(['id', 'username', 'role']).where('role', '=', 'admin').executeTakeFirstOrThrow();
  const t = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const done = await (await startImport(db, { file, fileName: 'bench.csv', actor: user as Actor })).run();
  const seconds = Number(process.hrtime.bigint() - t) / 1e9;
  const used = process.cpuUsage(cpu);
  await db.destroy();
  console.log(
    JSON.stringify({
      seconds,
      cpuSeconds: (used.user + used.system) / 1e6,
      // resourceUsage().maxRSS is in kilobytes: the process's peak resident set, GC heaps and SQLite included.
      maxRssMegabytes: process.resourceUsage().maxRSS / 1024,
      status: done.status,
      rows: done.rows,
      positionsAdded: done.positionsAdded,
      rejected: done.rejected,
      vessels: done.vessels.length,
      events: done.events,
      drafts: done.drafts,
      error: done.error,
    }),
  );
}

void main(process.argv[2]!);
