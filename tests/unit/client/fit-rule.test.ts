import { describe, expect, it } from 'vitest';
import { framesSelection, openedWith } from '@/components/map/fit-rule';

describe('framing a selected voyage', () => {
  it('keeps the exact view of a link that names a voyage and a view', () => {
    const opened = openedWith('?voyage=lady-r-vostochny-rajin-2024-06&lonlat=131.88,42.66&z=10.5');
    expect(opened).toEqual({ voyage: 'lady-r-vostochny-rajin-2024-06', hasView: true });
    expect(framesSelection('lady-r-vostochny-rajin-2024-06', opened)).toBe(false);
  });

  it('frames the voyage of a link without a view, and any other voyage chosen later', () => {
    expect(framesSelection('a', openedWith('?voyage=a'))).toBe(true);
    expect(framesSelection('a', openedWith('?voyage=a&z=10.5'))).toBe(true);
    expect(framesSelection('b', openedWith('?voyage=a&lonlat=131,42&z=10.5'))).toBe(true);
    // After the first selection the link's view no longer holds: choosing it again frames it.
    expect(framesSelection('a', null)).toBe(true);
  });
});
