import { describe, expect, it } from 'vitest';
import { filtersOf, parseViewState, viewStateToSearch } from '@/lib/core/domain/view-state';

describe('view state in the URL', () => {
  it('round-trips filters and selection', () => {
    const state = { vessel: 'lady-r', port: 'rajin', from: '2024-01-01', to: '2024-12-31', confidence: 'reported' as const, voyage: 'x-1' };
    const search = viewStateToSearch(state);
    expect(parseViewState(new URLSearchParams(search))).toEqual(state);
  });
  it('round-trips the map view, hidden layers and export settings', () => {
    const state = {
      voyage: 'x-1',
      center: [131.25, 42.5] as [number, number],
      zoom: 7.5,
      hide: ['geofences' as const],
      at: '2024-02-06',
      timelineClosed: true as const,
      export: { width: 3000, height: 2000, title: 'A & B', off: ['legend' as const], frame: 'voyages' as const, pins: true, timeline: true, bbox: [129.5, 41.5, 133.5, 43.5] as [number, number, number, number] },
    };
    expect(parseViewState(new URLSearchParams(viewStateToSearch(state)))).toEqual(state);
  });
  it('keeps a time cursor only when it is a real day', () => {
    expect(parseViewState(new URLSearchParams('?at=2024-02-06')).at).toBe('2024-02-06');
    for (const bad of ['2024-02-30', '2024-2-6', '0002-01-01', 'today', '']) expect(parseViewState(new URLSearchParams(`?at=${bad}`)).at).toBeUndefined();
    expect(viewStateToSearch({ at: '2024-02-31' })).toBe('');
    expect(viewStateToSearch({ at: '2024-02-06', timelineClosed: true })).toBe('?at=2024-02-06&timeline=closed');
  });
  it('writes the centre as lonlat=lon,lat and never the old c form', () => {
    const search = viewStateToSearch({ center: [131.25, 42.5], zoom: 8 });
    expect(search).toBe('?lonlat=131.25%2C42.5&z=8');
    expect(new URLSearchParams(search).has('c')).toBe(false);
  });
  it('rounds the centre to 4 decimals in lon, lat order', () => {
    expect(new URLSearchParams(viewStateToSearch({ center: [131.123456, 42.987654] })).get('lonlat')).toBe('131.1235,42.9877');
  });
  it('reads an old c=lat,lon permalink as the same centre in [lon, lat]', () => {
    expect(parseViewState(new URLSearchParams('?c=42.5,131.25&z=8'))).toEqual({ center: [131.25, 42.5], zoom: 8 });
  });
  it('rewrites an old c=lat,lon permalink in the new form', () => {
    expect(viewStateToSearch(parseViewState(new URLSearchParams('?c=42.5,131.25&z=8')))).toBe('?lonlat=131.25%2C42.5&z=8');
  });
  it('prefers lonlat over c when a link carries both', () => {
    expect(parseViewState(new URLSearchParams('?c=43,132&lonlat=131.25,42.5')).center).toEqual([131.25, 42.5]);
    expect(parseViewState(new URLSearchParams('?lonlat=131.25,42.5&c=43,132')).center).toEqual([131.25, 42.5]);
  });
  it('falls back to c when lonlat is not a valid centre', () => {
    expect(parseViewState(new URLSearchParams('?lonlat=north&c=42.5,131.25')).center).toEqual([131.25, 42.5]);
  });
  it('drops a centre off the map: latitude beyond 85°, longitude beyond 180°', () => {
    for (const search of ['?lonlat=131,85.5', '?lonlat=131,-86', '?lonlat=180.5,42', '?lonlat=-181,42', '?c=85.5,131', '?c=42,180.5']) {
      expect(parseViewState(new URLSearchParams(search)).center, search).toBeUndefined();
    }
    expect(parseViewState(new URLSearchParams('?lonlat=-180,-85')).center).toEqual([-180, -85]);
  });
  it('drops a centre given in the wrong order for its key', () => {
    // Valid as lat,lon only: in lonlat that puts the latitude at 131.25.
    expect(parseViewState(new URLSearchParams('?lonlat=42.5,131.25')).center).toBeUndefined();
    // Valid as lon,lat only: in the old c form that puts the latitude at 131.25.
    expect(parseViewState(new URLSearchParams('?c=131.25,42.5')).center).toBeUndefined();
  });
  it('refuses export sizes over 6000 px and latitudes off the map', () => {
    const s = parseViewState(new URLSearchParams('?x=1&w=7000&h=0&bb=129,-100,133,43'));
    expect(s.export).toMatchObject({ width: 1200, height: 675 });
    expect(s.export?.bbox).toBeUndefined();
  });
  it('drops the end of a reversed date range', () => {
    expect(parseViewState(new URLSearchParams('?from=2024-05-01&to=2024-01-01'))).toEqual({ from: '2024-05-01' });
  });
  it('drops values that are not valid rather than failing', () => {
    expect(parseViewState(new URLSearchParams('?vessel=Lady R&from=2024-02-30&confidence=sure&voyage=ok-1'))).toEqual({ voyage: 'ok-1' });
  });
  it('writes nothing for an empty view and keeps a canonical order', () => {
    expect(viewStateToSearch({})).toBe('');
    expect(viewStateToSearch({ voyage: 'a', vessel: 'b' })).toBe('?vessel=b&voyage=a');
  });
  it('separates the filters from the selection', () => {
    expect(filtersOf({ vessel: 'b', voyage: 'a' })).toEqual({ vessel: 'b' });
  });
  it('never writes a reversed range, a half-typed year or a day that does not exist', () => {
    expect(viewStateToSearch({ from: '2024-05-01', to: '2024-01-01' })).toBe('?from=2024-05-01');
    expect(viewStateToSearch({ from: '2024-05-01', to: '0002-05-01' })).toBe('?from=2024-05-01');
    expect(viewStateToSearch({ to: '2024-02-30' })).toBe('');
    expect(viewStateToSearch({ from: '2024-01-01', to: '2024-01-01' })).toBe('?from=2024-01-01&to=2024-01-01');
    expect(parseViewState(new URLSearchParams('?to=0002-03-15'))).toEqual({});
  });
  it('round-trips the list order, leaving the default out', () => {
    const state = { vessel: 'lady-r', sort: { by: 'distance' as const, dir: 'desc' as const } };
    expect(viewStateToSearch(state)).toBe('?vessel=lady-r&sort=-distance');
    expect(parseViewState(new URLSearchParams(viewStateToSearch(state)))).toEqual(state);
    expect(viewStateToSearch({ sort: { by: 'departure', dir: 'asc' } })).toBe('');
    expect(parseViewState(new URLSearchParams('?sort=speed'))).toEqual({});
    expect(parseViewState(new URLSearchParams('?sort=arrival'))).toEqual({ sort: { by: 'arrival', dir: 'asc' } });
  });
});
