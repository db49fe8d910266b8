/**
 * The fixes a running import has written, kept in memory by vessel as number columns (40 bytes a
 * fix in Float64Array chunks: 40 MB for a million, nothing for the collector to trace), so that its
 * final step detects over them without reading back what it has just written. The runner makes
 * one per import and hands it to the final step (FinishInput.fixes); `trackOf`
 * (lib/server/imports/detect.ts) takes the vessel's own fixes from it and only the earlier
 * imports' from the database.
 *
 * Kept exactly as the database keeps them: the key is (vessel, time), the first fix at a time wins
 * within the import, and a fix at a time an earlier import already stored is that import's.
 */
import 'server-only';
import type { TrackPoint } from '@/lib/core/track/types';

/** Fixes per chunk: columns grow a chunk at a time, never copied (160 KB a chunk for all five). */
const CHUNK = 4_096;

/** One vessel's fixes as five number columns (t, lon, lat, sog, cog; NaN for "not reported"). */
class Columns {
  private readonly chunks: Float64Array[] = [];
  length = 0;

  push(t: number, lon: number, lat: number, sog: number, cog: number): void {
    const at = this.length % CHUNK;
    if (at === 0) this.chunks.push(new Float64Array(CHUNK * 5));
    const chunk = this.chunks[this.chunks.length - 1]!;
    chunk[at] = t;
    chunk[CHUNK + at] = lon;
    chunk[2 * CHUNK + at] = lat;
    chunk[3 * CHUNK + at] = sog;
    chunk[4 * CHUNK + at] = cog;
    this.length += 1;
  }

  /** Column `c` (0 t, 1 lon, 2 lat, 3 sog, 4 cog) of fix `i`. */
  get(c: number, i: number): number {
    return this.chunks[Math.floor(i / CHUNK)]![c * CHUNK + (i % CHUNK)]!;
  }
}

/** One running import's fixes by vessel. */
export class ImportFixes {
  private readonly byVessel = new Map<string, Columns>();

  add(vesselId: string, p: TrackPoint): void {
    let c = this.byVessel.get(vesselId);
    if (!c) {
      c = new Columns();
      this.byVessel.set(vesselId, c);
    }
    c.push(p.t, p.lon, p.lat, p.sog ?? NaN, p.cog ?? NaN);
  }

  /** The vessel's fixes in time order, the first of any two at the same time only, tagged with `seq`. */
  track(vesselId: string, seq: number): (TrackPoint & { import_seq: number })[] {
    const c = this.byVessel.get(vesselId);
    if (!c) return [];
    const n = c.length;
    let sorted = true;
    for (let i = 1; i < n && sorted; i++) sorted = c.get(0, i) >= c.get(0, i - 1);
    // A file is nearly always in time order per vessel: then no sort at all.
    const order = sorted ? null : Array.from({ length: n }, (_, i) => i).sort((a, b) => c.get(0, a) - c.get(0, b) || a - b);
    const out: (TrackPoint & { import_seq: number })[] = [];
    let last = NaN;
    for (let k = 0; k < n; k++) {
      const i = order ? order[k]! : k;
      const t = c.get(0, i);
      if (t === last) continue;
      last = t;
      const sog = c.get(3, i);
      const cog = c.get(4, i);
      // One literal shape, as the database's rows have: the detectors' loops stay monomorphic.
      out.push({ t, lon: c.get(1, i), lat: c.get(2, i), sog: Number.isNaN(sog) ? null : sog, cog: Number.isNaN(cog) ? null : cog, import_seq: seq });
    }
    return out;
  }
}
