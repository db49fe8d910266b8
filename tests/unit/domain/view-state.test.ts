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
      center: [42.5, 131.25] as [number, number],
      zoom: 7.5,
      hide: ['geofences' as const],
      export: { width: 3000, height: 2000, title: 'A & B', off: ['legend' as const], frame: 'voyages' as const, pins: true, bbox: [129.5, 41.5, 133.5, 43.5] as [number, number, number, number] },
    };
    expect(parseViewState(new URLSearchParams(viewStateToSearch(state)))).toEqual(state);
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
});
