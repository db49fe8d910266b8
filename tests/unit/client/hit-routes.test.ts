import type { LatLngTuple } from 'leaflet';
import { describe, expect, it } from 'vitest';
import { ProjectedLines } from '@/components/map/routes/drawRoutes';
import { hitRoutes } from '@/components/map/routes/hitRoutes';

// A plain projection at zoom 0: 1 px a degree of longitude, y down.
const lines = new ProjectedLines(([lat, lng]) => ({ x: lng, y: -lat }) as never);
const project = lines.at(0);

/** A horizontal lane at y = -lat px, from x = 0 to 200. */
const lane = (lat: number): LatLngTuple[] => [[lat, 0], [lat, 200]];

describe('hitRoutes', () => {
  // A stack of five lanes 4 px apart around y = 0 (offsets -8 … 8), and a lone route 40 px away.
  const lanes = [-8, -4, 0, 4, 8].map(lane);
  const lone = lane(40);
  const byLine = new Map<LatLngTuple[], string[]>([...lanes.map((l, i): [LatLngTuple[], string[]] => [l, [`s${i}`]]), [lone, ['lone']]]);
  const stacks = new Map(lanes.map((l) => [l, 'stack-1']));

  it('offers every lane of a stack when the pointer is on its middle, the nearest first', () => {
    const ids = hitRoutes({ x: 100, y: 0 }, byLine, project, undefined, stacks);
    expect(ids[0]).toBe('s2');
    expect([...ids].sort()).toEqual(['s0', 's1', 's2', 's3', 's4']);
    // Without the stacks, the outer lanes (8 px off) are beyond the pointer's reach.
    expect([...hitRoutes({ x: 100, y: 0 }, byLine, project, undefined)].sort()).toEqual(['s1', 's2', 's3']);
  });

  it('brings no stack the pointer is not on, and no lone route beyond its reach', () => {
    expect(hitRoutes({ x: 100, y: -20 }, byLine, project, undefined, stacks)).toEqual([]);
    expect(hitRoutes({ x: 100, y: -40 }, byLine, project, undefined, stacks)).toEqual(['lone']);
    expect(hitRoutes({ x: 100, y: -30 }, byLine, project, undefined, stacks)).toEqual([]);
  });
});
