import { describe, expect, it } from 'vitest';
import { classifyPositionsNaive, geofenceIndex, isInsideGeofence, nearestPort, type GeofencedPort } from '@/lib/core/geo';
import type { Position } from 'geojson';
import { mulberry32, port, ports } from './_load';

/** 1 nm north of a position, as [lon, lat]. */
const northNm = (p: Position, nm: number): Position => [p[0] as number, (p[1] as number) + nm / 60.0405];

describe('isInsideGeofence', () => {
  it('is true 2.9 nm from a 3 nm geofence centre and false at 3.1 nm', () => {
    const rajin = port('rajin');
    expect(isInsideGeofence(northNm(rajin.position, 2.9), rajin)).toBe(true);
    expect(isInsideGeofence(northNm(rajin.position, 3.1), rajin)).toBe(false);
  });
});

describe('nearestPort', () => {
  it('picks Vladivostok for a point in the Golden Horn and reports its distance', () => {
    const r = nearestPort([131.9, 43.11], ports);
    expect(r?.port.id).toBe('vladivostok');
    expect(r?.distanceNm).toBeCloseTo(0.52, 1);
    expect(r?.insideGeofence).toBe(true);
  });

  it('reports a nearest port outside its geofence in open sea', () => {
    const r = nearestPort([131.5, 42.0], ports);
    expect(r?.port.id).toBe('zarubino');
    expect(r?.insideGeofence).toBe(false);
  });

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
