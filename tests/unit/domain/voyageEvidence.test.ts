import { describe, expect, it } from 'vitest';
import type { Claim, Observation } from '@/lib/core/domain/schemas';
import { type Leg, voyageEvidence } from '@/lib/core/domain/voyageEvidence';

const leg: Leg = {
  originPortId: 'rajin',
  destinationPortId: 'dunai',
  departure: { earliest: '2023-09-07', latest: '2023-09-08' },
  arrival: { earliest: '2023-09-10', latest: '2023-09-12' },
};

const seen = (id: string, portId: string | null, earliest: string, latest: string, sourceIds = [`src-${id}`]): Observation => ({
  id,
  vesselId: 'angara',
  vesselDescription: null,
  portId,
  position: null,
  placeName: null,
  activity: 'in-port',
  window: { earliest, latest, precision: 'day' },
  identification: null,
  sourceIds,
  notes: null,
});

const claim = (id: string, originPortId: string | null, destinationPortId: string | null, sourceId = `src-${id}`): Claim => ({
  id,
  sourceId,
  readInSourceIds: [],
  statement: id,
  originPortId,
  destinationPortId,
  vesselIds: [],
  period: null,
  count: null,
  countQualifier: null,
  countAsReported: null,
  countUnit: null,
  notes: null,
});

const ids = (xs: { id: string }[]) => xs.map((x) => x.id);

describe('voyageEvidence', () => {
  it('keeps sightings at either end whose window touches the departure or the arrival window', () => {
    const { sightings } = voyageEvidence(
      leg,
      [
        seen('rajin-at-departure', 'rajin', '2023-09-08', '2023-09-08'),
        seen('dunai-at-arrival', 'dunai', '2023-09-12', '2023-09-20'),
        seen('rajin-spanning-both', 'rajin', '2023-09-01', '2023-09-30'),
        seen('dunai-at-departure', 'dunai', '2023-09-07', '2023-09-07'),
      ],
      [],
    );
    expect(ids(sightings)).toEqual(['rajin-at-departure', 'dunai-at-arrival', 'rajin-spanning-both', 'dunai-at-departure']);
  });

  it('drops sightings elsewhere, at no port, or between and outside the windows', () => {
    const { sightings } = voyageEvidence(
      leg,
      [
        seen('vostochny-at-departure', 'vostochny', '2023-09-07', '2023-09-07'),
        seen('at-sea', null, '2023-09-07', '2023-09-07'),
        seen('rajin-between-windows', 'rajin', '2023-09-09', '2023-09-09'),
        seen('dunai-day-after', 'dunai', '2023-09-13', '2023-09-13'),
        seen('rajin-day-before', 'rajin', '2023-09-06', '2023-09-06'),
      ],
      [],
    );
    expect(sightings).toEqual([]);
  });

  it('counts a claim naming both ends, in either direction, as about the route', () => {
    const { routeClaims, portClaims } = voyageEvidence(leg, [], [claim('there', 'rajin', 'dunai'), claim('back', 'dunai', 'rajin')]);
    expect(ids(routeClaims)).toEqual(['there', 'back']);
    expect(portClaims).toEqual([]);
  });

  it('counts a claim naming one end, one end and another port, or one end twice, as about the port', () => {
    const claims = [
      claim('rajin-traffic', 'rajin', null),
      claim('into-dunai', null, 'dunai'),
      claim('rajin-to-vostochny', 'rajin', 'vostochny'),
      claim('rajin-to-rajin', 'rajin', 'rajin'),
    ];
    const { routeClaims, portClaims } = voyageEvidence(leg, [], claims);
    expect(routeClaims).toEqual([]);
    expect(ids(portClaims)).toEqual(ids(claims));
  });

  it('lists each source the sightings and all the claims cite once, in order of first citation', () => {
    const { citedSourceIds } = voyageEvidence(
      leg,
      [seen('a', 'rajin', '2023-09-07', '2023-09-07', ['s1', 's2']), seen('far', 'rajin', '2024-01-01', '2024-01-01', ['s-unused'])],
      [claim('route', 'rajin', 'dunai', 's2'), claim('port', 'dunai', null, 's3')],
    );
    expect(citedSourceIds).toEqual(['s1', 's2', 's3']);
  });

  it('does not mutate its inputs', () => {
    const observations = [seen('a', 'rajin', '2023-09-07', '2023-09-07')];
    const claims = [claim('route', 'rajin', 'dunai')];
    const before = structuredClone({ leg, observations, claims });
    voyageEvidence(leg, observations, claims);
    expect({ leg, observations, claims }).toEqual(before);
  });
});
