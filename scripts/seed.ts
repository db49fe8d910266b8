// `npm run db:seed`: migrate and seed the database at DATABASE_URL (default var/wakeline.sqlite).
// The server does the same as it starts; this is for operators and for inspecting a fresh file.
import { databasePath } from '../lib/db/connection';
import { openReadyDatabase } from '../lib/db';

const file = databasePath();
const db = await openReadyDatabase(file);
const counts = await Promise.all(
  (['sources', 'ports', 'vessels', 'voyages', 'observations', 'claims'] as const).map(async (t) => {
    const r = await db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return `${t} ${r.n}`;
  }),
);
console.log(`Database ready at ${file}: ${counts.join(', ')}`);
await db.destroy();
