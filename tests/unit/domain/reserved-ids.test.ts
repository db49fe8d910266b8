/**
 * A record id a route of its collection takes (a voyage "map": GET /api/voyages/map) could never be
 * read at /api/<kind>s/<id>; the schemas refuse them, and every such route folder is listed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KIND_SEGMENTS, RECORD_KINDS, RECORD_SCHEMAS } from '@/lib/core/domain/records';
import { RESERVED_IDS } from '@/lib/core/domain/primitives';

const root = path.resolve(__dirname, '../../..');
const reserved = (kind: string): readonly string[] => (RESERVED_IDS as Record<string, readonly string[]>)[kind] ?? [];

/** The static folders beside [id] in a kind's collection: each answers in place of a record of that id. */
function routeFolders(segment: string): string[] {
  const dir = path.join(root, 'app/api', segment);
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('[') && !e.name.startsWith('_'))
    .map((e) => e.name)
    .sort();
}

describe('reserved record ids', () => {
  it('lists exactly the route folders beside each collection’s [id]', () => {
    for (const kind of RECORD_KINDS) expect(routeFolders(KIND_SEGMENTS[kind]), kind).toEqual([...reserved(kind)].sort());
    expect(routeFolders('voyages')).toEqual(['facets', 'map']);
  });

  it('refuses a reserved id in the record’s schema, naming the field id, and allows ids that merely start with one', async () => {
    const voyages = JSON.parse(fs.readFileSync(path.join(root, 'data/seed/voyages.json'), 'utf8')) as Record<string, unknown>[];
    const ports = JSON.parse(fs.readFileSync(path.join(root, 'data/seed/ports.json'), 'utf8')) as Record<string, unknown>[];
    const cases = [
      ['voyage', voyages[0]!],
      ['port', ports[0]!],
    ] as const;
    for (const [kind, record] of cases) {
      expect(RECORD_SCHEMAS[kind].safeParse(record).success).toBe(true);
      for (const id of reserved(kind)) {
        const r = RECORD_SCHEMAS[kind].safeParse({ ...record, id });
        expect(r.success, `${kind} ${id}`).toBe(false);
        expect(r.error!.issues.map((i) => i.path.join('.'))).toEqual(['id']);
        expect(r.error!.issues[0]!.message).toContain(`"${id}"`);
        expect(RECORD_SCHEMAS[kind].safeParse({ ...record, id: `${id}-2024` }).success).toBe(true);
      }
    }
  });

  it('is taken by no record of the seed', () => {
    for (const kind of RECORD_KINDS) {
      const records = JSON.parse(fs.readFileSync(path.join(root, `data/seed/${KIND_SEGMENTS[kind]}.json`), 'utf8')) as { id: string }[];
      expect(records.length, kind).toBeGreaterThan(0);
      expect(records.filter((r) => routeFolders(KIND_SEGMENTS[kind]).includes(r.id)), kind).toEqual([]);
    }
  });
});
