import { describe, expect, it } from 'vitest';
import type { VoyageSummary } from '@/lib/core/domain/dto';
import type { Source } from '@/lib/core/domain/schemas';
import {
  creditLine,
  dateSpan,
  defaultSubtitle,
  defaultTitle,
  exportFileName,
  formatMonthSpan,
  routePorts,
} from '@/lib/client/export/compose';
import { voyageSummary } from '../../fixtures/voyages';

function voyage(id: string, from: [string, string], to: [string, string], dep: string, arr: string, sourceIds: string[], vessel: string | null = 'Angara'): VoyageSummary {
  return voyageSummary({
    id,
    vessel: vessel ? { id: vessel.toLowerCase().replace(/ /g, '-'), name: vessel } : null,
    origin: { id: from[0], name: from[1] },
    destination: { id: to[0], name: to[1] },
    departure: { earliest: dep, latest: dep, precision: 'day' },
    arrival: { earliest: arr, latest: arr, precision: 'day' },
    sourceIds,
  });
}
const RAJIN: [string, string] = ['rajin', 'Rajin'];
const DUNAI: [string, string] = ['dunai', 'Dunai'];
const VOSTOCHNY: [string, string] = ['vostochny', 'Vostochny'];
const voyages = [
  voyage('a', RAJIN, DUNAI, '2023-08-20', '2023-08-25', ['wh', 'rusi']),
  voyage('b', DUNAI, RAJIN, '2023-09-02', '2023-09-05', ['rusi']),
  voyage('c', RAJIN, DUNAI, '2023-10-01', '2023-10-04', ['csis']),
];
const sources = [
  { id: 'wh', publisher: 'The White House' },
  { id: 'rusi', publisher: 'RUSI' },
  { id: 'csis', publisher: 'CSIS Beyond Parallel' },
] as Source[];

describe('default titles', () => {
  it('names the ports and the months the voyages cover', () => {
    expect(defaultTitle({ filters: {}, voyages })).toBe('Reported voyages, Rajin – Dunai, Aug–Oct 2023');
  });
  it('uses the date filters over the voyages’ own dates', () => {
    expect(defaultTitle({ filters: { from: '2023-08-01', to: '2024-03-31' }, voyages })).toBe(
      'Reported voyages, Rajin – Dunai, Aug 2023 – Mar 2024',
    );
  });
  it('leads with the filtered port and names the filtered vessel', () => {
    const mixed = [...voyages, voyage('d', VOSTOCHNY, RAJIN, '2024-04-02', '2024-04-14', ['x'], 'Lady R')];
    expect(routePorts(mixed, 'vostochny')[0]).toBe('Vostochny');
    expect(defaultTitle({ filters: { vessel: 'lady-r' }, voyages: mixed.slice(3), vesselName: 'Lady R' })).toBe(
      'Reported voyages of Lady R, Vostochny – Rajin, Apr 2024',
    );
  });
  it('titles a selected voyage by itself', () => {
    expect(defaultTitle({ filters: {}, voyages, selected: voyages[1] })).toBe('Angara: Dunai – Rajin, Sep 2023');
  });
  it('says when nothing matches', () => {
    expect(defaultTitle({ filters: {}, voyages: [] })).toBe('Reported voyages');
    expect(defaultSubtitle([])).toBe('No voyage matches these filters');
  });
  it('says the routes are inferred', () => {
    expect(defaultSubtitle(voyages)).toMatch(/^3 voyages\. Routes inferred from reporting, not observed/);
  });
});

describe('hedges in titles and subtitles', () => {
  const believed = { method: 'believed' as const, sourceIds: ['yomiuri'], words: 'believed to be the Lady R', readInSourceIds: [], teamReading: null };
  const inferred = { kind: 'inferred_from_sightings' as const, observationIds: ['a', 'b'] as [string, string] };
  const ladyR = voyageSummary({ ...voyage('d', VOSTOCHNY, RAJIN, '2024-04-02', '2024-04-14', ['yomiuri'], 'Lady R'), identification: believed });
  const stitched = voyageSummary({ ...voyage('e', RAJIN, VOSTOCHNY, '2024-02-04', '2024-02-08', ['nkpro'], 'Lady R'), basis: inferred });

  it('titles a selected hedged voyage with its hedge', () => {
    expect(defaultTitle({ filters: {}, voyages: [ladyR], selected: ladyR })).toBe('Lady R (believed): Vostochny – Rajin, Apr 2024');
  });
  it('names every hedged leg in the subtitle, and nothing more when none is hedged', () => {
    expect(defaultSubtitle([...voyages, ladyR, stitched])).toBe(
      '5 voyages. Routes inferred from reporting, not observed: the ships sailed with AIS off. ' +
        'Hedged: Lady R (believed), Vostochny – Rajin; Lady R (inferred by team), Rajin – Vostochny.',
    );
    expect(defaultSubtitle(voyages)).toBe('3 voyages. Routes inferred from reporting, not observed: the ships sailed with AIS off');
  });
  it('counts the hedges instead of naming the legs when there are many', () => {
    const many = ['f', 'g', 'h', 'i'].map((id) => ({ ...stitched, id }));
    expect(defaultSubtitle([ladyR, ...many])).toMatch(/Hedged: 1 voyage believed, 4 voyages inferred by team\.$/);
  });
});

describe('date spans', () => {
  it('runs from the earliest departure to the latest arrival', () => {
    expect(dateSpan({}, voyages)).toEqual({ from: '2023-08-20', to: '2023-10-04' });
    expect(dateSpan({}, [])).toBeNull();
  });
  it('reads as months', () => {
    expect(formatMonthSpan({ from: '2024-02-08', to: '2024-02-10' })).toBe('Feb 2024');
    expect(formatMonthSpan({ from: '2023-09-07', to: '2025-10-02' })).toBe('Sep 2023 – Oct 2025');
  });
});

describe('credit lines', () => {
  it('names each publisher once, in order of first citation, then the basemap', () => {
    expect(creditLine(voyages, sources)).toBe(
      'Sources: The White House; RUSI; CSIS Beyond Parallel. Map: © OpenStreetMap contributors (ODbL), Natural Earth, GeoNames (CC BY 4.0). Made with Wakeline.',
    );
  });
  it('credits a raster tile layer when one is exported', () => {
    expect(creditLine([], sources, '© Example Imagery')).toContain('GeoNames (CC BY 4.0); © Example Imagery');
  });
});

describe('file names', () => {
  it('say what they hold, between which months', () => {
    expect(exportFileName(voyages, {}, 'png')).toBe('wakeline-rajin-dunai-2023-08-2023-10.png');
    expect(exportFileName(voyages, {}, 'svg', voyages[1])).toBe('wakeline-angara-dunai-rajin-2023-09-2023-09.svg');
    expect(exportFileName(voyages, { from: '2023-01-01', to: '2023-12-31' }, 'geojson', undefined, 'Lady R')).toBe(
      'wakeline-lady-r-rajin-dunai-2023-01-2023-12.geojson',
    );
  });
  it('never holds characters a file system refuses', () => {
    const odd = [voyage('x', ['a', 'Port / "Ñ" *?'], ['b', 'B:\\C'], '2024-01-01', '2024-01-02', [])];
    expect(exportFileName(odd, {}, 'png')).toMatch(/^[a-z0-9-]+\.png$/);
  });
});
