import { describe, expect, it } from 'vitest';
import type { FeatureCollection, LineString } from 'geojson';
import { decodeVoyageMap, encodeVoyageMap } from '@/lib/core/domain/voyage-map';
import { MapTable, interner } from '@/lib/core/domain/voyage-map-text';
import { mulberry32 } from '@/lib/core/track/mulberry32';

type FC = FeatureCollection<LineString, Record<string, unknown>>;

/** Features with repeated and distinct values, absent properties, nested objects, three routes and text that needs escaping. */
function fc(n: number, seed = 3): FC {
  const rand = mulberry32(seed);
  const routes = [
    [[130.3, 42.25], [131.5, 42.7]],
    [[131.5, 42.7], [130.3, 42.25]],
    [[130.123456, 42.000004], [132.9, 42.8], [133.1, 42.75]],
  ];
  return {
    type: 'FeatureCollection',
    features: Array.from({ length: n }, (_, i) => ({
      type: 'Feature' as const,
      id: `v${i}`,
      geometry: { type: 'LineString' as const, coordinates: routes[Math.floor(rand() * 3)]! },
      properties: {
        id: `v${i}`,
        origin: { id: 'rajin', name: 'Rajin "Najin"' },
        confidence: rand() < 0.5 ? 'reported' : 'corroborated',
        ...(i % 4 === 0 ? { cargo: null } : {}),
        notes: rand() < 0.3 ? `note ${Math.floor(rand() * 3)}\n` : null,
        sourceIds: ['a', `s${i % 7}`],
        departure: { earliest: `2024-01-${String((i % 28) + 1).padStart(2, '0')}`, precision: 'day' },
      },
    })),
  };
}

/** A table of these features, slot i holding feature i. */
function tableOf(features: FC['features'], intern = interner()): MapTable {
  const table = new MapTable(features.length, intern);
  features.forEach((f, i) => table.set(i, f));
  return table;
}

const everySlot = (n: number) => Array.from({ length: n }, (_, i) => i);
const text = (features: FC['features']) => tableOf(features).text(everySlot(features.length)).text;

describe('MapTable', () => {
  it('writes exactly the text of JSON.stringify(encodeVoyageMap(…)), dictionaries and value columns alike', () => {
    for (const n of [0, 1, 2, 3, 40, 301]) {
      const input = fc(n);
      expect(text(input.features), `${n} voyages`).toBe(JSON.stringify(encodeVoyageMap(input)));
    }
    // Both kinds of column occur in the fixture.
    const answer = encodeVoyageMap(fc(40));
    expect('values' in answer.columns.id!).toBe(true);
    expect('dict' in answer.columns.origin!).toBe(true);
    expect('dict' in answer.columns.cargo!).toBe(true);
    expect('items' in answer.columns.sourceIds!).toBe(true);
    // Lists that some voyages lack, or that hold more than text, are values or a dictionary.
    const mixed = fc(40);
    delete mixed.features[3]!.properties.sourceIds;
    mixed.features[5]!.properties.tags = ['a', 'b'];
    mixed.features[6]!.properties.tags = ['a', 3];
    expect(text(mixed.features)).toBe(JSON.stringify(encodeVoyageMap(mixed)));
    expect('items' in encodeVoyageMap(mixed).columns.sourceIds!).toBe(false);
  });

  it('writes codes of two and three digits, long lists of items and text beyond ASCII as the encoder does', () => {
    const input = fc(9000, 12);
    input.features.forEach((f, i) => {
      f.properties.metric = i % 70; // 70 distinct values: two digits a code
      f.properties.day = i % 4100; // 4,100: three digits
      f.properties.sourceIds = Array.from({ length: i % 4 }, (_, k) => `source-${(i * 7 + k) % 90}`); // 90 items: two digits
      f.properties.place = i % 3 ? 'Rason — 라선' : 'lone \udc00 half';
    });
    const written = text(input.features);
    expect(written).toBe(JSON.stringify(encodeVoyageMap(input)));
    const answer = JSON.parse(written) as ReturnType<typeof encodeVoyageMap>;
    expect([answer.columns.metric, answer.columns.day, answer.columns.sourceIds]).toMatchObject([{ width: 2 }, { width: 3 }, { width: 2 }]);
    // Properties back as they were (routes come back rounded to 1e-5 degrees).
    expect(decodeVoyageMap(answer).features.map((f) => f.properties)).toEqual(input.features.map((f) => f.properties));
  });

  it('gives each write its own dictionaries when one interner serves many (the server keeps one per data version)', () => {
    const all = fc(200, 9);
    const intern = interner();
    const table = tableOf(all.features, intern);
    // A second table on the same interner (another visibility) writes in between.
    const other = tableOf(fc(30, 4).features, intern);
    // Subsets in different orders, each written after the others: no write's numbering leaks into the next.
    for (const pick of [(i: number) => i % 3 === 0, (i: number) => i > 150, () => true, (i: number) => i === 7, () => false]) {
      const chosen = everySlot(200).filter(pick);
      const expected = JSON.stringify(encodeVoyageMap({ type: 'FeatureCollection', features: chosen.map((i) => all.features[i]!) }));
      expect(table.text(chosen)).toEqual({ text: expected, count: chosen.length });
      expect(other.text([2, 1]).count).toBe(2);
      const reversed = [...chosen].reverse();
      expect(table.text(reversed).text).toBe(JSON.stringify(encodeVoyageMap({ type: 'FeatureCollection', features: reversed.map((i) => all.features[i]!) })));
    }
  });

  it('leaves out the slots not set yet, and a slot set again keeps only its new properties', () => {
    const all = fc(12, 5);
    const table = new MapTable(12, interner());
    [0, 3, 4, 9].forEach((i) => table.set(i, all.features[i]!));
    const written = table.text(everySlot(12));
    expect(written.count).toBe(4);
    expect(written.text).toBe(JSON.stringify(encodeVoyageMap({ type: 'FeatureCollection', features: [0, 3, 4, 9].map((i) => all.features[i]!) })));
    // Slot 0 had cargo (every fourth feature has); set again without it, the column says so.
    expect('cargo' in all.features[0]!.properties).toBe(true);
    const { cargo: _, ...rest } = all.features[0]!.properties;
    const again = { ...all.features[0]!, properties: { ...rest, notes: 'moved' } };
    table.set(0, again);
    // Slot 4 has cargo too, so the column is written, absent for slot 0.
    expect(table.text([0, 4]).text).toBe(JSON.stringify(encodeVoyageMap({ type: 'FeatureCollection', features: [again, all.features[4]!] })));
  });

  it('keeps one route, one list of names and one text per distinct value', () => {
    const intern = interner();
    const [a, b] = fc(2).features.map((f) => ({ ...f, geometry: { ...f.geometry, coordinates: [[130.3, 42.25], [131.5, 42.7]] } }));
    tableOf([a!, { ...b!, properties: { ...b!.properties, cargo: 'coal' } }, a!], intern);
    expect(intern.paths.texts).toHaveLength(1);
    expect(intern.nameLists.lists).toHaveLength(2);
    expect(intern.column('origin').texts).toHaveLength(1);
    expect(intern.column('id').texts).toHaveLength(2);
  });

  it('writes an undefined property as null, as JSON does inside an array', () => {
    const input = fc(4);
    input.features[1]!.properties.notes = undefined;
    const answer = JSON.parse(text(input.features)) as ReturnType<typeof encodeVoyageMap>;
    expect(decodeVoyageMap<Record<string, unknown>>(answer).features[1]!.properties.notes).toBeNull();
  });
});
