import type { CsvMapping } from '@/lib/core/track/types';

export type MappingField = keyof CsvMapping;

/** The mapping form's fields in the order it shows them; the first three are required. */
export const MAPPING_FIELDS: readonly { field: MappingField; label: string; required: boolean }[] = [
  { field: 'time', label: 'Time (UTC)', required: true },
  { field: 'lat', label: 'Latitude', required: true },
  { field: 'lon', label: 'Longitude', required: true },
  { field: 'mmsi', label: 'MMSI', required: false },
  { field: 'imo', label: 'IMO', required: false },
  { field: 'name', label: 'Vessel name', required: false },
  { field: 'sog', label: 'Speed over ground (knots)', required: false },
  { field: 'cog', label: 'Course over ground (degrees)', required: false },
];

/** Header names each field is commonly given (lower case, without spaces, '_' or '#'). */
const NAMES: Record<MappingField, readonly string[]> = {
  time: ['time', 'timestamp', 'datetime', 'basedatetime', 'date', 'utc', 'timeutc', 'ts'],
  lat: ['lat', 'latitude', 'y'],
  lon: ['lon', 'lng', 'long', 'longitude', 'x'],
  mmsi: ['mmsi'],
  imo: ['imo', 'imonumber'],
  name: ['name', 'vesselname', 'shipname', 'vessel'],
  sog: ['sog', 'speed', 'speedoverground', 'speedknots'],
  cog: ['cog', 'course', 'courseoverground'],
};

const key = (header: string) => header.toLowerCase().replace(/[\s_#.\-()]/g, '');

/**
 * A first guess at a CSV's columns from its header names, for the user to confirm: each field
 * takes the first header that is one of its usual names; a header is used once.
 *
 * @example guessMapping(['Zeit', 'Breite', 'lat', 'lon']) // { lat: 'lat', lon: 'lon' }
 */
export function guessMapping(headers: readonly string[]): Partial<CsvMapping> {
  const used = new Set<string>();
  const out: Partial<CsvMapping> = {};
  for (const { field } of MAPPING_FIELDS) {
    const header = headers.find((h) => !used.has(h) && NAMES[field].includes(key(h)));
    if (header === undefined) continue;
    used.add(header);
    out[field] = header;
  }
  return out;
}

/**
 * The mapping to send, or what is missing: time, latitude and longitude are required, and no
 * column may serve two fields.
 *
 * @example completeMapping({ time: 't', lat: 'y' }) // { missing: ['Longitude'] }
 */
export function completeMapping(draft: Partial<CsvMapping>): { mapping: CsvMapping } | { missing: string[] } | { repeated: string[] } {
  const missing = MAPPING_FIELDS.filter((f) => f.required && !draft[f.field]).map((f) => f.label);
  if (missing.length > 0) return { missing };
  const chosen = MAPPING_FIELDS.map((f) => draft[f.field]).filter((h): h is string => Boolean(h));
  const repeated = [...new Set(chosen.filter((h, i) => chosen.indexOf(h) !== i))];
  if (repeated.length > 0) return { repeated };
  const mapping: CsvMapping = { time: draft.time!, lat: draft.lat!, lon: draft.lon! };
  for (const { field } of MAPPING_FIELDS) {
    const header = draft[field];
    if (header) mapping[field] = header;
  }
  return { mapping };
}
