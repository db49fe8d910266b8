/** Field-by-field comparison of two versions of a record, for the history, the queue and the merge view. */

/** Bookkeeping the desk adds to every record: never part of a diff or a merge. */
const META = new Set(['version', 'status', 'pendingChange', 'deletedAt', 'deletedBy']);

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields whose values differ, in the order the record lists them; `before` null means "created". */
export function fieldChanges(before: Record<string, unknown> | null, after: Record<string, unknown> | null): FieldChange[] {
  const a = before ?? {};
  const b = after ?? {};
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((f) => !META.has(f));
  return fields.filter((f) => !same(a[f], b[f])).map((field) => ({ field, before: a[field], after: b[field] }));
}

/** A value as one line of text: windows and positions read as a person would write them. */
export function showValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) {
    if (v.length === 2 && v.every((n) => typeof n === 'number')) return `${v[1]}°N ${v[0]}°E`;
    return v.length === 0 ? '(none)' : v.map(showValue).join(', ');
  }
  const w = v as { earliest?: unknown; latest?: unknown; precision?: unknown; asReported?: unknown };
  if (typeof w.earliest === 'string' && typeof w.latest === 'string') {
    const range = w.earliest === w.latest ? w.earliest : `${w.earliest} – ${w.latest}`;
    return `${range} (${String(w.precision)})${w.asReported ? `, “${String(w.asReported)}”` : ''}`;
  }
  return JSON.stringify(v);
}

export function isSameValue(a: unknown, b: unknown): boolean {
  return same(a, b);
}
