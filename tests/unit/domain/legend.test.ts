import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { type LegendInput, bordersInView, cursorLabel, cursorSummaryOver, legendKeys } from '@/lib/core/domain/legend';
import type { Identification } from '@/lib/core/domain/schemas';

const named: Identification = { method: 'named_by_source', sourceIds: ['wh-2023-10-13'], words: 'MV Angara', readInSourceIds: [], teamReading: null };
const believed: Identification = { ...named, method: 'believed', words: 'believed to be the Lady R' };
const inferredRoute = { routeKind: 'inferred' as const, identification: named, basis: { kind: 'reported' as const } };
const base: LegendInput = { voyages: [], selected: undefined, ports: [], showGeofences: true, pins: 0, hasTiles: false };

describe('legendKeys: the legend explains what is drawn, and nothing else', () => {
  it('an empty map has only the land', () => {
    expect(legendKeys(base)).toEqual(['land']);
    expect(legendKeys({ ...base, hasTiles: true })).toEqual([]);
  });

  it('lists observed routes only when an observed route is drawn', () => {
    expect(legendKeys({ ...base, voyages: [inferredRoute] })).toEqual(['route-inferred', 'direction', 'land']);
    const both = legendKeys({ ...base, voyages: [inferredRoute, { ...inferredRoute, routeKind: 'observed' }] });
    expect(both).toContain('route-observed');
  });

  it('explains a hedge only when a drawn label carries it, the selected route alone when one is selected', () => {
    const hedged = { ...inferredRoute, identification: believed };
    expect(legendKeys({ ...base, voyages: [inferredRoute, hedged] })).toContain('hedged-name');
    const selectedPlain = legendKeys({ ...base, voyages: [inferredRoute, hedged], selected: inferredRoute });
    expect(selectedPlain).toContain('selected');
    expect(selectedPlain).not.toContain('hedged-name');
    const team = { ...inferredRoute, basis: { kind: 'inferred_from_sightings' as const, observationIds: ['a', 'b'] as [string, string] } };
    const teamKeys = legendKeys({ ...base, voyages: [team] });
    expect(teamKeys).toContain('team-inferred');
    expect(teamKeys).not.toContain('hedged-name');
  });

  it('ports, approximate ports, geofences, pins and sightings by what is on the map', () => {
    const ports = [{ approximate: false }, { approximate: true }];
    expect(legendKeys({ ...base, ports, showGeofences: false })).toEqual(['port', 'port-approximate', 'land']);
    expect(legendKeys({ ...base, ports: [{ approximate: false }] })).toEqual(['port', 'geofence', 'land']);
    expect(legendKeys({ ...base, pins: 2, sightings: { published: 0, draft: 1 } })).toEqual(['pin', 'sighting-draft', 'land']);
    expect(legendKeys({ ...base, sightings: { published: 3, draft: 0 } })).toEqual(['sighting', 'land']);
  });

  it('a country border only when one is in view, and never over raster tiles', () => {
    const tumen: FeatureCollection = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[130.6, 42.4], [130.7, 42.3]] } }],
    };
    expect(bordersInView(tumen, [130, 42, 131, 43])).toBe(true);
    expect(bordersInView(tumen, [132, 42, 134, 43])).toBe(false);
    expect(bordersInView(undefined, [130, 42, 131, 43])).toBe(false);
    expect(legendKeys({ ...base, borders: true })).toEqual(['land', 'border']);
    expect(legendKeys({ ...base, borders: false })).toEqual(['land']);
    expect(legendKeys({ ...base, borders: true, hasTiles: true })).toEqual([]);
  });

  it('the time cursor: certain, possible, faded and stretch entries only for what the cursor shows', () => {
    const three = { ...base, voyages: [inferredRoute, inferredRoute, inferredRoute] };
    // No cursor: no cursor entry, whatever the routes.
    expect(legendKeys(three).filter((k) => k.startsWith('cursor-'))).toEqual([]);
    const possibleOnly = legendKeys({ ...three, cursor: { day: '2024-02-06', possible: 1, certain: 0, stretches: 1 } });
    expect(possibleOnly).toEqual(['route-inferred', 'cursor-possible', 'cursor-faded', 'cursor-stretch', 'direction', 'land']);
    const all = legendKeys({ ...three, cursor: { day: '2024-02-06', possible: 1, certain: 2, stretches: 3 } });
    expect(all).toContain('cursor-certain');
    // Every voyage under way: none faded.
    expect(all).not.toContain('cursor-faded');
    // A cursor on a day nothing was under way: the routes are faded, no stretch.
    expect(legendKeys({ ...three, cursor: { day: '2025-06-01', possible: 0, certain: 0, stretches: 0 } }).filter((k) => k.startsWith('cursor-'))).toEqual([
      'cursor-faded',
    ]);
  });

  it('the cursor entries say the day as people read it', () => {
    expect(cursorLabel('cursor-possible', '2024-02-06')).toBe('Possibly under way on 6 Feb 2024');
    expect(cursorLabel('cursor-certain', '2024-03-10')).toContain('Certainly under way on 10 Mar 2024');
    expect(cursorLabel('cursor-stretch', '2024-02-06')).toBe('Where the ship could have been on 6 Feb 2024');
  });

  it('names no day for a video, whose date moves', () => {
    expect(cursorLabel('cursor-possible')).toBe('Possibly under way');
    expect(cursorLabel('cursor-faded')).toBe('Not under way (faded)');
  });

  it('a video explains the states some frame draws: the most voyages under way at once over its frames', () => {
    const w = (earliest: string, latest = earliest) => ({ earliest, latest });
    const voyages = [
      { departure: w('2024-03-01', '2024-03-02'), arrival: w('2024-03-11', '2024-03-12') },
      { departure: w('2024-03-05'), arrival: w('2024-03-06') },
      { departure: w('2024-03-09'), arrival: w('2024-03-01') }, // contradictory: never under way
    ];
    const at = (iso: string) => Date.parse(iso);
    // 6 Mar, 00:00: the first certainly under way, the second possibly (on its arrival day).
    expect(cursorSummaryOver(voyages, [at('2024-03-06T00:00Z')])).toEqual({ possible: 1, certain: 1, stretches: 2 });
    expect(cursorSummaryOver(voyages, [at('2024-02-01T00:00Z'), at('2024-03-20T00:00Z')])).toEqual({ possible: 0, certain: 0, stretches: 0 });
    expect(cursorSummaryOver(voyages, [at('2024-03-01T12:00Z'), at('2024-03-05T12:00Z')])).toMatchObject({ possible: 1 });
  });
});
