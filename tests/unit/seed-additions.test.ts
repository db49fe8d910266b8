/**
 * The dossier audit's additions (A1-A8, in the order of its table), Angara's third-party MMSI (N1)
 * and the vessels' identity histories, held in the parsed seed. Corrections: seed-corrections.test.ts.
 */
import { describe, expect, it } from 'vitest';

import { find, identificationOf, seed } from './seed-records';

describe('seed additions (dossier audit)', () => {
  it('Maritime Executive reports exactly two Lady R visits to Rason and its AIS off, with no sightings invented', () => {
    const visits = find('claims', 'maritime-executive-2023-10-19-lady-r-two-visits');
    expect(visits).toMatchObject({ vesselIds: ['lady-r'], destinationPortId: 'rajin', count: 2, countQualifier: 'exact' });
    expect(find('claims', 'maritime-executive-2023-10-19-lady-r-ais-off').count).toBeNull();
    const before = seed.observations.filter((o) => o.vesselId === 'lady-r' && o.window.earliest < '2024-01-01');
    expect(before.map((o) => o.id)).toEqual([]);
  });

  it("the State Department's 10,000 containers and its two designations carry no vessel", () => {
    expect(find('claims', 'us-state-2024-02-23-containers')).toMatchObject({ count: 10000, countQualifier: 'more_than', vesselIds: [] });
    expect(find('claims', 'us-state-2024-02-23-designation-vostochny').destinationPortId).toBe('vostochny');
    expect(find('claims', 'us-state-2024-02-23-designation-dunai').destinationPortId).toBe('dunai');
  });

  it("the ROK defence ministry's three estimates keep their own qualifiers and are never given a start", () => {
    const estimates = ['rok-mnd-containers-2023-12-29', 'rok-mnd-containers-2024-02-26', 'rok-mnd-containers-2024-08'].map((id) => find('claims', id));
    expect(estimates.map((c) => [c.count, c.countQualifier])).toEqual([
      [5000, 'about'],
      [6700, 'exact'],
      [13000, 'about'],
    ]);
    for (const c of estimates) expect(c.period, c.id).toBeNull();
    expect(find('sources', 'rok-mnd').published).toBeNull();
  });

  it("WaPo with C4ADS gives about 74,000 t from Rajin, and RUSI's 27 shipments stay a separate count", () => {
    expect(find('claims', 'wapo-c4ads-2024-06-22-explosives')).toMatchObject({ originPortId: 'rajin', count: 74000, countQualifier: 'about' });
    expect(find('claims', 'wapo-c4ads-2024-06-22-rusi-27-shipments')).toMatchObject({ count: 27, countQualifier: 'exact', countUnit: 'shipments' });
  });

  it('KBS puts Angara at Rajin on 12 Jul 2024, and the MSMT on 25 Oct 2024', () => {
    const kbs = find('observations', 'angara-rajin-2024-07-12');
    expect(kbs).toMatchObject({ vesselId: 'angara', portId: 'rajin', sourceIds: ['kbs-2024-07-25'] });
    expect(kbs.window).toMatchObject({ earliest: '2024-07-12', latest: '2024-07-12' });
    const msmt = find('observations', 'angara-rajin-2024-10-25');
    expect(msmt).toMatchObject({ vesselId: 'angara', portId: 'rajin', sourceIds: ['msmt-2025-05-29'] });
    expect(msmt.notes ?? '').toMatch(/secondary, unverified/);
  });

  it('the 110 m vessel at Najin in Feb 2025 stays unidentified, the third large vessel there', () => {
    const sighting = find('observations', 'unidentified-vessel-najin-2025-02-20');
    expect(sighting.vesselId).toBeNull();
    expect(identificationOf(sighting).method).toBe('unidentified');
    expect(sighting.vesselDescription ?? '').toMatch(/110 m/);
    expect(find('claims', 'rfa-news1-2025-02-third-large-vessel')).toMatchObject({ count: 3, countQualifier: 'exact', vesselIds: [] });
  });

  it("Lady R's Oct 2025 visit to Rason was its first since July, with no July sighting invented", () => {
    expect(find('claims', 'nkpro-2025-10-first-since-july')).toMatchObject({ vesselIds: ['lady-r'], destinationPortId: 'rajin' });
    const july = seed.observations.filter((o) => o.window.earliest.startsWith('2025-07'));
    expect(july.map((o) => o.id)).toEqual([]);
  });

  it('the additions add records but no vessel', () => {
    expect(seed.vessels.map((v) => v.id).sort()).toEqual(['angara', 'lady-r', 'maia-1', 'maria']);
    expect([seed.sources.length, seed.voyages.length, seed.observations.length, seed.claims.length]).toEqual([29, 8, 27, 38]);
  });

  it("Angara's MMSI is only in its identity history, as a third-party value never shown as its MMSI", () => {
    const angara = find('vessels', 'angara');
    expect([angara.mmsi, angara.mmsiVerification]).toEqual([null, null]);
    const mmsi = angara.identityHistory.filter((e) => e.field === 'mmsi');
    expect(mmsi.map((e) => [e.value, e.evidence])).toEqual([['273210440', 'third_party_unverified']]);
    expect(angara.identityHistory.find((e) => e.field === 'callSign')?.evidence).toBe('third_party_unverified');
  });

  it("Lady R's IMO is stated by NK Pro but not registry-checked", () => {
    const ladyR = find('vessels', 'lady-r');
    expect(ladyR.imoVerification).toBe('unverified');
    const imo = ladyR.identityHistory.find((e) => e.field === 'imo');
    expect(imo).toMatchObject({ value: '9161003', evidence: 'source_stated' });
    expect(imo?.sourceIds).toContain('nkpro-2024-03-15');
  });

  it("every vessel's headline name, former names, IMO, flag and owner agree with its identity history", () => {
    for (const v of seed.vessels) {
      const values = (field: string) => v.identityHistory.filter((e) => e.field === field).map((e) => e.value);
      expect(values('name'), v.id).toContain(v.name);
      const former = v.identityHistory.filter((e) => e.field === 'name' && e.current === false).map((e) => e.value);
      expect(former, v.id).toEqual(v.formerNames);
      if (v.imo !== null) expect(values('imo'), v.id).toContain(v.imo);
      if (v.flag !== null) expect(values('flag'), v.id).toContain(v.flag);
      if (v.owner !== null) expect(values('owner').some((o) => v.owner?.startsWith(o)), v.id).toBe(true);
    }
  });

  it('leaves every identity window open, since no source dates a value', () => {
    for (const v of seed.vessels) {
      for (const e of v.identityHistory) expect(e.window, `${v.id} ${e.field} ${e.value}`).toEqual({ from: null, to: null });
    }
  });
});
