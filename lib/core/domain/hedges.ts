/**
 * How the sources' hedges read wherever a record shows: a count with its qualifier, who identified
 * a ship and in what words, and how a leg is known. Pure. The rule they all keep: where a vessel's
 * name is shown for a hedged identification or an inferred leg, the hedge is shown with it.
 */
import type { Claim, CountQualifier, Identification, IdentificationMethod, VoyageBasis } from './schemas';

/** Publisher names by source id; a missing id reads as "the source". */
export type PublisherNames = ReadonlyMap<string, string>;

const QUALIFIER_WORDS: Record<CountQualifier, string> = {
  exact: '',
  at_least: 'at least',
  about: 'about',
  more_than: 'more than',
  as_many_as: 'as many as',
  up_to: 'up to',
};

/** 6700 → "6,700"; whole millions and tenths of millions read as words: 9000000 → "9 million". */
export function formatCountNumber(n: number): string {
  if (n >= 1_000_000 && n % 100_000 === 0) return `${n / 1_000_000} million`;
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * "about 300 containers", "more than 1,000 containers", "as many as 9 million rounds"; an exact
 * count is the bare number. Null without a count. A count stored before qualifiers were recorded
 * says so rather than pass for exact.
 */
export function formatCount(claim: Pick<Claim, 'count' | 'countQualifier' | 'countUnit'>): string | null {
  if (claim.count === null) return null;
  const figure = [formatCountNumber(claim.count), claim.countUnit].filter(Boolean).join(' ');
  if (claim.countQualifier === null) return `${figure} (qualifier not recorded)`;
  const words = QUALIFIER_WORDS[claim.countQualifier];
  return words ? `${words} ${figure}` : figure;
}

function publishers(ids: readonly string[], names: PublisherNames | undefined): string | null {
  // Two reports by one publisher name it once: "named by NK Pro", not "NK Pro and NK Pro".
  const known = [...new Set(ids.map((id) => names?.get(id)).filter((n): n is string => Boolean(n)))];
  return known.length ? known.join(' and ') : null;
}

/** The source's words in single quotes, attributed where the publisher is known. */
function quoted(i: Identification, names: PublisherNames | undefined): string {
  const who = publishers(i.sourceIds, names);
  return who ? `${who}: '${i.words}'` : `'${i.words}'`;
}

/**
 * Who identified the ship, in a sentence: "Angara — named by The White House", "believed to be
 * Lady R (Yomiuri: 'believed to be the Lady R')", "matching Lady R (NK News: '…')",
 * "unidentified vessel". Without an identification (not recorded) the name stands alone.
 */
export function identificationLabel(
  identification: Identification | null,
  vesselName: string | null,
  names?: PublisherNames,
): string {
  if (vesselName === null || identification?.method === 'unidentified') return 'unidentified vessel';
  if (identification === null) return vesselName;
  const who = publishers(identification.sourceIds, names);
  // The team's reasoning itself is for the detail; a label only says the link is the team's.
  const reading = identification.teamReading ? `; the team linked the name to ${vesselName}` : '';
  switch (identification.method) {
    case 'named_by_source':
      return `${vesselName} — named by ${who ?? 'the source'}${identification.teamReading ? ` as '${identification.words}'` : ''}${reading}`;
    case 'identified_by_press':
      return `${vesselName} — identified by ${who ?? 'the press'}, not by the source of the sighting${reading}`;
    case 'believed':
      return `believed to be ${vesselName} (${quoted(identification, names)})${reading}`;
    case 'matching':
      return `matching ${vesselName} (${quoted(identification, names)})${reading}`;
  }
}

const HEDGE_WORDS: Record<IdentificationMethod, string | null> = {
  named_by_source: null,
  identified_by_press: 'identified by press',
  believed: 'believed',
  matching: 'matching',
  unidentified: null,
};

/** A leg the team joined from two sightings, in one word pair for tight places. */
export const INFERRED_HEDGE = 'inferred by team';

/**
 * The hedges of a record in short words, for tight places (a list row, a tooltip, an export
 * label): ["believed"], ["matching", "inferred by team"], [] when nothing is hedged.
 */
export function hedgeWords(record: { identification: Identification | null; basis?: VoyageBasis | null }): string[] {
  const words: string[] = [];
  const id = record.identification ? HEDGE_WORDS[record.identification.method] : null;
  if (id) words.push(id);
  if (record.basis?.kind === 'inferred_from_sightings') words.push(INFERRED_HEDGE);
  if (record.identification?.teamReading) words.push('name linked by team');
  return words;
}

/** "Lady R (believed)", "Maia-1 (inferred by team)", "Angara", "Unidentified vessel". */
export function hedgedVesselName(
  vesselName: string | null,
  record: { identification: Identification | null; basis?: VoyageBasis | null },
): string {
  const words = hedgeWords(record).filter((w) => vesselName !== null || w === INFERRED_HEDGE);
  const name = vesselName ?? 'Unidentified vessel';
  return words.length ? `${name} (${words.join(', ')})` : name;
}

/** How a leg is known: "reported by a source", "inferred by the team from two sightings", "detected from AIS". */
export function basisLabel(basis: VoyageBasis | null): string {
  if (basis === null) return 'basis not recorded';
  switch (basis.kind) {
    case 'reported':
      return 'reported by a source';
    case 'inferred_from_sightings':
      return 'inferred by the team from two sightings';
    case 'detected_from_ais':
      return 'detected from AIS';
  }
}
