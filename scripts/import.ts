// `npm run import -- FILE [options]`: import a track file into the database at DATABASE_URL, as the
// server's POST /api/imports does (all or nothing; the same file again adds nothing). Progress goes
// to standard error, the final report (JSON) to standard output. Ctrl-C cancels: nothing stays.
//
// Exit codes: 0 imported (or a duplicate of an earlier import), 1 the import failed or was
// cancelled, 2 bad arguments or a file imports cannot read.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { importQuery } from '../lib/core/domain/api-contract-tracks';
import { AppError } from '../lib/core/domain/errors';
import type { Actor } from '../lib/core/domain/permissions';
import { config } from '../lib/server/config';
import { openReadyDatabase, type DB } from '../lib/server/db';
import { startImport } from '../lib/server/imports/start';

const USAGE = `Usage: npm run import -- FILE [--vessel ID] [--format csv|nmea|gpx|kml|kmz|geojson]
         [--preset marinecadastre|dma|gfw] [--mapping '{"time":"When","lat":"Y","lon":"X"}']
         [--licence TEXT] [--name NAME] [--user USERNAME]
  --vessel   give every position to this vessel id
  --user     the account the import is made as (default: the oldest active admin)`;

class UsageError extends Error {}

async function actorFor(db: DB, username: string | undefined): Promise<Actor> {
  let q = db.selectFrom('users').select(['id', 'username', 'role']).where('active', '=', 1);
  q = username ? q.where('username', '=', username) : q.where('role', '=', 'admin').orderBy('id');
  const user = await q.executeTakeFirst();
  if (!user) {
    throw new UsageError(username ? `no active account is named "${username}"` : 'no active admin account: give --user NAME, or add one with npm run user -- add');
  }
  if (user.role === 'viewer') throw new UsageError(`${user.username} is a viewer: imports need an editor or admin`);
  return user as Actor;
}

function options(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      vessel: { type: 'string' },
      format: { type: 'string' },
      preset: { type: 'string' },
      mapping: { type: 'string' },
      licence: { type: 'string' },
      name: { type: 'string' },
      user: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help || positionals.length !== 1) throw new UsageError(positionals.length > 1 ? 'give one file' : 'give the file to import');
  const file = positionals[0]!;
  const { user, mapping, ...rest } = values;
  const { help: _help, name, ...choices } = rest;
  const given = Object.fromEntries(Object.entries({ ...choices, mapping }).filter(([, v]) => v !== undefined));
  const parsed = importQuery.safeParse({ name: name ?? path.basename(file), ...given });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(`--${issue.path.join('.') || 'options'}: ${issue.message}`);
  }
  return { file, user, q: parsed.data };
}

async function main(argv: string[]): Promise<number> {
  let opts;
  try {
    opts = options(argv);
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    return 2;
  }
  const db = await openReadyDatabase(config().database);
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  try {
    const actor = await actorFor(db, opts.user);
    const { q } = opts;
    const started = await startImport(db, { file: opts.file, fileName: q.name, format: q.format, preset: q.preset, mapping: q.mapping, vesselId: q.vessel, licence: q.licence, actor });
    const total = started.import.bytes;
    console.error(`import ${started.import.id}: ${q.name}, ${started.import.format}, ${total} bytes`);
    const done = await started.run({
      signal: controller.signal,
      onBatch: (p) =>
        console.error(`batch: ${p.rowsRead} rows, ${p.positionsAdded} positions added, ${p.rejectedCount} rejected, ${Math.round((100 * p.bytesRead) / Math.max(total, 1))}% read`),
    });
    console.log(JSON.stringify(done, null, 2));
    if (done.duplicateOf) console.error(`the same file was imported before (import ${done.duplicateOf}): nothing added`);
    else console.error(`${done.status}: ${done.positionsAdded} positions, ${done.rejected} rejected, ${done.vessels.length} vessels${done.error ? `: ${done.error}` : ''}`);
    return done.status === 'done' ? 0 : 1;
  } catch (err) {
    if (err instanceof UsageError || (err instanceof AppError && err.status < 500)) {
      console.error(err.message);
      return 2;
    }
    throw err;
  } finally {
    await db.destroy();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
