import { describe, expect, it } from 'vitest';
import {
  basisLabel,
  formatCount,
  formatCountNumber,
  hedgedVesselName,
  hedgeWords,
  identificationLabel,
} from '@/lib/core/domain/hedges';
import type { Identification } from '@/lib/core/domain/schemas';

const names = new Map([
  ['wh-2023-10-13', 'The White House'],
  ['yomiuri-2024-06-09', 'Yomiuri Shimbun'],
  ['nknews-2024-03-11', 'NK News'],
  ['guardian-2024-01', 'The Guardian'],
]);

const ident = (over: Partial<Identification>): Identification => ({
  method: 'named_by_source',
  sourceIds: ['wh-2023-10-13'],
  words: 'MV Angara',
  readInSourceIds: [],
  teamReading: null,
  ...over,
});
const believed = ident({ method: 'believed', sourceIds: ['yomiuri-2024-06-09'], words: 'believed to be the Lady R' });
const matching = ident({ method: 'matching', sourceIds: ['nknews-2024-03-11'], words: "a ship 'matching' Lady R" });
const unidentified = ident({ method: 'unidentified', sourceIds: [], words: 'ships entered Najin' });
const inferred = { kind: 'inferred_from_sightings' as const, observationIds: ['a', 'b'] as [string, string] };

describe('formatCount', () => {
  const claim = (count: number | null, countQualifier: Parameters<typeof formatCount>[0]['countQualifier'], countUnit = 'containers') => ({
    count,
    countQualifier,
    countUnit,
  });
  it('puts the qualifier before the figure and its unit', () => {
    expect(formatCount(claim(300, 'about'))).toBe('about 300 containers');
    expect(formatCount(claim(1000, 'more_than'))).toBe('more than 1,000 containers');
    expect(formatCount(claim(9_000_000, 'as_many_as', 'shells'))).toBe('as many as 9 million shells');
    expect(formatCount(claim(25, 'at_least', 'visits'))).toBe('at least 25 visits');
    expect(formatCount(claim(12, 'up_to', 'trips'))).toBe('up to 12 trips');
  });
  it('shows an exact count as the bare number', () => {
    expect(formatCount(claim(6700, 'exact'))).toBe('6,700 containers');
  });
  it('is null without a count', () => {
    expect(formatCount(claim(null, null))).toBeNull();
  });
  it('never lets a count with no recorded qualifier pass for exact', () => {
    expect(formatCount(claim(300, null))).toBe('300 containers (qualifier not recorded)');
  });
  it('groups thousands and writes whole millions in words', () => {
    expect(formatCountNumber(74000)).toBe('74,000');
    expect(formatCountNumber(1234567)).toBe('1,234,567');
    expect(formatCountNumber(2_500_000)).toBe('2.5 million');
    expect(formatCountNumber(999)).toBe('999');
  });
});

describe('identificationLabel', () => {
  it('names who named the ship', () => {
    expect(identificationLabel(ident({}), 'Angara', names)).toBe('Angara — named by The White House');
    expect(identificationLabel(ident({}), 'Angara')).toBe('Angara — named by the source');
    // Two reports by one publisher: the publisher is named once.
    const twice = new Map([...names, ['nkpro-2024-03-01', 'NK Pro'], ['nkpro-2024-03-15', 'NK Pro']]);
    expect(identificationLabel(ident({ sourceIds: ['nkpro-2024-03-01', 'nkpro-2024-03-15'] }), 'Lady R', twice)).toBe('Lady R — named by NK Pro');
  });
  it('keeps a belief a belief, with the source’s words', () => {
    expect(identificationLabel(believed, 'Lady R', names)).toBe(
      "believed to be Lady R (Yomiuri Shimbun: 'believed to be the Lady R')",
    );
    expect(identificationLabel(believed, 'Lady R')).toBe("believed to be Lady R ('believed to be the Lady R')");
  });
  it('keeps a match a match', () => {
    expect(identificationLabel(matching, 'Lady R', names)).toMatch(/^matching Lady R \(NK News: 'a ship 'matching' Lady R'\)$/);
  });
  it('says when the team, not the source, linked the name to the vessel', () => {
    const maia = ident({ sourceIds: ['guardian-2024-01'], words: 'Maia', teamReading: "The Guardian names 'Maia'." });
    expect(identificationLabel(maia, 'Maia-1', names)).toBe("Maia-1 — named by The Guardian as 'Maia'; the team linked the name to Maia-1");
  });
  it('names no vessel when none is identified', () => {
    expect(identificationLabel(unidentified, null, names)).toBe('unidentified vessel');
    expect(identificationLabel(null, null)).toBe('unidentified vessel');
  });
  it('shows the bare name when no identification was recorded', () => {
    expect(identificationLabel(null, 'Angara')).toBe('Angara');
  });
});

describe('basisLabel', () => {
  it('says how the leg is known', () => {
    expect(basisLabel({ kind: 'reported' })).toBe('reported by a source');
    expect(basisLabel(inferred)).toBe('inferred by the team from two sightings');
    expect(basisLabel({ kind: 'detected_from_ais' })).toBe('detected from AIS');
    expect(basisLabel(null)).toBe('basis not recorded');
  });
});

describe('short hedges', () => {
  it('give one word per hedge, none for a named, reported leg', () => {
    expect(hedgeWords({ identification: ident({}), basis: { kind: 'reported' } })).toEqual([]);
    expect(hedgeWords({ identification: believed, basis: { kind: 'reported' } })).toEqual(['believed']);
    expect(hedgeWords({ identification: matching })).toEqual(['matching']);
    expect(hedgeWords({ identification: ident({}), basis: inferred })).toEqual(['inferred by team']);
  });
  it('never show a name without its hedge', () => {
    expect(hedgedVesselName('Lady R', { identification: believed, basis: { kind: 'reported' } })).toBe('Lady R (believed)');
    expect(hedgedVesselName('Lady R', { identification: matching, basis: inferred })).toBe('Lady R (matching, inferred by team)');
    expect(hedgedVesselName('Angara', { identification: ident({}), basis: { kind: 'reported' } })).toBe('Angara');
    expect(hedgedVesselName(null, { identification: unidentified, basis: inferred })).toBe('Unidentified vessel (inferred by team)');
  });
});
