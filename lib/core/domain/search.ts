/**
 * One search box for the researcher's first question, "who is this ship, what called at this port":
 * vessels by name, former names (the identity history), IMO, MMSI and call sign; ports by name,
 * alternative names and UN/LOCODE; sources by title and publisher. Pure: the route handler reads
 * the records and this module matches them.
 *
 * Matching is case- and accent-insensitive, and Cyrillic is read as Latin (BGN/PCGN), so "Ангара"
 * finds the Angara and "Дунай" finds Dunai. Text matches at the start of a word (never in the middle
 * of one, which only adds noise); IMO and MMSI digits match exactly or as a prefix; a LOCODE
 * matches with or without its space ("RU VVO", "ruvvo").
 */
import { z } from 'zod';
import type { Port, Source, Vessel } from './schemas';

export const SEARCH_MAX_LENGTH = 100;
/** Hits listed per kind; `total` gives the full count. */
const SEARCH_LIMIT = 8;

const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch',
  ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya', і: 'i', ї: 'yi', є: 'ye', ґ: 'g',
};

/**
 * The form both sides are compared in: lower case, Cyrillic transliterated, accents dropped,
 * anything but letters and digits turned into single spaces.
 */
export function normalizeSearchText(text: string): string {
  const latin = [...text.toLowerCase()].map((c) => CYRILLIC[c] ?? c).join('');
  return latin
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export const searchQuery = z.strictObject({
  q: z
    .string()
    .trim()
    .max(SEARCH_MAX_LENGTH, `at most ${SEARCH_MAX_LENGTH} characters`)
    // One issue per query: an empty q is empty, not also "without a letter".
    .superRefine((q, ctx) => {
      if (normalizeSearchText(q) === '') ctx.addIssue({ code: 'custom', message: q ? 'needs a letter or a digit' : 'type something to search for' });
    })
    .describe(
      `What to look for (1–${SEARCH_MAX_LENGTH} characters): a vessel's name or former name, IMO, MMSI or call sign; a port's name, alternative name or UN/LOCODE; a source's title or publisher. Case, accents and Cyrillic vs Latin letters do not matter.`,
    ),
});

const matchedField = z.enum(['name', 'former_name', 'imo', 'mmsi', 'call_sign', 'owner', 'alt_name', 'unlocode', 'title', 'publisher']);
export type MatchedField = z.infer<typeof matchedField>;

const hitSchema = z.object({
  id: z.string(),
  label: z.string().describe('The record as a reader names it: a vessel or port name, a source title.'),
  detail: z.string().describe('A short line that tells similar hits apart (flag and IMO, country and LOCODE, publisher and year).'),
  matched: z.object({
    field: matchedField.describe('The field the query matched.'),
    value: z.string().describe('That field’s value as stored.'),
    unverified: z.boolean().describe('True when the value comes from an unverified third-party listing.'),
  }),
});
export type SearchHit = z.infer<typeof hitSchema>;

const group = (what: string) =>
  z.object({
    hits: z.array(hitSchema).describe(`The best ${SEARCH_LIMIT} ${what}: exact matches first, then prefixes, then word starts.`),
    total: z.number().int().nonnegative().describe(`Every ${what.replace(/s$/, '')} that matches.`),
  });

export const searchAnswerSchema = z.object({
  q: z.string().describe('The query as given, trimmed.'),
  normalized: z.string().describe('The query as compared: lower case, without accents, Cyrillic read as Latin.'),
  vessels: group('vessels'),
  ports: group('ports'),
  sources: group('sources'),
});
export type SearchAnswer = z.infer<typeof searchAnswerSchema>;
export type SearchKind = 'vessels' | 'ports' | 'sources';

interface Candidate {
  field: MatchedField;
  value: string;
  unverified?: boolean;
  /** Identifiers: digits or a code, compared exactly or as a prefix, not as words. */
  code?: boolean;
}

/** How well `value` answers the query: 0 exact, 1 prefix, 2 a word's start; null: no match. */
function rankText(query: string, value: string): number | null {
  const v = normalizeSearchText(value);
  if (!v || !query) return null;
  if (v === query) return 0;
  if (v.startsWith(query)) return 1;
  return ` ${v}`.includes(` ${query}`) ? 2 : null;
}

function rankCode(query: string, value: string): number | null {
  const q = query.replace(/\s+/g, '');
  const v = normalizeSearchText(value).replace(/\s+/g, '');
  if (!q || !v) return null;
  if (v === q) return 0;
  // A prefix of two characters matches too much (most IMO numbers start with 9, every Russian LOCODE with RU).
  return q.length >= 3 && v.startsWith(q) ? 1 : null;
}

/** A query's identifier part: "IMO 9179842" and "mmsi:2732" are read as their digits. */
function codeQuery(query: string): string {
  return query.replace(/^(imo|mmsi|locode|un locode)\s+/, '');
}

const FIELD_ORDER: MatchedField[] = ['name', 'imo', 'mmsi', 'unlocode', 'title', 'former_name', 'alt_name', 'call_sign', 'publisher', 'owner'];

function best(query: string, candidates: Candidate[]): { rank: number; match: Candidate } | null {
  let found: { rank: number; match: Candidate } | null = null;
  const code = codeQuery(query);
  for (const c of candidates) {
    const rank = c.code ? rankCode(code, c.value) : rankText(query, c.value);
    if (rank === null) continue;
    const better =
      !found || rank < found.rank || (rank === found.rank && FIELD_ORDER.indexOf(c.field) < FIELD_ORDER.indexOf(found.match.field));
    if (better) found = { rank, match: c };
  }
  return found;
}

function vesselCandidates(v: Vessel): Candidate[] {
  const out: Candidate[] = [{ field: 'name', value: v.name }, ...v.formerNames.map((n): Candidate => ({ field: 'former_name', value: n }))];
  if (v.imo) out.push({ field: 'imo', value: v.imo, code: true, unverified: v.imoVerification === 'unverified' });
  if (v.mmsi) out.push({ field: 'mmsi', value: v.mmsi, code: true, unverified: v.mmsiVerification === 'unverified' });
  for (const e of v.identityHistory) {
    const unverified = e.evidence === 'third_party_unverified';
    if (e.field === 'name' && e.value !== v.name) out.push({ field: 'former_name', value: e.value, unverified });
    if (e.field === 'imo' || e.field === 'mmsi') out.push({ field: e.field, value: e.value, code: true, unverified });
    if (e.field === 'callSign') out.push({ field: 'call_sign', value: e.value, code: true, unverified });
    if (e.field === 'owner') out.push({ field: 'owner', value: e.value, unverified });
  }
  if (v.owner && !v.identityHistory.some((e) => e.field === 'owner')) out.push({ field: 'owner', value: v.owner });
  return out;
}

function portCandidates(p: Port): Candidate[] {
  return [
    { field: 'name', value: p.name },
    ...p.altNames.map((n): Candidate => ({ field: 'alt_name', value: n })),
    ...(p.unlocode ? [{ field: 'unlocode', value: p.unlocode, code: true } satisfies Candidate] : []),
  ];
}

function sourceCandidates(s: Source): Candidate[] {
  return [
    { field: 'title', value: s.title },
    { field: 'publisher', value: s.publisher },
  ];
}

const vesselDetail = (v: Vessel) => [v.flag, v.imo && `IMO ${v.imo}`, v.type].filter(Boolean).join(' · ') || 'vessel';
const portDetail = (p: Port) => [p.country, p.unlocode && `UN/LOCODE ${p.unlocode}`, p.approximate ? 'position approximate' : null].filter(Boolean).join(' · ');
const sourceDetail = (s: Source) => [s.publisher, s.published?.earliest.slice(0, 4)].filter(Boolean).join(' · ');

function rankAll<T>(query: string, records: readonly T[], of: (r: T) => { id: string; label: string; detail: string; candidates: Candidate[] }) {
  const ranked = records.flatMap((r) => {
    const { id, label, detail, candidates } = of(r);
    const found = best(query, candidates);
    if (!found) return [];
    const { field, value, unverified } = found.match;
    const hit: SearchHit = { id, label, detail, matched: { field, value, unverified: unverified ?? false } };
    return [{ rank: found.rank, order: FIELD_ORDER.indexOf(field), hit }];
  });
  ranked.sort((a, b) => a.rank - b.rank || a.order - b.order || a.hit.label.localeCompare(b.hit.label, 'en') || (a.hit.id < b.hit.id ? -1 : 1));
  return { hits: ranked.slice(0, SEARCH_LIMIT).map((r) => r.hit), total: ranked.length };
}

/** Every vessel, port and source the query matches, best first, per kind. */
export function searchRecords(q: string, records: { vessels: readonly Vessel[]; ports: readonly Port[]; sources: readonly Source[] }): SearchAnswer {
  const query = normalizeSearchText(q);
  return {
    q,
    normalized: query,
    vessels: rankAll(query, records.vessels, (v) => ({ id: v.id, label: v.name, detail: vesselDetail(v), candidates: vesselCandidates(v) })),
    ports: rankAll(query, records.ports, (p) => ({ id: p.id, label: p.name, detail: portDetail(p), candidates: portCandidates(p) })),
    sources: rankAll(query, records.sources, (s) => ({ id: s.id, label: s.title, detail: sourceDetail(s), candidates: sourceCandidates(s) })),
  };
}

const FIELD_LABEL: Record<MatchedField, string> = {
  name: 'name',
  former_name: 'former name',
  imo: 'IMO',
  mmsi: 'MMSI',
  call_sign: 'call sign',
  owner: 'owner',
  alt_name: 'also called',
  unlocode: 'UN/LOCODE',
  title: 'title',
  publisher: 'publisher',
};

/** What a hit matched, for a reader: "former name Beluga Evaluation", "IMO 9179842 (unverified)". */
export function describeMatch(m: SearchHit['matched']): string {
  return `${FIELD_LABEL[m.field]} ${m.value}${m.unverified ? ' (unverified)' : ''}`;
}

/** The answer's named components in /api/openapi.json. */
export const SEARCH_COMPONENTS = { SearchHit: hitSchema, SearchAnswer: searchAnswerSchema };
