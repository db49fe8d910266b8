'use client';
import { useId } from 'react';
import type { DateWindow, Position } from '@/lib/core/domain/schemas';
import type { FieldDescriptor } from './descriptors';
import { JsonInput, LinesInput, PositionInput, RefSelect, RefsChecklist, WindowInput } from './inputs';
import s from './desk.module.css';

type Values = Record<string, unknown>;

/** The inputs for a record's fields, one component for every kind, driven by its descriptors. */
export default function RecordFields({
  fields,
  values,
  onChange,
  pickable = false,
}: {
  fields: readonly FieldDescriptor[];
  values: Values;
  onChange: (name: string, value: unknown) => void;
  pickable?: boolean;
}) {
  return (
    <>
      {fields
        .filter((f) => f.name in values)
        .map((f) => (
          <Field key={f.name} field={f} value={values[f.name]} onChange={(v) => onChange(f.name, v)} pickable={pickable} />
        ))}
    </>
  );
}

function Field({ field: f, value, onChange, pickable }: { field: FieldDescriptor; value: unknown; onChange: (v: unknown) => void; pickable: boolean }) {
  const id = useId();
  switch (f.type) {
    case 'text':
    case 'textarea': {
      const text = typeof value === 'string' ? value : '';
      const set = (t: string) => onChange(f.nullable && t === '' ? null : t);
      return (
        <label htmlFor={id}>
          {f.label}
          {f.type === 'text' ? (
            <input id={id} type="text" value={text} required={!f.nullable} onChange={(e) => set(e.target.value)} />
          ) : (
            <textarea id={id} rows={3} value={text} required={!f.nullable} onChange={(e) => set(e.target.value)} />
          )}
        </label>
      );
    }
    case 'number':
      return (
        <label htmlFor={id}>
          {f.label}
          <input
            id={id}
            type="number"
            inputMode="decimal"
            value={typeof value === 'number' ? value : ''}
            onChange={(e) => onChange(e.target.value === '' ? (f.nullable ? null : undefined) : Number(e.target.value))}
          />
        </label>
      );
    case 'enum':
      return (
        <label htmlFor={id}>
          {f.label}
          <select id={id} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value || null)}>
            {(f.nullable || typeof value !== 'string') && <option value="">{f.nullable ? '(none)' : 'Choose…'}</option>}
            {f.options.map((o) => (
              <option key={o} value={o}>
                {o.replaceAll('_', ' ')}
              </option>
            ))}
          </select>
        </label>
      );
    case 'boolean':
      return (
        <label htmlFor={id} className={s.inline}>
          <input id={id} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} />
          {f.label}
        </label>
      );
    case 'ref':
      return <RefSelect label={f.label} kind={f.kind} value={typeof value === 'string' ? value : null} nullable={f.nullable} onChange={onChange} />;
    case 'refs':
      return <RefsChecklist label={f.label} kind={f.kind} value={Array.isArray(value) ? (value as string[]) : []} onChange={onChange} />;
    case 'window':
      return <WindowInput label={f.label} value={(value as DateWindow | null) ?? null} nullable={f.nullable} onChange={onChange} />;
    case 'position':
      return <PositionInput label={f.label} value={(value as Position | null) ?? null} onChange={onChange} pickable={pickable} />;
    case 'lines':
      return <LinesInput label={f.label} value={Array.isArray(value) ? (value as string[]) : []} onChange={onChange} />;
    case 'json':
      return <JsonInput label={f.label} value={value} onChange={onChange} />;
  }
}
