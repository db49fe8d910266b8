/**
 * The fixes a running import has written, kept in memory by vessel as plain number columns
 * (about 40 bytes a fix: 40 MB for a million), so that its final step detects over them without
 * reading back what it has just written. The runner opens one per import (`keepFixes`) and drops it
 * when the import ends; `trackOf` (lib/server/imports/detect.ts) takes a vessel's own fixes from
 * here and only the earlier imports' from the database.
 *
 * Kept exactly as the database keeps them: the key is (vessel, time), the first fix at a time wins
 * within the import, and a fix at a time an earlier import already stored is that import's.
 */
import 'server-only';
import type { TrackPoint } from '@/lib/core/track/types';

interface Columns {
  t: number[];
  lon: number[];
  lat: number[];
  sog: number[];
  cog: number[];
}

/** One running import's fixes by vessel. */
export class ImportFixes {
  private readonly byVessel = new Map<string, Columns>();

  add(vesselId: string, p: TrackPoint): void {
    let c = this.byVessel.get(vesselId);
    if (!c) {
      c = { t: [], lon: [], lat: [], sog: [], cog: [] };
      this.byVessel.set(vesselId, c);
    }
    c.t.push(p.t);
    c.lon.push(p.lon);
    c.lat.push(p.lat);
    // NaN for "not reported" keeps the columns numeric (packed doubles, not boxed values).
    c.sog.push(p.sog ?? NaN);
    c.cog.push(p.cog ?? NaN);
  }

  /** The vessel's fixes in time order, the first of any two at the same time only, tagged with `seq`. */
  track(vesselId: string, seq: number): (TrackPoint & { import_seq: number })[] {
    const c = this.byVessel.get(vesselId);
    if (!c) return [];
    const n = c.t.length;
    let sorted = true;
    for (let i = 1; i < n && sorted; i++) sorted = c.t[i]! >= c.t[i - 1]!;
    // A file is nearly always in time order per vessel: then no sort at all.
    const order = sorted ? null : Array.from(c.t.keys()).sort((a, b) => c.t[a]! - c.t[b]! || a - b);
    const out: (TrackPoint & { import_seq: number })[] = [];
    let last = NaN;
    for (let k = 0; k < n; k++) {
      const i = order ? order[k]! : k;
      const t = c.t[i]!;
      if (t === last) continue;
      last = t;
      const sog = c.sog[i]!;
      const cog = c.cog[i]!;
      // One literal shape, as the database's rows have: the detectors' loops stay monomorphic.
      out.push({ t, lon: c.lon[i]!, lat: c.lat[i]!, sog: Number.isNaN(sog) ? null : sog, cog: Number.isNaN(cog) ? null : cog, import_seq: seq });
    }
    return out;
  }
}

const open = new Map<number, ImportFixes>();

/** Starts keeping the fixes of the import `seq` (until `dropFixes`). */
export function keepFixes(seq: number): ImportFixes {
  const fixes = new ImportFixes();
  open.set(seq, fixes);
  return fixes;
}

/** The fixes kept for the import `seq` in this process, if any. */
export function keptFixes(seq: number): ImportFixes | undefined {
  return open.get(seq);
}

/** Forgets the import's fixes (it ended, however). */
export function dropFixes(seq: number): void {
  open.delete(seq);
}
