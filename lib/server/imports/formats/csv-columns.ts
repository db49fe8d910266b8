import 'server-only';
import type { CsvMapping, CsvPreset } from '@/lib/core/track/types';
import { TrackFormatError } from './errors';
import { parseAnyTime, parseDayFirstTime, parseIsoTime } from './time';

type Field = keyof CsvMapping;

interface PresetSpec {
  /** Header names (compared case-insensitively, a leading `#` dropped) that must all be present. */
  required: string[];
  columns: Partial<Record<Field, string>> & { time: string; lat: string; lon: string };
  parseTime: (text: string) => number;
  /** Rows whose `Type of mobile` is one of these are stations, not ships. */
  notVessels?: { column: string; values: string[] };
}

const PRESETS: Record<CsvPreset, PresetSpec> = {
  marinecadastre: {
    required: ['mmsi', 'basedatetime', 'lat', 'lon'],
    columns: { time: 'basedatetime', lat: 'lat', lon: 'lon', mmsi: 'mmsi', imo: 'imo', name: 'vesselname', sog: 'sog', cog: 'cog' },
    parseTime: parseIsoTime,
  },
  dma: {
    required: ['timestamp', 'type of mobile', 'mmsi', 'latitude', 'longitude'],
    columns: { time: 'timestamp', lat: 'latitude', lon: 'longitude', mmsi: 'mmsi', imo: 'imo', name: 'name', sog: 'sog', cog: 'cog' },
    parseTime: parseDayFirstTime,
    notVessels: { column: 'type of mobile', values: ['base station', 'aton'] },
  },
  gfw: {
    required: ['lon', 'lat', 'timestamp', 'seg_id'],
    columns: { time: 'timestamp', lat: 'lat', lon: 'lon', sog: 'speed', cog: 'course' },
    parseTime: parseAnyTime,
  },
};

/** A header cell as presets compare it: DMA's first column is `# Timestamp`. */
function normalise(header: string): string {
  return header.trim().replace(/^#\s*/, '').toLowerCase();
}

/**
 * The preset whose columns a header has, or null when the user must map the columns.
 * @example matchPreset(['MMSI', 'BaseDateTime', 'LAT', 'LON', 'SOG']) // 'marinecadastre'
 */
export function matchPreset(headers: readonly string[]): CsvPreset | null {
  const present = new Set(headers.map(normalise));
  for (const preset of ['marinecadastre', 'dma', 'gfw'] as const) {
    if (PRESETS[preset].required.every((name) => present.has(name))) return preset;
  }
  return null;
}

export interface Column {
  index: number;
  /** The header as the file writes it, for reasons ("LAT 95.2 out of range"). */
  name: string;
}

/** Where each field sits in a row and how to read its time: what the row reader needs. */
export interface CsvPlan {
  columns: Partial<Record<Field, Column>> & { time: Column; lat: Column; lon: Column };
  parseTime: (text: string) => number;
  /** What a row must name: presets with an MMSI column need it; a mapping needs any mapped identity. */
  identityRequired: 'mmsi' | 'any' | 'none';
  notVessels?: { column: Column; values: Set<string> };
}

const FIELDS: Field[] = ['time', 'lat', 'lon', 'mmsi', 'imo', 'name', 'sog', 'cog'];

function locate(headers: readonly string[], wanted: string, exact: boolean): Column | undefined {
  let index = exact ? headers.findIndex((h) => h.trim() === wanted.trim()) : -1;
  if (index < 0) index = headers.findIndex((h) => normalise(h) === normalise(wanted));
  return index < 0 ? undefined : { index, name: headers[index]!.trim().replace(/^#\s*/, '') };
}

/**
 * Resolves a preset or the user's mapping against the file's header row.
 * @throws TrackFormatError when the mapping names a column the header lacks, or neither is given
 *   and no preset matches.
 */
export function planColumns(headers: readonly string[], preset: CsvPreset | undefined, mapping: CsvMapping | undefined): CsvPlan {
  const chosen = mapping ? undefined : (preset ?? matchPreset(headers) ?? undefined);
  if (!mapping && !chosen) {
    throw new TrackFormatError(
      `parseTrack: the CSV columns (${headers.slice(0, 12).join(', ')}) match no preset (MarineCadastre, DMA, Global Fishing Watch); give a column mapping naming the time, lat and lon columns`,
      'mapping',
    );
  }
  const spec = chosen ? PRESETS[chosen] : undefined;
  const columns: Partial<Record<Field, Column>> = {};
  for (const field of FIELDS) {
    const wanted = mapping ? mapping[field] : spec!.columns[field];
    if (!wanted) continue;
    const column = locate(headers, wanted, mapping !== undefined);
    const required = field === 'time' || field === 'lat' || field === 'lon' || mapping !== undefined;
    if (!column && required) {
      const how = mapping ? 'check the column mapping' : `the ${chosen} preset needs it; map the columns instead`;
      throw new TrackFormatError(`parseTrack: the CSV has no column '${wanted}' for ${field} (${how})`, 'mapping');
    }
    if (column) columns[field] = column;
  }
  const notVessels = spec?.notVessels ? locate(headers, spec.notVessels.column, false) : undefined;
  return {
    columns: columns as CsvPlan['columns'],
    parseTime: spec ? spec.parseTime : parseAnyTime,
    identityRequired: spec && columns.mmsi ? 'mmsi' : columns.mmsi || columns.imo || columns.name ? 'any' : 'none',
    notVessels: notVessels && spec?.notVessels ? { column: notVessels, values: new Set(spec.notVessels.values) } : undefined,
  };
}
