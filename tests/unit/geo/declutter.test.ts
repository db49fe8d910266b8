import { describe, expect, it } from 'vitest';
import { type Box, type LabelRequest, areaSpots, centredSpot, declutter, overlaps, pointSpots, textBox } from '@/lib/core/geo/declutter';
import { type LabelScene, type Place, labelRequests, portObstacles } from '@/lib/core/domain/places';
import { port } from '../../fixtures/ports';

const req = (item: string, priority: number, ...spots: Box[]): LabelRequest<string> => ({
  item,
  priority,
  spots: spots.map((box) => ({ x: box[0], y: box[3], anchor: 'start' as const, box })),
});

describe('declutter', () => {
  it('places labels by priority: the lower number wins the room, the other takes its next spot or is left out', () => {
    const placed = declutter([req('town', 50, [0, 0, 50, 10]), req('port', 10, [10, 0, 60, 10]), req('sea', 30, [20, 5, 70, 15], [0, 20, 50, 30])], []);
    expect(placed.map((p) => p.item)).toEqual(['port', 'sea']);
    expect(placed[1]!.spot.box).toEqual([0, 20, 50, 30]);
  });

  it('keeps equal priorities in their given order, avoids obstacles and stays inside the bounds', () => {
    const obstacles: Box[] = [[0, 0, 10, 10]];
    const placed = declutter(
      [req('a', 1, [5, 5, 20, 15], [20, 0, 40, 10]), req('b', 1, [20, 0, 40, 10]), req('c', 1, [90, 0, 120, 10], [60, 0, 80, 10])],
      obstacles,
      [0, 0, 100, 100],
    );
    expect(placed.map((p) => [p.item, p.spot.box[0]])).toEqual([
      ['a', 20],
      ['c', 60],
    ]);
    expect(obstacles).toHaveLength(3);
  });

  it('never returns two labels whose boxes overlap, however crowded', () => {
    const requests: LabelRequest<number>[] = [];
    for (let i = 0; i < 200; i++) {
      const x = (i * 37) % 300;
      const y = (i * 53) % 200;
      requests.push({ item: i, priority: i % 7, spots: pointSpots(x, y, 40 + (i % 5) * 10, 12, 6, 1) });
    }
    const placed = declutter(requests, []);
    expect(placed.length).toBeGreaterThan(10);
    expect(placed.length).toBeLessThan(200);
    for (let i = 0; i < placed.length; i++)
      for (let j = i + 1; j < placed.length; j++) expect(overlaps(placed[i]!.spot.box, placed[j]!.spot.box)).toBe(false);
  });

  it('puts point labels beside, above and below the point, clear of it, and area names on it', () => {
    const spots = pointSpots(100, 100, 40, 10, 8);
    expect(spots.map((s) => s.anchor)).toEqual(['start', 'end', 'middle', 'middle']);
    const dot: Box = [94, 94, 106, 106];
    for (const s of spots) expect(overlaps(s.box, dot)).toBe(false);
    const c = centredSpot(100, 100, 40, 10);
    expect(c.box[0]).toBe(80);
    expect(c.box[2]).toBe(120);
    expect(textBox(spots[0]!, 40, 10)[0]).toBe(108);
  });

  it('moves an area name off a port on its point rather than leaving it out', () => {
    const port: Box = [95, 95, 105, 105];
    const [placed] = declutter([{ item: 'NORTH KOREA', priority: 20, spots: areaSpots(100, 100, 90, 13, 3) }], [port]);
    expect(placed).toBeDefined();
    expect(overlaps(placed!.spot.box, port)).toBe(false);
    expect(Math.abs(placed!.spot.y - 100)).toBeLessThan(30);
  });
});

const place = (kind: Place['kind'], name: string, position: [number, number], minZoom = 0, maxZoom = 22, rank = 0): Place => ({ kind, name, position, minZoom, maxZoom, rank });

const scene = (over: Partial<LabelScene> = {}): LabelScene => ({
  places: [
    place('country', 'Russia', [133, 44]),
    place('sea', 'Peter the Great Gulf', [131.8, 42.6], 6),
    place('city', 'Vladivostok', [131.87, 43.1]),
    place('city', 'Ussuriysk', [131.95, 43.8], 6, 22, 2),
    place('country', 'China', [125, 45], 0, 6.5),
  ],
  ports: [port('vladivostok', 'Vladivostok', [131.888, 43.109]), port('rajin', 'Rajin', [130.3, 42.23])],
  active: new Set(['rajin']),
  showPortLabels: true,
  zoom: 7,
  // 100 px per degree, north up.
  project: (lon, lat) => [(lon - 125) * 100, (46 - lat) * 100],
  measure: (text) => text.length * 7,
  ...over,
});

describe('the names on the map', () => {
  it('orders them: active ports, countries, seas, other ports, then towns by rank', () => {
    const byPriority = [...labelRequests(scene())].sort((a, b) => a.priority - b.priority).map((r) => r.item.text);
    expect(byPriority).toEqual(['Rajin', 'RUSSIA', 'Peter the Great Gulf', 'Vladivostok', 'Ussuriysk']);
  });

  it('shows each name only within its zooms, and a town a port label already names once', () => {
    const at5 = labelRequests(scene({ zoom: 5 })).map((r) => r.item.text);
    expect(at5).toContain('CHINA');
    expect(at5).not.toContain('Peter the Great Gulf');
    expect(at5.filter((t) => t === 'Vladivostok')).toHaveLength(1);
    const noPortLabels = labelRequests(scene({ showPortLabels: false })).map((r) => `${r.item.kind}:${r.item.text}`);
    expect(noPortLabels).toContain('city:Vladivostok');
    expect(noPortLabels).not.toContain('port-active:Rajin');
  });

  it('keeps every name off the port dots', () => {
    const s = scene();
    const obstacles = portObstacles(s);
    const placed = declutter(labelRequests(s), [...obstacles]);
    for (const { spot } of placed) for (const o of obstacles) expect(overlaps(spot.box, o)).toBe(false);
  });
});
