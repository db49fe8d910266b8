import { describe, expect, it } from 'vitest';
import type { FeatureCollection, LineString } from 'geojson';
import { encodeVoyageMap } from '@/lib/core/domain/voyage-map';
import { interner, mapEntry, voyageMapText } from '@/lib/core/domain/voyage-map-text';
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

const text = (features: FC['features'], intern = interner()) => voyageMapText(features.map((f) => mapEntry(f, intern)), intern);

describe('voyageMapText', () => {
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
  });

  it('gives each write its own dictionaries when one interner serves many (the server keeps one per data version)', () => {
    const all = fc(200, 9);
    const intern = interner();
    const entries = all.features.map((f) => mapEntry(f, intern));
    // Subsets in different orders, each written after the others: no write's numbering leaks into the next.
    for (const pick of [(i: number) => i % 3 === 0, (i: number) => i > 150, () => true, (i: number) => i === 7, () => false]) {
      const chosen = all.features.map((f, i) => [f, entries[i]!] as const).filter((_, i) => pick(i));
      const expected = JSON.stringify(encodeVoyageMap({ type: 'FeatureCollection', features: chosen.map(([f]) => f) }));
      expect(voyageMapText(chosen.map(([, e]) => e), intern)).toBe(expected);
      const reversed = [...chosen].reverse();
      expect(voyageMapText(reversed.map(([, e]) => e), intern)).toBe(JSON.stringify(encodeVoyageMap({ type: 'FeatureCollection', features: reversed.map(([f]) => f) })));
    }
  });

  it('keeps one route, one list of names and one text per distinct value', () => {
    const intern = interner();
    const [a, b] = fc(2).features.map((f) => ({ ...f, geometry: { ...f.geometry, coordinates: [[130.3, 42.25], [131.5, 42.7]] } }));
    const ea = mapEntry(a!, intern);
    const eb = mapEntry({ ...b!, properties: { ...b!.properties, cargo: 'coal' } }, intern);
    const ec = mapEntry(a!, intern);
    expect(ea.path).toBe(eb.path);
    expect(ea.names).toBe(ec.names);
    expect(ea.names).not.toBe(eb.names);
    expect(intern.column('origin').texts).toHaveLength(1);
  });

  it('writes an undefined property as null, as JSON does inside an array', () => {
    const input = fc(4);
    input.features[1]!.properties.notes = undefined;
    const answer = JSON.parse(text(input.features)) as ReturnType<typeof encodeVoyageMap>;
    const notes = answer.columns.notes!;
    const at = 'values' in notes ? notes.values[1] : notes.dict[notes.index[1]!];
    expect(at).toBeNull();
  });
});
