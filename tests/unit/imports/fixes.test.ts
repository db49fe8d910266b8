import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrackPoint } from '@/lib/core/track/types';
import { type DB, openReadyDatabase } from '@/lib/server/db';
import { trackOf } from '@/lib/server/imports/detect';
import { ImportFixes } from '@/lib/server/imports/fixes';
import { tempDatabase } from '../helpers';

const fix = (t: number, lon = 131, sog: number | null = 5): TrackPoint => ({ t, lon, lat: 42, sog, cog: sog === null ? null : 90 });

describe('ImportFixes', () => {
  it('answers a vessel’s fixes in time order, the first at a repeated time only, with nulls kept', () => {
    const fixes = new ImportFixes();
    for (const p of [fix(3000), fix(1000, 130.5, null), fix(2000), fix(2000, 140), fix(4000)]) fixes.add('v', p);
    fixes.add('w', fix(1500));
    expect(fixes.track('v', 7)).toEqual([
      { ...fix(1000, 130.5, null), import_seq: 7 },
      { ...fix(2000), import_seq: 7 },
      { ...fix(3000), import_seq: 7 },
      { ...fix(4000), import_seq: 7 },
    ]);
    expect(fixes.track('w', 7).map((p) => p.t)).toEqual([1500]);
    expect(fixes.track('nobody', 7)).toEqual([]);
  });

  it('keeps every fix of a track longer than one storage chunk', () => {
    const fixes = new ImportFixes();
    for (let i = 0; i < 10_000; i++) fixes.add('v', fix(i * 1000, 130 + i / 1e5));
    const track = fixes.track('v', 1);
    expect(track).toHaveLength(10_000);
    expect(track[9_999]).toEqual({ ...fix(9_999_000, 130 + 9_999 / 1e5), import_seq: 1 });
    expect(track.every((p, i) => p.t === i * 1000)).toBe(true);
  });
});

describe('trackOf with a running import’s fixes in memory', () => {
  let tmp: ReturnType<typeof tempDatabase>;
  let db: DB;
  beforeAll(async () => {
    tmp = tempDatabase('fixes');
    db = await openReadyDatabase(tmp.target);
  });
  afterAll(async () => {
    await db.destroy();
    tmp.cleanup();
  });

  it('merges the stored imports’ fixes with the kept ones by time, the stored fix winning a shared time', async () => {
    await db
      .insertInto('positions')
      .values([1000, 3000].map((t) => ({ vessel_id: 'v', t, import_seq: 1, lon: 131, lat: 42, sog: 5, cog: 90 })))
      .execute();
    const fixes = new ImportFixes();
    for (const p of [fix(2000, 135), fix(3000, 135), fix(4000, 135)]) fixes.add('v', p);
    const kept = { seq: 2, fixes };
    const track = await trackOf(db, 'v', [1, 2], kept);
    expect(track.map((p) => [p.t, p.lon, p.import_seq])).toEqual([
      [1000, 131, 1],
      [2000, 135, 2],
      [3000, 131, 1],
      [4000, 135, 2],
    ]);
    // Only the imports asked for count.
    expect((await trackOf(db, 'v', [2], kept)).map((p) => p.t)).toEqual([2000, 3000, 4000]);
    // Without them, the import's fixes come from the database only (none were written here).
    expect((await trackOf(db, 'v', [1, 2])).map((p) => p.t)).toEqual([1000, 3000]);
  });
});
