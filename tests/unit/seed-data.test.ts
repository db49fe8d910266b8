/**
 * Seed data integrity: the six JSON tables in data/seed must match the domain schemas and keep the
 * dossier's rules (every fact cited, dark voyages with inferred routes only, no invented identifiers).
 *
 * Date-window convention used in the seed (the widest honest window):
 * - "8 Feb 2024" → that day, precision day; "7–8 Sep" → 7..8, precision day.
 * - "Aug 2023" → 1..31 Aug, precision month; "2024" → 1 Jan..31 Dec, precision year.
 * - "early X" → days 1–10, "mid-X" → days 10–20, "late X" → day 20 to month end (boundaries overlap on
 *   purpose), precision month. So "since late August 2023" starts on 2023-08-20.
 * - "about D" (or "about D1–D2") → widened by 2 days on each side, precision day, then capped by
 *   any adjacent dated fact from the same source (e.g. "at Rason about 10 Mar, loaded there 12 Mar" → 8..12 Mar).
 * - An open-ended period ("since Sep 2023", "from Oct 2023") ends on the reporting source's
 *   publication date; a period with no stated start ("to Feb 2024") is stored as null with a note.
 * - A voyage leg seen at its origin on day A and at its destination on day B gets departure and
 *   arrival windows A..B unless the source narrows them.
 * - `asReported` always keeps the dossier's wording.
 * Counts: `count` is the figure the source states and `countQualifier` how it qualified it ("at least N"
 * → at_least, "more than"/"over N" → more_than, "about N" → about, "as many as N" → as_many_as, a bare
 * number → exact); `countAsReported` keeps the source's words. "Hundreds" is no number: count null.
 * Counts are never summed across sources. A claim is filed under the publisher that made it
 * (`sourceId`); the outlet it was read in goes into `readInSourceIds`.
 */
import { describe, expect, it } from 'vitest';

import { corroborationProblem } from '@/lib/core/domain/corroboration';

import { identificationOf, seed } from './seed-records';

// The schema check itself: a table that does not parse fails this whole file with zod's issues
// (seed-records.ts parses the seed). The tests below check only what the schema cannot: rules
// across records and tables.

const sourceIds = new Set(seed.sources.map((s) => s.id));
const portIds = new Set(seed.ports.map((p) => p.id));
const vesselIds = new Set(seed.vessels.map((v) => v.id));

/** Every source id any record cites, with the record that cites it. */
function citations(): Array<{ from: string; sourceId: string }> {
  const out: Array<{ from: string; sourceId: string }> = [];
  const add = (from: string, ids: string[]) => ids.forEach((sourceId) => out.push({ from, sourceId }));
  seed.ports.forEach((p) => add(`port ${p.id}`, p.sourceIds));
  seed.vessels.forEach((v) => {
    add(`vessel ${v.id}`, v.sourceIds);
    v.sanctions.forEach((s, i) => add(`vessel ${v.id} sanction ${i}`, s.sourceIds));
    v.identityHistory.forEach((e, i) => add(`vessel ${v.id} identity ${i}`, e.sourceIds));
  });
  for (const r of [...seed.voyages, ...seed.observations]) {
    add(`record ${r.id}`, r.sourceIds);
    const identification = identificationOf(r);
    add(`record ${r.id} identification`, [...identification.sourceIds, ...identification.readInSourceIds]);
  }
  seed.claims.forEach((c) => add(`claim ${c.id}`, [c.sourceId, ...c.readInSourceIds]));
  return out;
}

function duplicates(ids: string[]): string[] {
  return ids.filter((id, i) => ids.indexOf(id) !== i);
}

describe('seed data', () => {
  it('gives every record an id that is unique within its table', () => {
    for (const table of [seed.sources, seed.ports, seed.vessels, seed.voyages, seed.observations, seed.claims]) {
      expect(duplicates(table.map((r) => r.id))).toEqual([]);
    }
  });

  it('only cites sources that exist', () => {
    const missing = citations().filter((c) => !sourceIds.has(c.sourceId));
    expect(missing).toEqual([]);
  });

  it('only refers to ports and vessels that exist', () => {
    const missing: string[] = [];
    const port = (from: string, id: string | null) => {
      if (id !== null && !portIds.has(id)) missing.push(`${from} → port ${id}`);
    };
    const vessel = (from: string, id: string | null) => {
      if (id !== null && !vesselIds.has(id)) missing.push(`${from} → vessel ${id}`);
    };
    seed.voyages.forEach((v) => {
      port(`voyage ${v.id}`, v.originPortId);
      port(`voyage ${v.id}`, v.destinationPortId);
      vessel(`voyage ${v.id}`, v.vesselId);
    });
    seed.observations.forEach((o) => {
      port(`observation ${o.id}`, o.portId);
      vessel(`observation ${o.id}`, o.vesselId);
    });
    seed.claims.forEach((c) => {
      port(`claim ${c.id}`, c.originPortId);
      port(`claim ${c.id}`, c.destinationPortId);
      c.vesselIds.forEach((id) => vessel(`claim ${c.id}`, id));
    });
    expect(missing).toEqual([]);
  });

  it('never cites a source for an event that began after the source was published', () => {
    const published = new Map(seed.sources.map((s) => [s.id, s.published]));
    const late: string[] = [];
    const check = (from: string, began: string | undefined, ids: string[]) => {
      for (const id of ids) {
        const p = published.get(id);
        if (began !== undefined && p && began > p.latest) late.push(`${from} began ${began}, after ${id} was published (${p.latest})`);
      }
    };
    seed.voyages.forEach((v) => check(`voyage ${v.id}`, v.departure.earliest, v.sourceIds));
    seed.observations.forEach((o) => check(`observation ${o.id}`, o.window.earliest, o.sourceIds));
    seed.claims.forEach((c) => check(`claim ${c.id}`, c.period?.earliest, [c.sourceId, ...c.readInSourceIds]));
    expect(late).toEqual([]);
  });

  it('marks a voyage corroborated only with two publishers outside the team', () => {
    const sources = new Map(seed.sources.map((s) => [s.id, s]));
    for (const v of seed.voyages.filter((x) => x.confidence === 'corroborated')) {
      expect(corroborationProblem(v.sourceIds, sources), v.id).toBeNull();
    }
    // The rule bites: the White House plus the team's own dossier is not corroboration.
    expect(corroborationProblem(['wh-2023-10-13', 'wakeline-dossier'], sources)).not.toBeNull();
    expect(corroborationProblem(['wh-2023-10-13', 'rusi-2023-10-16'], sources)).toBeNull();
  });

  it("records no vessel's MMSI as its own, since the only one found is in a third-party listing", () => {
    for (const v of seed.vessels) {
      expect(v.mmsi, v.id).toBeNull();
      expect(v.mmsiVerification, v.id).toBeNull();
    }
  });

  it('seeds exactly the four reported vessels and keeps the weak Angara IMO unverified', () => {
    expect(seed.vessels.map((v) => v.id).sort()).toEqual(['angara', 'lady-r', 'maia-1', 'maria']);
    const angara = seed.vessels.find((v) => v.id === 'angara');
    expect(angara?.imo).toBe('9179842');
    expect(angara?.imoVerification).toBe('unverified');
    for (const v of seed.vessels) if (v.imo === null) expect(v.imoVerification, v.id).toBeNull();
  });

  it('flags Dunai as approximate with a reason and ties every other port to a UN/LOCODE or WPI number', () => {
    expect(seed.ports).toHaveLength(11);
    const dunai = seed.ports.find((p) => p.id === 'dunai');
    expect(dunai?.approximate).toBe(true);
    expect(dunai?.approximateReason ?? '').toMatch(/\S/);
    for (const p of seed.ports.filter((x) => x.id !== 'dunai')) {
      expect(p.unlocode !== null || p.wpiNumber !== null, p.id).toBe(true);
      expect(p.approximate, p.id).toBe(false);
      expect(p.sourceIds, p.id).toContain('nga-wpi');
    }
  });

  it('gives no voyage an observed route, because the ships sailed dark', () => {
    for (const v of seed.voyages) expect(v.observedRoute, v.id).toBeNull();
  });

  it('never lets a voyage arrive before its departure window opens', () => {
    for (const v of seed.voyages) {
      expect(v.arrival.earliest >= v.departure.earliest, v.id).toBe(true);
      expect(v.originPortId, v.id).not.toBe(v.destinationPortId);
    }
  });

  it('stores no guessed coordinates for a sighting away from a known port', () => {
    for (const o of seed.observations.filter((x) => x.portId === null)) {
      expect(o.position, o.id).toBeNull();
      expect(o.placeName ?? '', o.id).toMatch(/\S/);
    }
  });

  it('describes the vessel whenever a sighting does not identify it', () => {
    for (const o of seed.observations.filter((x) => x.vesselId === null)) {
      expect(o.vesselDescription ?? '', o.id).toMatch(/\S/);
    }
  });

  it('keeps the URL of a mirrored source and explains where a secondary source was seen', () => {
    for (const s of seed.sources) {
      if (s.access === 'mirror') expect(s.url, s.id).not.toBeNull();
      if (s.access === 'secondary') expect(s.notes ?? '', s.id).toMatch(/\S/);
    }
  });

  it('leaves no source uncited (no orphans)', () => {
    const cited = new Set(citations().map((c) => c.sourceId));
    expect(seed.sources.map((s) => s.id).filter((id) => !cited.has(id))).toEqual([]);
  });
});
