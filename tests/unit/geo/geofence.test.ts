import { describe, expect, it } from 'vitest';
import { classifyPositionsNaive, geofenceIndex, nearestPort, type GeofencedPort } from '@/lib/core/geo';
import type { Position } from 'geojson';
import { mulberry32, ports } from './_load';

// isInsideGeofence and nearestPort's answers are fixtures (tests/fixtures/geo, fixtures.test.ts).
describe('nearestPort', () => {
  it('returns the caller’s own port type', () => {
    const mine = [{ id: 'x', position: [130, 42] as [number, number], geofenceRadiusNm: 1, label: 'mine' }];
    expect(nearestPort([130, 42], mine)?.port.label).toBe('mine');
  });

  it('returns null for no ports', () => {
    expect(nearestPort([130, 42], [])).toBeNull();
  });
});

describe('geofenceIndex', () => {
  it('agrees exactly with the naive turf scan on 20,000 seeded random positions', () => {
    const rand = mulberry32(20230913);
    const positions: Position[] = [];
    for (let i = 0; i < 20_000; i++) {
      // Half over the region, half clustered within 6 nm of a random port, so both answers occur.
      if (i % 2 === 0) positions.push([127 + rand() * 9, 38.5 + rand() * 6.5]);
      else {
        const p = ports[Math.floor(rand() * ports.length)] as GeofencedPort;
        positions.push([p.position[0] + (rand() - 0.5) * 0.24, p.position[1] + (rand() - 0.5) * 0.18]);
      }
    }
    const naive = classifyPositionsNaive(positions, ports);
    expect(geofenceIndex(ports).classifyAll(positions)).toEqual(naive);
    expect(naive.filter((x) => x !== null).length).toBeGreaterThan(2_000);
    expect(naive.filter((x) => x === null).length).toBeGreaterThan(2_000);
  });

  it('gives the nearest port when geofences overlap', () => {
    const overlapping: GeofencedPort[] = [
      { id: 'west', position: [130.0, 42.0], geofenceRadiusNm: 10 },
      { id: 'east', position: [130.1, 42.0], geofenceRadiusNm: 10 },
    ];
    const positions: Position[] = [[130.03, 42.0], [130.08, 42.0], [131, 42]];
    expect(classifyPositionsNaive(positions, overlapping)).toEqual(['west', 'east', null]);
    expect(geofenceIndex(overlapping).classifyAll(positions)).toEqual(['west', 'east', null]);
  });

  it('does not mutate its input', () => {
    const before = structuredClone(ports);
    geofenceIndex(ports).classify([130.3, 42.23]);
    classifyPositionsNaive([[130.3, 42.23]], ports);
    expect(ports).toEqual(before);
  });
});
