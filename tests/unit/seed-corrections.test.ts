/**
 * The dossier's "Corrections and additions (audit of 27 Nov 2026)" held in the seed: one test per
 * correction (C1-C13) here, the additions (A1-A8) and the third-party MMSI (N1) in
 * seed-additions.test.ts. Each reads the parsed seed, never the JSON text.
 */
import { describe, expect, it } from 'vitest';

import { find, identificationOf, joinedSightingIds, seed } from './seed-records';

const day = (d: string) => ({ earliest: d, latest: d, precision: 'day' });

describe('seed corrections (dossier audit)', () => {
  it('the Angara voyage credits the White House with naming the ship', () => {
    const voyage = find('voyages', 'angara-rajin-dunai-2023-09');
    const identification = identificationOf(voyage);
    expect(identification.method).toBe('named_by_source');
    expect(identification.sourceIds).toEqual(['wh-2023-10-13']);
    expect(identification.words).toContain('MV Angara');
    expect(voyage.sourceIds).toContain('koreaherald-2023-10-17');
    expect(voyage.sourceIds).not.toContain('wakeline-dossier');
  });

  it('no record says the press identified the ship the White House named', () => {
    expect(identificationOf(find('observations', 'angara-loading-najin-2023-09-07')).method).toBe('named_by_source');
    const pressIdentified = [...seed.voyages, ...seed.observations, ...seed.claims].filter((r) => /press identified/i.test(r.notes ?? ''));
    expect(pressIdentified.map((r) => r.id)).toEqual([]);
  });

  it('the 1,000-containers claim has no route and no vessel', () => {
    const claim = find('claims', 'wh-2023-10-13-containers-delivered');
    expect([claim.originPortId, claim.destinationPortId, claim.period]).toEqual([null, null, null]);
    expect(claim.vesselIds).toEqual([]);
    expect([claim.count, claim.countQualifier]).toEqual([1000, 'more_than']);
    const onTheLeg = seed.claims.filter(
      (c) => c.countUnit === 'containers' && (c.count ?? 0) >= 1000 && c.originPortId === 'rajin' && c.destinationPortId === 'dunai',
    );
    expect(onTheLeg.map((c) => c.id)).toEqual([]);
  });

  it('the 300 containers at Najin were staged, about 300 and not at least 300', () => {
    const claim = find('claims', 'wh-2023-10-13-containers-loaded');
    expect([claim.count, claim.countQualifier]).toEqual([300, 'about']);
    expect(claim.statement).toMatch(/staged/);
    expect(claim.statement).not.toMatch(/loaded/);
    expect(find('claims', 'wh-2023-10-13-angara-set-of-containers').vesselIds).toEqual(['angara']);
  });

  it('the four trips are filed under RUSI and read in The Moscow Times', () => {
    const claim = find('claims', 'mt-2023-10-16-four-trips');
    expect(claim.sourceId).toBe('rusi-2023-10-16');
    expect(claim.readInSourceIds).toEqual(['mt-2023-10-16']);
    expect([claim.count, claim.countQualifier, claim.countAsReported]).toEqual([4, 'at_least', 'at least four']);
  });

  it("CSIS's 25 entries into Najin belong to no vessel, and Angara and Maria are the ships frequently detected", () => {
    expect(find('claims', 'csis-2024-02-28-25-visits').vesselIds).toEqual([]);
    expect(find('claims', 'csis-2024-02-28-frequently-detected').vesselIds).toEqual(['angara', 'maria']);
    expect(identificationOf(find('observations', 'najin-last-visit-2024-02-12')).method).toBe('unidentified');
  });

  it("the MSMT's 20,000 containers went by sea, air and rail, and the Russian-flagged vessels carried the rounds", () => {
    const containers = find('claims', 'msmt-2025-05-29-containers');
    expect([containers.count, containers.countQualifier]).toEqual([20000, 'more_than']);
    expect(containers.statement).toMatch(/sea, air and rail/);
    expect(containers.statement).not.toMatch(/Russian-flagged/);
    const rounds = find('claims', 'msmt-2025-05-29-rounds');
    expect([rounds.count, rounds.countQualifier]).toEqual([9000000, 'as_many_as']);
    expect(rounds.statement).toMatch(/Russian-flagged cargo vessels/);
    expect(rounds.period).toMatchObject({ earliest: '2024-01-01', latest: '2024-12-20' });
  });

  it('every count keeps its qualifier, and no approximate figure is stored as a minimum', () => {
    for (const c of seed.claims) {
      expect(c.count === null, c.id).toBe(c.countQualifier === null);
      expect(c.count === null, c.id).toBe(c.countAsReported === null);
    }
    expect(find('claims', 'osc-2025-02-18-containers').countQualifier).toBe('about');
    const approximate = seed.claims.filter((c) => /\b(about|approximately)\b/i.test(`${c.statement} ${c.countAsReported ?? ''}`));
    expect(approximate.length).toBeGreaterThan(0);
    expect(approximate.filter((c) => c.countQualifier === 'at_least').map((c) => c.id)).toEqual([]);
  });

  it("Maia-1's nine trips run over 2023 and 2024 only, and it is sanctioned by the US and the EU", () => {
    const claim = find('claims', 'osc-2025-02-18-nine-trips');
    expect([claim.count, claim.countQualifier, claim.period?.latest]).toEqual([9, 'at_least', '2024-12-31']);
    const authorities = find('vessels', 'maia-1').sanctions.map((s) => s.authority);
    expect(authorities).toEqual(expect.arrayContaining(['United States', 'European Union']));
  });

  it("Lady R's hundreds of containers belong to the Rason to Vostochny leg of 12-14 Mar 2024", () => {
    const claim = find('claims', 'nkpro-2024-03-15-hundreds-of-containers');
    expect([claim.originPortId, claim.destinationPortId, claim.count]).toEqual(['rajin', 'vostochny', null]);
    expect(claim.period).toMatchObject({ earliest: '2024-03-12', latest: '2024-03-14' });
    expect(find('voyages', 'lady-r-rajin-vostochny-2024-03').cargo ?? '').toMatch(/hundreds of containers/i);
    expect(find('voyages', 'lady-r-vostochny-vladivostok-2024-02').cargo).toBeNull();
  });

  it('Lady R left Vladivostok between 7 and 9 Mar 2024, and the ship at Rason pier 1 only matches it', () => {
    expect(find('voyages', 'lady-r-vladivostok-rajin-2024-03').departure).toMatchObject({ earliest: '2024-03-07', latest: '2024-03-09' });
    expect(find('observations', 'lady-r-vladivostok-2024-02-10').window.latest).toBe('2024-03-09');
    const matching = find('observations', 'lady-r-matching-rason-pier-1-2024-03-10');
    expect(identificationOf(matching)).toMatchObject({ method: 'matching', sourceIds: ['nknews-2024-03-11'] });
    expect(identificationOf(matching).words).toMatch(/matching/);
  });

  it("Bloomberg's 'seems to show' and Yomiuri's 'believed to be the Lady R' stay hedged", () => {
    const bloomberg = identificationOf(find('observations', 'angara-unloading-najin-2023-12-09'));
    expect(bloomberg.method).toBe('believed');
    expect(bloomberg.words).toMatch(/seems to show/);
    const yomiuri = [
      find('observations', 'lady-r-vostochny-2024-04-02'),
      find('observations', 'lady-r-rajin-2024-04-14'),
      find('voyages', 'lady-r-vostochny-rajin-2024-04'),
    ];
    for (const r of yomiuri) {
      expect(identificationOf(r).method, r.id).toBe('believed');
      expect(identificationOf(r).words, r.id).toMatch(/believed to be the Lady R/);
    }
  });

  it("the Guardian's 'Maia' is read as Maia-1 by the team, and says so", () => {
    const identification = identificationOf(find('observations', 'maia-1-loading-najin-2023-sep-dec'));
    expect(identification.words).toBe('Maia');
    expect(identification.teamReading ?? '').toMatch(/Maia-1/);
    const read = [...seed.observations, ...seed.voyages].filter((r) => identificationOf(r).teamReading !== null);
    expect(read.map((r) => r.id)).toEqual(['maia-1-loading-najin-2023-sep-dec']);
  });

  it('the two stitched legs have basis inferred_from_sightings with their two sightings', () => {
    const inferred = seed.voyages.filter((v) => joinedSightingIds(v).length > 0);
    expect(inferred.map((v) => [v.id, v.basis?.kind, joinedSightingIds(v)])).toEqual([
      ['lady-r-rajin-vostochny-2024-02', 'inferred_from_sightings', ['lady-r-rajin-2024-02-04', 'lady-r-loading-vostochny-2024-02-08']],
      ['maia-1-rajin-vladivostok-2024-02', 'inferred_from_sightings', ['maia-1-rajin-2024-02-12', 'maia-1-anchored-vladivostok-2024-02-27']],
    ]);
    for (const v of seed.voyages.filter((x) => !inferred.includes(x))) expect(v.basis?.kind, v.id).toBe('reported');
  });

  it('each stitched leg joins two sightings of its own vessel, at its two ports, in order', () => {
    for (const v of seed.voyages) {
      const joined = joinedSightingIds(v);
      if (joined.length === 0) continue;
      expect(joined, v.id).toHaveLength(2);
      const [first, second] = joined.map((id) => find('observations', id));
      expect([first?.vesselId, second?.vesselId], v.id).toEqual([v.vesselId, v.vesselId]);
      expect([first?.portId, second?.portId], v.id).toEqual([v.originPortId, v.destinationPortId]);
      expect((first?.window.earliest ?? '') <= (second?.window.latest ?? ''), v.id).toBe(true);
    }
  });

  it('Maria has a US sanctions entry dated 2023-12-12', () => {
    const entry = find('vessels', 'maria').sanctions.find((s) => s.listedOn?.earliest === '2023-12-12');
    expect(entry?.authority).toBe('United States');
    expect(entry?.listedOn).toMatchObject(day('2023-12-12'));
    expect(entry?.sourceIds).toContain('kbs-2023-12-13');
  });

  it('Lady R has a US designation of May 2022 from Dong-A and keeps the South Korean one of Apr 2024', () => {
    const sanctions = find('vessels', 'lady-r').sanctions;
    const us = sanctions.find((s) => s.authority === 'United States');
    expect(us?.listedOn).toMatchObject({ earliest: '2022-05-01', latest: '2022-05-31', precision: 'month' });
    expect(us?.sourceIds).toContain('donga-2024-06-10');
    expect(sanctions.find((s) => s.authority === 'South Korea')?.listedOn?.earliest).toBe('2024-04-01');
  });

  it("Angara's US sanction cites UK Defence Intelligence via the Guardian and keeps the words", () => {
    const entry = find('vessels', 'angara').sanctions[0];
    expect(entry?.sourceIds).toContain('guardian-2024-01');
    for (const v of seed.vessels) for (const s of v.sanctions) expect(s.asReported ?? '', v.id).toMatch(/\S/);
  });

  it('source details follow the audit: dates, titles and URLs', () => {
    expect(find('sources', 'guardian-2024-01').published).toMatchObject(day('2024-01-22'));
    expect(find('sources', 'bloomberg-2023-12').title).toBe('Ghost Ships at Reawakened North Korea Port Put Ukraine in Peril');
    expect(find('sources', 'yomiuri-2024-06-09').title).toMatch(/^Russian Cargo Ship Possibly Docked/);
    expect(find('sources', 'independent-2023-10-19').url).not.toBeNull();
    expect(find('sources', 'wikipedia-dunay').url).toBe('https://en.wikipedia.org/wiki/Dunay,_Primorsky_Krai');
  });

  it("NK Pro's 32 trips run from the end of August 2023, and CSIS's Oct 2023 counts are RUSI's and NK News'", () => {
    expect(find('claims', 'nkpro-2024-03-01-32-trips').period?.earliest).toBe('2023-08-20');
    for (const id of ['csis-2023-10-two-vessels', 'csis-2023-10-five-trips']) {
      expect(find('claims', id).notes ?? '', id).toMatch(/citing RUSI and NK News/);
    }
    expect(find('claims', 'csis-2023-10-five-trips')).toMatchObject({ count: 5, countQualifier: 'at_least', countUnit: 'trips' });
  });
});
