/**
 * What importing a bundle would do, worked out without the database: each incoming record is
 * checked on its own (its kind's schema and the desk's pure checks), then compared by id with the
 * same kind's records of the current evidence base (itself exported as a bundle) → added, changed
 * (with a per-field diff), unchanged, skipped (deleted in the bundle) or rejected (with the fields
 * that are wrong, by their path in the bundle). Records are compared as the team sees them: a
 * pending change, where there is one, stands for the record.
 */
import { type DatasetRecord, type FieldChange, KIND_KEYS, type KindKey, type KindReport, datasetRecordSchemas } from './dataset';
import { RECORD_KINDS, type RecordKind, checkRecord } from './records';

type Json = Record<string, unknown>;
type Issue = { field: string; message: string };

const isPlainObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** JSON with object keys sorted, so two records that differ only in key order compare equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    isPlainObject(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v,
  );
}

/**
 * The fields that differ between two records, as dotted paths into nested objects (arrays and
 * other values are compared whole). A field missing on one side reads as undefined there.
 * @example fieldChanges({ a: { b: 1, c: 2 } }, { a: { b: 1, c: 3 } }) // [{ field: 'a.c', before: 2, after: 3 }]
 */
export function fieldChanges(before: Json, after: Json, prefix = ''): FieldChange[] {
  const out: FieldChange[] = [];
  for (const key of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
    const [b, a] = [before[key], after[key]];
    if (canonical(b) === canonical(a)) continue;
    if (isPlainObject(b) && isPlainObject(a)) out.push(...fieldChanges(b, a, `${prefix}${key}.`));
    else out.push({ field: `${prefix}${key}`, before: b ?? null, after: a ?? null });
  }
  return out;
}

/** The record's own fields, as the team sees them: its pending change when it has one. */
export function teamRecord(entry: DatasetRecord): Json {
  if (entry.pendingChange) return entry.pendingChange.record;
  const { version: _v, status: _s, deletedAt: _d, deletedBy: _b, pendingChange: _p, ...record } = entry;
  return record;
}

/** A zod issue path as the bundle names it: `records.vessels[2].imo`. */
export const pathOf = (parts: readonly PropertyKey[]) =>
  parts.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');

/**
 * One incoming record, checked on its own: its kind's schema (bookkeeping included), then the
 * desk's pure checks on the record the team would see. Issues name the field by its bundle path.
 */
function checkBundleRecord(kind: RecordKind, key: KindKey, index: number, raw: Json): { entry: DatasetRecord; record: Json } | Issue[] {
  const at = `records.${key}[${index}]`;
  const parsed = datasetRecordSchemas[kind].safeParse(raw);
  if (!parsed.success) {
    return parsed.error.issues.map((i) => ({ field: i.path.length ? `${at}.${pathOf(i.path)}` : at, message: i.message }));
  }
  const entry = parsed.data as DatasetRecord;
  const { record, issues } = checkRecord(kind, teamRecord(entry));
  const where = entry.pendingChange ? `${at}.pendingChange.record` : at;
  if (issues.length) return issues.map((i) => ({ field: `${where}.${i.field}`, message: i.message }));
  return { entry, record };
}

/** True when `raw` is `current` as it stands: not deleted on either side, and the same record as the team sees it. */
function isUnchanged(current: DatasetRecord, raw: Json): boolean {
  if (current.deletedAt !== null || raw.deletedAt !== null) return false;
  const pending = isPlainObject(raw.pendingChange) && isPlainObject(raw.pendingChange.record) ? raw.pendingChange.record : null;
  const record = pending ?? teamRecord({ ...raw, pendingChange: null } as DatasetRecord);
  return canonical(record) === canonical(teamRecord(current));
}

/** One write an import makes, in the order it must be made (sources first, claims last). */
export interface ImportStep {
  kind: RecordKind;
  key: KindKey;
  index: number;
  id: string;
  action: 'create' | 'update';
  /** The record's fields as they will be stored. */
  record: Json;
  /** The record as the database has it now (null for a new one). */
  current: DatasetRecord | null;
}

export type Plan = { kinds: Record<KindKey, KindReport>; steps: ImportStep[] };

const emptyReport = (): KindReport => ({ added: [], changed: [], unchanged: 0, skipped: [], rejected: [] });

/**
 * Compares an incoming bundle's records with the current ones, kind by kind.
 * @param current - every record the database holds (drafts and deleted ones too), by kind key
 * @param incoming - the bundle's records, by kind key, each not yet checked
 */
export function planImport(current: Record<KindKey, readonly DatasetRecord[]>, incoming: Record<KindKey, readonly Json[]>): Plan {
  const kinds = Object.fromEntries(KIND_KEYS.map((key) => [key, emptyReport()])) as Record<KindKey, KindReport>;
  const steps: ImportStep[] = [];
  RECORD_KINDS.forEach((kind, k) => {
    const key = KIND_KEYS[k]!;
    const report = kinds[key];
    const existing = new Map(current[key].map((r) => [r.id, r]));
    const seen = new Map<string, number>();
    for (const [index, raw] of incoming[key].entries()) {
      const id = typeof raw.id === 'string' ? raw.id : null;
      const same = id === null ? undefined : existing.get(id);
      // What would write nothing is not checked: a record stored before a rule was added still round-trips.
      if (same && !seen.has(same.id) && isUnchanged(same, raw)) {
        seen.set(same.id, index);
        report.unchanged += 1;
        continue;
      }
      const checked = checkBundleRecord(kind, key, index, raw);
      if (Array.isArray(checked)) {
        report.rejected.push({ index, id, issues: checked });
        continue;
      }
      const { entry, record } = checked;
      const idField = `records.${key}[${index}].id`;
      const first = seen.get(entry.id);
      const now = existing.get(entry.id);
      seen.set(entry.id, first ?? index);
      if (first !== undefined) {
        report.rejected.push({ index, id, issues: [{ field: idField, message: `repeats the id of records.${key}[${first}]` }] });
      } else if (entry.deletedAt !== null) {
        report.skipped.push(entry.id);
      } else if (!now) {
        report.added.push(entry.id);
        steps.push({ kind, key, index, id: entry.id, action: 'create', record, current: null });
      } else if (now.deletedAt !== null) {
        const message = 'is deleted in this database; an admin must restore it before an import can change it';
        report.rejected.push({ index, id, issues: [{ field: idField, message }] });
      } else {
        const fields = fieldChanges(teamRecord(now), record);
        if (fields.length === 0) {
          report.unchanged += 1;
        } else {
          report.changed.push({ id: entry.id, status: now.status, fields });
          steps.push({ kind, key, index, id: entry.id, action: 'update', record, current: now });
        }
      }
    }
  });
  return { kinds, steps };
}

/** Moves a planned step that the database refused from added/changed to rejected. */
export function rejectStep(kinds: Record<KindKey, KindReport>, step: ImportStep, issues: Issue[]): void {
  const report = kinds[step.key];
  report.added = report.added.filter((id) => id !== step.id);
  report.changed = report.changed.filter((c) => c.id !== step.id);
  const at = `records.${step.key}[${step.index}]`;
  report.rejected.push({ index: step.index, id: step.id, issues: issues.map((i) => ({ field: `${at}.${i.field}`, message: i.message })) });
  report.rejected.sort((a, b) => a.index - b.index);
}
