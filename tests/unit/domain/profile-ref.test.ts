import { describe, expect, it } from 'vitest';
import { parseProfile } from '@/lib/core/domain/profile-ref';
import { parseViewState, viewStateToSearch } from '@/lib/core/domain/view-state';

const read = (search: string) => parseViewState(new URLSearchParams(search));

describe('the profile in the URL', () => {
  it('round-trips a vessel, a port and a source profile beside the rest of the view', () => {
    for (const kind of ['vessel', 'port', 'source'] as const) {
      const state = { vessel: 'lady-r', profile: { kind, id: 'rusi-2023-10-16' }, zoom: 7 };
      expect(read(viewStateToSearch(state))).toEqual(state);
    }
  });

  it('writes one canonical form, after the selected voyage', () => {
    expect(viewStateToSearch({ voyage: 'x-1', profile: { kind: 'vessel', id: 'lady-r' } })).toBe('?voyage=x-1&profile=vessel%3Alady-r');
    expect(viewStateToSearch({ profile: { kind: 'port', id: 'rajin' } })).toBe('?profile=port%3Arajin');
  });

  it('reads forgiving spellings as the same profile', () => {
    for (const raw of ['port:rajin', 'Port:rajin', ' PORT : rajin ', 'port/rajin', 'port=rajin']) {
      expect(read(`?profile=${encodeURIComponent(raw)}`), raw).toEqual({ profile: { kind: 'port', id: 'rajin' } });
    }
    expect(viewStateToSearch(read('?profile=Port/rajin'))).toBe('?profile=port%3Arajin');
  });

  it('drops a bad profile and keeps the rest of the view', () => {
    for (const raw of ['', 'rajin', 'ship:lady-r', 'vessel:', 'vessel:Lady R', 'vessel:lady_r', 'vessel:a:b', ':lady-r', 'vessel:../x']) {
      expect(read(`?port=rajin&profile=${encodeURIComponent(raw)}`), raw).toEqual({ port: 'rajin' });
      expect(parseProfile(raw), raw).toBeUndefined();
    }
  });

  it('never writes a profile whose id is not a slug', () => {
    expect(viewStateToSearch({ profile: { kind: 'vessel', id: 'Lady R' } })).toBe('');
  });
});
