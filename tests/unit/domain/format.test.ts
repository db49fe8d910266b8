import { describe, expect, it } from 'vitest';
import { csvCell, voyagesToCsv, voyagesToGeoJSON } from '@/lib/core/domain/format';
import type { Identification } from '@/lib/core/domain/schemas';
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

const believedBy: Identification = {
  method: 'believed',
  sourceIds: ['yomiuri-2024-06-09'],
  words: 'believed to be the Lady R',
  readInSourceIds: [],
  teamReading: null,
};
const hedged = voyageSummary({
  ...voyage,
  id: 'v-2',
  cargo: null,
  identification: believedBy,
  basis: { kind: 'inferred_from_sightings', observationIds: ['lady-r-rajin-2024-02-04', 'lady-r-loading-vostochny-2024-02-08'] },
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

  it('carries how each leg is known and who identified the ship, in the source’s words', () => {
    const [header, row] = voyagesToCsv([hedged]).trim().split('\r\n');
    const columns = header!.split(',');
    const cells = Object.fromEntries(columns.map((c, i) => [c, row!.split(',')[i]]));
    expect(columns).toEqual(expect.arrayContaining(['basis', 'basis_observation_ids', 'identification', 'identification_words']));
    expect(cells.basis).toBe('inferred_from_sightings');
    expect(cells.basis_observation_ids).toBe('lady-r-rajin-2024-02-04 lady-r-loading-vostochny-2024-02-08');
    expect(cells.identification).toBe('believed');
    expect(cells.identification_words).toBe('believed to be the Lady R');
  });

  it('keeps hedge cells spreadsheet-safe', () => {
    const sly = voyageSummary({ identification: { ...believedBy, words: '=cmd|" /c calc"!A1' } });
    expect(voyagesToCsv([sly])).toContain(`"'=cmd|"" /c calc""!A1"`);
  });

  it('leaves the hedge cells empty where they were not recorded', () => {
    const [header, row] = voyagesToCsv([voyage]).trim().split('\r\n');
    const at = header!.split(',').indexOf('identification');
    expect(row!.split(',')[at]).toBe('');
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

  it('adds the hedges as flat text, so a GIS label keeps them', () => {
    const route = { type: 'LineString' as const, coordinates: [[130.3, 42.23], [133.08, 42.75]] as [number, number][] };
    const p = voyagesToGeoJSON([{ ...hedged, route }]).features[0]!.properties;
    expect(p.vesselLabel).toBe('Lady R (believed, inferred by team)');
    expect(p.identificationLabel).toBe("believed to be Lady R ('believed to be the Lady R')");
    expect(p.identificationWords).toBe('believed to be the Lady R');
    expect(p.basisLabel).toBe('inferred by the team from two sightings');
    expect(p.identification).toEqual(believedBy);
    const plain = voyagesToGeoJSON([{ ...voyage, route }]).features[0]!.properties;
    expect(plain.vesselLabel).toBe('Lady R');
    expect(plain.identificationWords).toBeNull();
  });
});
