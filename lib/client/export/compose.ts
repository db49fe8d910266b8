/**
 * What an exported image says: its default title and subtitle, the date range it covers, its
 * credit line and its file name, all computed from the voyages shown. Pure.
 */
import { dayParts, formatDay } from '@/lib/core/domain/display';
import { hedgedVesselName, hedgeWords } from '@/lib/core/domain/hedges';
import type { VoyageSummary } from '@/lib/core/domain/dto';
import type { Source } from '@/lib/core/domain/schemas';
import type { Filters } from '@/lib/core/domain/view-state';

export interface Span {
  /** First day, YYYY-MM-DD. */
  from: string;
  /** Last day, YYYY-MM-DD. */
  to: string;
}

/** The dates an image covers: the date filters where set, else the voyages' windows. */
export function dateSpan(filters: Filters, voyages: readonly VoyageSummary[]): Span | null {
  if (voyages.length === 0 && !(filters.from && filters.to)) return null;
  const earliest = voyages.reduce((m, v) => (v.departure.earliest < m ? v.departure.earliest : m), '9999-12-31');
  const latest = voyages.reduce((m, v) => (v.arrival.latest > m ? v.arrival.latest : m), '0000-01-01');
  return { from: filters.from ?? earliest, to: filters.to ?? latest };
}

/** "Aug–Oct 2023", "Sep 2023 – Oct 2025", "Feb 2024". */
export function formatMonthSpan(span: Span): string {
  const [y1, a] = dayParts(span.from);
  const [y2, b] = dayParts(span.to);
  if (y1 === y2) return a === b ? `${a} ${y1}` : `${a}–${b} ${y1}`;
  return `${a} ${y1} – ${b} ${y2}`;
}

/**
 * The ports a set of voyages joins, busiest first (a port filter, when set, leads): the
 * "Rajin – Dunai" of a title.
 */
export function routePorts(voyages: readonly VoyageSummary[], leadPortId?: string): string[] {
  const count = new Map<string, { name: string; n: number; first: number }>();
  voyages.forEach((v, i) => {
    for (const p of [v.origin, v.destination]) {
      const c = count.get(p.id);
      if (c) c.n++;
      else count.set(p.id, { name: p.name, n: 1, first: i });
    }
  });
  return [...count.entries()]
    .sort(([ida, a], [idb, b]) => Number(idb === leadPortId) - Number(ida === leadPortId) || b.n - a.n || a.first - b.first)
    .map(([, c]) => c.name);
}

function portsPhrase(names: string[]): string {
  if (names.length === 0) return '';
  const [hub, ...rest] = names;
  return rest.length ? `${hub} – ${rest.join(', ')}` : `${hub}`;
}

export interface TitleInput {
  filters: Filters;
  voyages: readonly VoyageSummary[];
  selected?: VoyageSummary;
  vesselName?: string;
}

/** "Reported voyages, Rajin – Dunai, Aug–Oct 2023"; a selected voyage titles the image alone. */
export function defaultTitle({ filters, voyages, selected, vesselName }: TitleInput): string {
  if (selected) {
    const who = hedgedVesselName(selected.vessel?.name ?? null, selected);
    const span = dateSpan({}, [selected]);
    return `${who}: ${selected.origin.name} – ${selected.destination.name}${span ? `, ${formatMonthSpan(span)}` : ''}`;
  }
  const parts = [vesselName ? `Reported voyages of ${vesselName}` : 'Reported voyages'];
  const ports = portsPhrase(routePorts(voyages, filters.port));
  if (ports) parts.push(ports);
  const span = dateSpan(filters, voyages);
  if (span) parts.push(formatMonthSpan(span));
  return parts.join(', ');
}

function routesSentence(voyages: readonly VoyageSummary[]): string {
  const n = voyages.length;
  const count = `${n} ${n === 1 ? 'voyage' : 'voyages'}`;
  const inferred = voyages.filter((v) => v.routeKind === 'inferred').length;
  if (inferred === n) return `${count}. Routes inferred from reporting, not observed: the ships sailed with AIS off`;
  if (inferred === 0) return `${count}. Routes observed`;
  return `${count}. Dashed routes inferred from reporting, not observed; solid routes observed`;
}

const MAX_NAMED_HEDGES = 3;

/**
 * The hedges among the voyages shown, as a sentence ("Hedged: Lady R (believed), Vostochny – Rajin.")
 * so that the image names every one even where a map label found no room; '' when none is hedged.
 */
function hedgeNote(voyages: readonly VoyageSummary[]): string {
  const hedged = voyages.filter((v) => hedgeWords(v).length > 0);
  if (hedged.length === 0) return '';
  // The subtitle has three lines at most: past a few voyages, count each hedge instead of naming legs.
  if (hedged.length > MAX_NAMED_HEDGES) {
    const counts = new Map<string, number>();
    for (const w of hedged.flatMap((v) => hedgeWords(v))) counts.set(w, (counts.get(w) ?? 0) + 1);
    return `Hedged: ${[...counts].map(([w, n]) => `${n} ${n === 1 ? 'voyage' : 'voyages'} ${w}`).join(', ')}.`;
  }
  const items = hedged.map((v) => `${hedgedVesselName(v.vessel?.name ?? null, v)}, ${v.origin.name} – ${v.destination.name}`);
  return `Hedged: ${items.join('; ')}.`;
}

export function defaultSubtitle(voyages: readonly VoyageSummary[]): string {
  if (voyages.length === 0) return 'No voyage matches these filters';
  const note = hedgeNote(voyages);
  return note ? `${routesSentence(voyages)}. ${note}` : routesSentence(voyages);
}

/** "Voyages between 7 Sep 2023 and 2 Oct 2025, as date windows". */
export function datesLine(span: Span | null): string {
  if (!span) return '';
  return `Voyages between ${formatDay(span.from)} and ${formatDay(span.to)}, as date windows`;
}

/** "Where the ships could have been on 6 Feb 2024. Voyages between …": a still image at the time cursor. */
export function cursorDatesLine(at: string, span: Span | null): string {
  const lead = `Where the ships could have been on ${formatDay(at)}`;
  return span ? `${lead}. ${datesLine(span)}` : lead;
}

/** The same for a video, which plays the range: its date moves on the map and on the strip. */
export function videoDatesLine(range: Span, span: Span | null): string {
  const lead = `Where the ships could have been, ${formatDay(range.from)} to ${formatDay(range.to)}`;
  return span ? `${lead}. ${datesLine(span)}` : lead;
}

const BASEMAP_CREDIT = '© OpenStreetMap contributors (ODbL), Natural Earth, GeoNames (CC BY 4.0)';

/** The publishers behind the voyages shown, in order of first citation, and the map's credits. */
export function creditLine(voyages: readonly VoyageSummary[], sources: readonly Source[], tileAttribution?: string): string {
  const byId = new Map(sources.map((s) => [s.id, s]));
  const publishers: string[] = [];
  for (const v of voyages) {
    for (const id of v.sourceIds) {
      const name = byId.get(id)?.publisher ?? id;
      if (!publishers.includes(name)) publishers.push(name);
    }
  }
  const map = tileAttribution ? `${BASEMAP_CREDIT}; ${tileAttribution}` : BASEMAP_CREDIT;
  return `${publishers.length ? `Sources: ${publishers.join('; ')}. ` : ''}Map: ${map}. Made with Wakeline.`;
}

const slugify = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/** `wakeline-rajin-dunai-2023-08-2023-10.png`: what it shows, between which months. */
export function exportFileName(
  voyages: readonly VoyageSummary[],
  filters: Filters,
  extension: 'png' | 'svg' | 'geojson' | 'kml' | 'gpx',
  selected?: VoyageSummary,
  vesselName?: string,
): string {
  const shown = selected ? [selected] : voyages;
  const ports = routePorts(shown, filters.port).slice(0, 3).map(slugify).filter(Boolean);
  const span = dateSpan(selected ? {} : filters, shown);
  const months = span ? [span.from.slice(0, 7), span.to.slice(0, 7)] : [];
  const vessel = selected ? selected.vessel?.name : vesselName;
  const stem = ['wakeline', ...(vessel ? [slugify(vessel)] : []), ...ports, ...months].join('-');
  return `${stem || 'wakeline'}.${extension}`;
}
