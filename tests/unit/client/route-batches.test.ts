import type { LatLngTuple } from 'leaflet';
import { describe, expect, it } from 'vitest';
import { type Look, ProjectedLines, type SceneRoute, batchRoutes, thinArrows } from '@/components/map/routes/drawRoutes';
import { distanceToLine } from '@/lib/core/geo/routeStacks';
import { arrowheads } from '@/lib/core/geo/arrowheads';
import { arrowFractionsFor } from '@/lib/core/geo/arrowFractionsFor';

// A plain projection: 100 px a degree, y down.
const lines = new ProjectedLines(([lat, lng], zoom) => ({ x: lng * 100 * 2 ** zoom, y: -lat * 100 * 2 ** zoom }) as never);
const look: Look = { color: '#c2410c', weight: 2.5, opacity: 0.95, dashed: true, layer: 0 };
const sameLook = () => ({ key: 'a', look });

describe('batchRoutes', () => {
  // A bent sea route, 800 voyages on it in both directions (a generated stack).
  const west: LatLngTuple[] = [[42.2, 130.3], [42.0, 131.0], [42.5, 132.0], [42.7, 133.0]];
  const east = [...west].reverse();
  const coords = west.map(([lat, lng]) => [lng, lat]);
  const at = arrowFractionsFor(Array.from({ length: 800 }, (_, i) => ({ id: `v${i}`, coordinates: i % 2 ? [...coords].reverse() : coords })));
  const routes: SceneRoute[] = Array.from({ length: 800 }, (_, i) => ({ id: `v${i}`, drawn: west, latlngs: i % 2 ? east : west, arrowAt: at.get(`v${i}`)! }));

  it('draws a line shared by 800 voyages once, and at most nine arrows per direction', () => {
    const [batch, ...rest] = batchRoutes(routes, sameLook, lines.at(2));
    expect(rest).toEqual([]);
    expect(batch!.lines.size).toBe(1);
    expect(batch!.arrows.size).toBe(2);
    for (const slots of batch!.arrows.values()) {
      expect(slots.size).toBeGreaterThan(0);
      expect(slots.size).toBeLessThanOrEqual(9);
    }
  });

  it('puts every arrow on its line', () => {
    const project = lines.at(2);
    const [batch] = batchRoutes(routes, sameLook, project);
    for (const [line, slots] of batch!.arrows) {
      const slot = Math.max(33, line.length / 8);
      const tris = arrowheads(line.points, [...slots].map((s) => (s * slot) / line.length), 11);
      expect(tris).toHaveLength(slots.size);
      const px = line.points.map((p): [number, number] => [p.x, p.y]);
      for (const tri of tris) for (const p of tri) expect(distanceToLine([p.x, p.y], px)).toBeLessThanOrEqual(11);
    }
  });

  it('keeps looks apart, the selected one last, and does not throw on zero routes', () => {
    const selected: Look = { ...look, layer: 2, weight: 5 };
    const batches = batchRoutes(routes, (r) => (r.id === 'v3' ? { key: 's', look: selected } : sameLook()), lines.at(2));
    expect(batches.map((b) => b.look.layer)).toEqual([0, 2]);
    expect(batchRoutes([], sameLook, lines.at(2))).toEqual([]);
  });
});

describe('thinArrows', () => {
  // One route stack of 800 voyages in both directions, drawn as 6 lanes 4 px apart (at zoom 2, 400 px a degree).
  const base: LatLngTuple[] = [[42.2, 130.3], [42.0, 131.0], [42.5, 132.0], [42.7, 133.0]];
  const lanes = Array.from({ length: 6 }, (_, k) => base.map(([lat, lng]): LatLngTuple => [lat + k * 0.01, lng]));
  const coords = base.map(([lat, lng]) => [lng, lat]);
  const at = arrowFractionsFor(Array.from({ length: 800 }, (_, i) => ({ id: `v${i}`, coordinates: i % 2 ? [...coords].reverse() : coords })));
  const reversed = lanes.map((lane) => [...lane].reverse());
  const routes: SceneRoute[] = Array.from({ length: 800 }, (_, i) => ({
    id: `v${i}`,
    drawn: lanes[(i >> 1) % 6]!,
    latlngs: i % 2 ? reversed[(i >> 1) % 6]! : lanes[(i >> 1) % 6]!,
    arrowAt: at.get(`v${i}`)!,
  }));
  const project = lines.at(2);
  const direction = (tri: { x: number; y: number }[]) => Math.sign(tri[0]!.x - (tri[1]!.x + tri[2]!.x) / 2);

  it('draws the arrows of a stack of lanes once per place, each way', () => {
    const batches = batchRoutes(routes, sameLook, project);
    const unthinned = [...batches[0]!.arrows.values()].reduce((n, s) => n + s.size, 0);
    const [arrows] = thinArrows(batches);
    // Without thinning, every lane has its own arrows beside its neighbours'.
    expect(unthinned).toBeGreaterThan(40);
    expect(batches[0]!.arrows.size).toBe(12);
    expect(arrows!.length).toBeLessThan(unthinned / 3);
    // Both ways along the stack keep their arrows.
    expect(new Set(arrows!.map(direction))).toEqual(new Set([1, -1]));
    // No two arrows pointing the same way are within two arrow lengths of each other.
    for (const a of arrows!) {
      for (const b of arrows!) {
        if (a === b || direction(a) !== direction(b)) continue;
        expect(Math.hypot(a[0]!.x - b[0]!.x, a[0]!.y - b[0]!.y)).toBeGreaterThanOrEqual(22);
      }
    }
  });

  it('keeps the arrows of a lone route, and of the selected route over the others', () => {
    const lone = batchRoutes([routes[0]!], sameLook, project);
    expect(thinArrows(lone)[0]!).toHaveLength(lone[0]!.arrows.get(project(routes[0]!.latlngs))!.size);
    const selected: Look = { ...look, layer: 2, weight: 5 };
    const batches = batchRoutes(routes, (r) => (r.id === 'v2' ? { key: 's', look: selected } : sameLook()), project);
    const [, mine] = thinArrows(batches);
    expect(batches[1]!.look.layer).toBe(2);
    expect(mine!.length).toBeGreaterThan(0);
  });
});
