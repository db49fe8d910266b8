import { describe, expect, it } from 'vitest';
import { facetOptions } from '@/lib/core/domain/facets';

const records = [
  { id: 'angara', name: 'Angara' },
  { id: 'lady-r', name: 'Lady R' },
  { id: 'maia-1', name: 'Maia-1' },
];

describe('facetOptions', () => {
  it('offers only the entries with voyages, by name, with their counts', () => {
    expect(facetOptions([{ id: 'maia-1', name: 'Maia-1', count: 1 }, { id: 'lady-r', name: 'Lady R', count: 4 }], undefined, records)).toEqual([
      { id: 'lady-r', label: 'Lady R (4)', count: 4 },
      { id: 'maia-1', label: 'Maia-1 (1)', count: 1 },
    ]);
  });

  it('keeps the selected entry with a count of 0, so the select never changes by itself', () => {
    expect(facetOptions([{ id: 'lady-r', name: 'Lady R', count: 4 }], 'angara', records).map((o) => o.label)).toEqual([
      'Angara (0)',
      'Lady R (4)',
    ]);
    expect(facetOptions([], 'gone', records).map((o) => o.label)).toEqual(['Unknown: gone']);
  });
});
