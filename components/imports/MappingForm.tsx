'use client';
import type { CsvMapping } from '@/lib/core/track/types';
import { MAPPING_FIELDS } from './mapping';
import s from './imports.module.css';

/** A column's first sample values, so the user can see what a header holds. */
function samples(rows: readonly Record<string, string>[], header: string): string {
  const values = rows.map((r) => r[header]).filter((v): v is string => v !== undefined && v !== '').slice(0, 2);
  return values.length ? ` (e.g. ${values.join(', ')})` : '';
}

/**
 * The column mapping for a CSV no built-in column set matches: one select per field, listing the
 * file's headers with sample values. Time, latitude and longitude are required.
 */
export default function MappingForm({
  headers,
  sample,
  mapping,
  onChange,
}: {
  headers: readonly string[];
  sample: readonly Record<string, string>[];
  mapping: Partial<CsvMapping>;
  onChange: (next: Partial<CsvMapping>) => void;
}) {
  return (
    <fieldset className={s.mapping}>
      <legend>Columns: no known column set matches these headers, so say which column holds what</legend>
      {MAPPING_FIELDS.map(({ field, label, required }) => (
        <label key={field}>
          {label}
          {required ? ' (required)' : ' (optional)'}
          <select
            value={mapping[field] ?? ''}
            required={required}
            onChange={(e) => onChange({ ...mapping, [field]: e.currentTarget.value || undefined })}
          >
            <option value="">{required ? 'Choose a column' : 'Not in this file'}</option>
            {headers.map((h) => (
              <option key={h} value={h}>
                {h}
                {samples(sample, h)}
              </option>
            ))}
          </select>
        </label>
      ))}
    </fieldset>
  );
}
