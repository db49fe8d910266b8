import 'server-only';
import type { ParsedRow, RowIdentity } from '@/lib/core/track/types';
import type { CsvPlan } from './csv-columns';
import { clip, coordinateProblem, courseDegrees, readIdentity, speedKnots } from './values';

type Identified = { identity: RowIdentity; problem?: string };
/** Distinct vessels remembered per parse; a file with more starts the memory afresh (constant memory). */
const MAX_REMEMBERED = 10_000;

/**
 * A reader of CSV records as fixes or the reasons they are unusable. It runs a million times per
 * import, so it reads only the mapped cells and hands rows of one vessel the same identity object
 * (consumers must not mutate it), validated once.
 * @example makeCsvRowReader(plan)(['273318000', '2024-01-01T00:00:00', '42.25', '130.4'], 2)
 */
export function makeCsvRowReader(plan: CsvPlan): (cells: readonly string[], line: number) => ParsedRow {
  const { columns } = plan;
  const known = new Map<string, { imo: string | undefined; name: string | undefined; result: Identified }>();

  const identify = (cells: readonly string[]): Identified => {
    const mmsi = columns.mmsi && cells[columns.mmsi.index];
    const imo = columns.imo && cells[columns.imo.index];
    const name = columns.name && cells[columns.name.index];
    const key = mmsi ?? '';
    const seen = known.get(key);
    if (seen && seen.imo === imo && seen.name === name) return seen.result;
    const result = readIdentity(mmsi, imo, name);
    if (known.size >= MAX_REMEMBERED) known.clear();
    known.set(key, { imo, name, result });
    return result;
  };

  return (cells, line) => {
    const timeText = cells[columns.time.index]?.trim() ?? '';
    if (timeText === '') return { line, error: `${columns.time.name} missing` };
    const t = plan.parseTime(timeText);
    if (Number.isNaN(t)) return { line, error: `${columns.time.name} '${clip(timeText)}' is not a date` };
    const latText = cells[columns.lat.index];
    const lonText = cells[columns.lon.index];
    const lat = Number(latText);
    const lon = Number(lonText);
    // The fast path: both numbers and in range; anything else finds its reason below.
    // Number('') and Number(' ') are 0, so a zero is checked for being an empty cell.
    if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180) || ((lat === 0 || lon === 0) && (!latText?.trim() || !lonText?.trim()))) {
      const problem = coordinateProblem(columns.lat.name, latText?.trim(), 90) ?? coordinateProblem(columns.lon.name, lonText?.trim(), 180);
      return { line, error: problem ?? `${columns.lat.name}/${columns.lon.name} unreadable` };
    }
    if (plan.notVessels) {
      const kind = cells[plan.notVessels.column.index]?.trim() ?? '';
      if (plan.notVessels.values.has(kind.toLowerCase())) return { line, error: `${plan.notVessels.column.name} '${clip(kind)}' is not a vessel` };
    }
    const { identity, problem } = identify(cells);
    if (problem) return { line, error: problem };
    const required = plan.identityRequired;
    if (required === 'mmsi' ? identity.mmsi === undefined : required === 'any' && !identity.mmsi && !identity.imo && !identity.name) {
      return { line, error: `${(columns.mmsi ?? columns.imo ?? columns.name)!.name} missing` };
    }
    const sog = columns.sog ? speedKnots(cells[columns.sog.index]) : null;
    const cog = columns.cog ? courseDegrees(cells[columns.cog.index]) : null;
    return { line, identity, point: { t, lon, lat, sog, cog } };
  };
}
