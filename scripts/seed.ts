// `npm run db:seed`: migrate and seed the database at DATABASE_URL (default var/wakeline.sqlite).
// The server does the same as it starts; this is for operators and for inspecting a fresh file.
import { openReadyDatabase } from '../lib/server/db';
import { config } from '../lib/server/config';

async function main() {
  const file = config().database;
  const db = await openReadyDatabase(file);
  const tables = ['sources', 'ports', 'vessels', 'voyages', 'observations', 'claims'] as const;
  const counts = [];
  for (const t of tables) {
    const r = await db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    counts.push(`${t} ${r.n}`);
  }
  console.log(`Database ready at ${file}: ${counts.join(', ')}`);
  await db.destroy();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
