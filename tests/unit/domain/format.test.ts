import { describe, expect, it } from 'vitest';
import { csvCell, voyagesToCsv, voyagesToGeoJSON } from '@/lib/core/domain/format';
import { voyageSummary } from '../../fixtures/voyages';

const voyage = voyageSummary({
  id: 'v-1',
  vessel: { id: 'lady-r', name: 'Lady R' },
  origin: { id: 'vostochny', name: 'Vostochny' },
  destination: { id: 'rajin', name: 'Rajin' },
  departure: { earliest: '2024-04-02', latest: '2024-04-03', precision: 'day' },
  arrival: { earliest: '2024-04-14', latest: '2024-04-14', precision: 'day' },
  cargo: '=HYPERLINK("http://evil")',
  sourceIds: ['a', 'b'],
  metrics: { greatCircleNm: 230.1, routeNm: 260.2, minHours: 264, maxHours: 312, minKnots: 0.8, maxKnots: 1, crossesLand: false },
});

describe('csvCell', () => {
  it('quotes commas, quotes and newlines', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });
  it('defuses spreadsheet formulas', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-3)).toBe('-3');
  });
  it('writes null as an empty cell', () => {
    expect(csvCell(null)).toBe('');
  });
});

describe('voyagesToCsv', () => {
  it('writes a header and one row per voyage, sources space-separated', () => {
    const lines = voyagesToCsv([voyage]).trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('Lady R,Vostochny,Rajin,2024-04-02');
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(lines[1]!.endsWith(',a b')).toBe(true);
  });
});

describe('voyagesToGeoJSON', () => {
  it('writes LineString features with the summary as properties and does not mutate its input', () => {
    const route = { type: 'LineString' as const, coordinates: [[133.08, 42.75], [130.3, 42.23]] as [number, number][] };
    const input = [{ ...voyage, route }];
    const before = JSON.stringify(input);
    const fc = voyagesToGeoJSON(input);
    expect(fc.features[0]?.geometry.coordinates).toEqual(route.coordinates);
    expect(fc.features[0]?.properties.id).toBe('v-1');
    expect(fc.features[0]?.properties).not.toHaveProperty('route');
    expect(JSON.stringify(input)).toBe(before);
  });
});
