import { describe, expect, it } from 'vitest';
import { type TileStyle, tileCoverage } from '@/components/map/tracks/drawTile';
import { buildTrackModel, mercatorX, mercatorY } from '@/components/map/tracks/model';
import type { TrackDto } from '@/lib/core/track/types';

const STYLE: TileStyle = { color: '#c2410c', weight: 2, opacity: 0.9, gapWeight: 2.5, gapDotEveryPx: 6.1, finestZoom: 12 };
const Z = 8;
const SIZE = 256;

/** A lone fix; a day later a straight run east at 10-minute fixes, silent for 20 h, then another run further east; and one lone fix a day later. */
function track(): TrackDto {
  const t0 = Date.UTC(2024, 1, 6) / 1000;
  const t: number[] = [t0 - 30 * 3600];
  const coords: number[] = [130.2, 42.0];
  for (let i = 0; i < 30; i++) {
    t.push(t0 + i * 600);
    coords.push(130.4 + i * 0.02, 42.3);
  }
  const back = t.at(-1)! + 20 * 3600;
  for (let i = 0; i < 30; i++) {
    t.push(back + i * 600);
    coords.push(132.6 + i * 0.02, 42.3);
  }
  t.push(t.at(-1)! + 30 * 3600);
  coords.push(133.5, 42.6);
  return { vesselId: 'v1', vesselName: 'Angara', t, coords, sog: t.map(() => 10) };
}

/** Global Mercator pixel of a [lon, lat] at zoom Z. */
const px = (lon: number, lat: number) => ({ x: mercatorX(lon) * SIZE * 2 ** Z, y: mercatorY(lat) * SIZE * 2 ** Z });

/** The coverage at a global pixel, from whichever tile holds it (tiles made on demand). */
function sampler(models: ReturnType<typeof buildTrackModel>[], ratio = 1) {
  const made = new Map<string, ReturnType<typeof tileCoverage>>();
  return (gx: number, gy: number) => {
    const tx = Math.floor(gx / SIZE);
    const ty = Math.floor(gy / SIZE);
    const key = `${tx}/${ty}`;
    if (!made.has(key)) made.set(key, tileCoverage(models, { z: Z, x: tx, y: ty }, SIZE, ratio, STYLE));
    const { mask } = made.get(key)!;
    return mask.at(Math.floor((gx - tx * SIZE) * ratio), Math.floor((gy - ty * SIZE) * ratio));
  };
}

describe('tileCoverage: a tile of observed tracks', () => {
  const model = buildTrackModel(track(), 6);
  const at = sampler([model]);
  const y = Math.floor(px(131, 42.3).y);

  it('inks the track solid along its parts, across tile edges, and nothing off it', () => {
    const [a, b] = [px(130.4, 42.3).x, px(130.4 + 29 * 0.02, 42.3).x];
    for (let x = Math.ceil(a); x < b; x++) expect(at(x, y), `pixel ${x}`).toBeGreaterThan(200);
    // The line crosses at least one tile edge on the way (the test would prove nothing otherwise).
    expect(Math.floor(a / SIZE)).not.toBe(Math.floor(b / SIZE));
    expect(at(Math.floor((a + b) / 2), y - 4)).toBe(0);
    expect(at(Math.floor((a + b) / 2), y + 4)).toBe(0);
  });

  it('dots the silence a period apart from the last fix on, even where a tile edge cuts it', () => {
    const from = px(130.4 + 29 * 0.02, 42.3).x;
    const to = px(132.6, 42.3).x;
    // The middle of each run of inked pixels along the connector.
    const runs: number[] = [];
    let start = -1;
    for (let x = Math.ceil(from) + 3; x < to - 3; x++) {
      const inked = at(x, y) > 60;
      if (inked && start < 0) start = x;
      if (!inked && start >= 0) {
        runs.push((start + x) / 2);
        start = -1;
      }
    }
    // A dot every 6.1 px over the connector: as many as its length allows, each where the last fix's phase puts it.
    expect(runs.length).toBeGreaterThan(Math.floor((to - from - 6) / STYLE.gapDotEveryPx) - 2);
    for (const x of runs) {
      const phase = (x - from) / STYLE.gapDotEveryPx;
      expect(Math.abs(phase - Math.round(phase)), `dot at ${x}`).toBeLessThan(0.1);
    }
    expect(Math.floor(from / SIZE)).not.toBe(Math.floor(to / SIZE));
  });

  it('draws a lone fix (silent before and after) as a dot, first or last', () => {
    for (const p of [px(130.2, 42.0), px(133.5, 42.6)]) {
      expect(at(Math.floor(p.x), Math.floor(p.y))).toBeGreaterThan(200);
      expect(at(Math.floor(p.x) + 4, Math.floor(p.y))).toBe(0);
    }
    // A track of one fix has no connector to carry a dot at its start: it is a dot of its own.
    const one = buildTrackModel({ vesselId: 'v2', vesselName: 'Maia-1', t: [0], coords: [131.1, 42.1], sog: [null] }, 6);
    const p = px(131.1, 42.1);
    expect(sampler([one])(Math.floor(p.x), Math.floor(p.y))).toBeGreaterThan(200);
  });

  it('leaves a tile the tracks do not cross empty, stamping nothing', () => {
    const far = tileCoverage([model], { z: Z, x: 10, y: 10 }, SIZE, 1, STYLE);
    expect(far.fixes).toBe(0);
    expect(far.gaps).toBe(0);
    expect(far.mask.data.some((v) => v > 0)).toBe(false);
  });

  it('draws at the device pixel ratio: twice the pixels, the same places', () => {
    const sharp = sampler([model], 2);
    const x = Math.floor(px(130.5, 42.3).x);
    expect(sharp(x, y)).toBeGreaterThan(200);
    expect(sharp(x, y - 4)).toBe(0);
    expect(tileCoverage([model], { z: Z, x: Math.floor(x / SIZE), y: Math.floor(y / SIZE) }, SIZE, 2, STYLE).mask.width).toBe(512);
  });
});
