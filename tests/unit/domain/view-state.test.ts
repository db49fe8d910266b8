import { describe, expect, it } from 'vitest';
import { filtersOf, parseViewState, viewStateToSearch } from '@/lib/domain/view-state';

describe('view state in the URL', () => {
  it('round-trips filters and selection', () => {
    const state = { vessel: 'lady-r', port: 'rajin', from: '2024-01-01', to: '2024-12-31', confidence: 'reported' as const, voyage: 'x-1' };
    const search = viewStateToSearch(state);
    expect(parseViewState(new URLSearchParams(search))).toEqual(state);
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
