/**
 * The map's table per visibility (lib/server/db/voyage-pages.ts): the team's table takes the
 * published voyages' parts from the public table when that has them, instead of reading and
 * encoding them again. Its answers must be the very text a table made from the database alone
 * writes, drafts included.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '@/lib/server/db';
import { openReadyDatabase } from '@/lib/server/db';
import { voyageMapJson } from '@/lib/server/db/voyage-pages';
import { tempDatabase } from '../helpers';

let tmp: ReturnType<typeof tempDatabase>;
let copying: DB;
let alone: DB;

beforeAll(async () => {
  tmp = tempDatabase('map-twin');
  copying = await openReadyDatabase(tmp.target);
  const rows = await copying.selectFrom('voyages').selectAll().execute();
  // Two drafts among the published voyages: one of a seeded voyage's copy, one with another date.
  await copying
    .insertInto('voyages')
    .values([
      { ...rows[0]!, id: 'twin-draft-a', status: 'draft' },
      { ...rows[1]!, id: 'twin-draft-b', status: 'draft', departure_earliest: '2024-02-02', departure_latest: '2024-02-03' },
    ])
    .execute();
  // A second handle on the same database: a generation (and tables) of its own.
  alone = await openReadyDatabase(tmp.target);
}, 60_000);

afterAll(async () => {
  await copying?.destroy();
  await alone?.destroy();
  tmp?.cleanup();
});

describe('the map table of signed-in readers', () => {
  it('writes the same answer from the public table’s parts as from the database alone, drafts included', async () => {
    const published = await voyageMapJson(copying, { visibility: 'published' });
    const team = await voyageMapJson(copying, { visibility: 'team' });
    expect(team.total).toBe(published.total + 2);
    expect(team.body).toContain('"twin-draft-a"');
    expect(team.body).toBe((await voyageMapJson(alone, { visibility: 'team' })).body);
    for (const f of [{ from: '2024-02-01', to: '2024-02-29' }, { port: 'vostochny' }, { from: '2025-01-01' }]) {
      expect((await voyageMapJson(copying, { ...f, visibility: 'team' })).body, JSON.stringify(f)).toBe((await voyageMapJson(alone, { ...f, visibility: 'team' })).body);
    }
    // And the other way round: the public table from a team table already made.
    const fresh = await openReadyDatabase(tmp.target);
    try {
      await voyageMapJson(fresh, { visibility: 'team' });
      expect((await voyageMapJson(fresh, { visibility: 'published' })).body).toBe(published.body);
    } finally {
      await fresh.destroy();
    }
  });
});
