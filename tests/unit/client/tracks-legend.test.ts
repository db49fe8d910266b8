import { describe, expect, it } from 'vitest';
import { eventsUrl, tracksUrl } from '@/lib/client/api/tracks';
import { type LegendInput, legendKeys } from '@/lib/core/domain/legend';

const base: LegendInput = { voyages: [], selected: undefined, ports: [], showGeofences: false, pins: 0, hasTiles: true };

describe('the legend explains the track symbols the map draws, and only those', () => {
  it('shows "Route observed" for a drawn track even when no voyage is observed', () => {
    expect(legendKeys({ ...base, tracks: { fixes: 10, gaps: 0, darkPortCalls: 0 } })).toEqual(['route-observed']);
  });

  it('adds the dotted gap and the dark port call halo when drawn', () => {
    const keys = legendKeys({ ...base, ports: [{ approximate: false }], tracks: { fixes: 10, gaps: 1, darkPortCalls: 2 } });
    expect(keys).toEqual(['route-observed', 'track-gap', 'port', 'dark-port-call']);
  });

  it('explains nothing of tracks when none are drawn (the layer toggled off)', () => {
    expect(legendKeys({ ...base, tracks: { fixes: 0, gaps: 0, darkPortCalls: 0 } })).toEqual([]);
  });
});

describe('the tracks API URLs', () => {
  it('asks for every vessel without an id, and escapes an id', () => {
    expect(tracksUrl()).toBe('/api/tracks');
    expect(tracksUrl({ vessel: 'a b' })).toBe('/api/tracks?vessel=a+b');
    expect(eventsUrl()).toBe('/api/events');
    expect(eventsUrl({ vessel: 'v1' }, 'gap')).toBe('/api/events?vessel=v1&kind=gap');
  });

  it("carries the dashboard's days, and leaves out what is not set", () => {
    expect(tracksUrl({ vessel: 'v1', from: '2024-02-01', to: '2024-03-31' })).toBe('/api/tracks?vessel=v1&from=2024-02-01&to=2024-03-31');
    expect(tracksUrl({ from: '2024-02-01', vessel: undefined })).toBe('/api/tracks?from=2024-02-01');
    expect(eventsUrl({ to: '2024-03-31' })).toBe('/api/events?to=2024-03-31');
  });
});
