'use client';
import { useId, useState } from 'react';
import { type DeskKind, useRecords } from '@/lib/client/desk';
import type { DateWindow, Position } from '@/lib/core/domain/schemas';
import { useMapPick } from '../annotations/map-pick';
import { PRECISIONS, recordLabel } from './descriptors';
import s from './desk.module.css';

/** A date window: earliest and latest day, precision, and the source's own words. */
export function WindowInput({
  label,
  value,
  nullable,
  onChange,
}: {
  label: string;
  value: DateWindow | null;
  nullable: boolean;
  onChange: (w: DateWindow | null) => void;
}) {
  const id = useId();
  const w = value ?? { earliest: '', latest: '', precision: 'day' as const };
  const set = (patch: Partial<DateWindow>) => {
    const next = { ...w, ...patch };
    if (nullable && !next.earliest && !next.latest && !next.asReported) onChange(null);
    else onChange(next.asReported ? next : { earliest: next.earliest, latest: next.latest, precision: next.precision });
  };
  return (
    <fieldset>
      <legend>
        {label}
        {nullable ? ' (optional)' : ''}
      </legend>
      <div className={s.row}>
        <label htmlFor={`${id}-e`}>
          Earliest
          <input id={`${id}-e`} type="date" value={w.earliest} onChange={(e) => set({ earliest: e.target.value, latest: w.latest || e.target.value })} />
        </label>
        <label htmlFor={`${id}-l`}>
          Latest
          <input id={`${id}-l`} type="date" value={w.latest} onChange={(e) => set({ latest: e.target.value })} />
        </label>
      </div>
      <div className={s.row}>
        <label htmlFor={`${id}-p`}>
          Precision
          <select id={`${id}-p`} value={w.precision} onChange={(e) => set({ precision: e.target.value as DateWindow['precision'] })}>
            {PRECISIONS.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </label>
        <label htmlFor={`${id}-r`}>
          As reported
          <input id={`${id}-r`} type="text" value={w.asReported ?? ''} placeholder="“early September”" onChange={(e) => set({ asReported: e.target.value || undefined })} />
        </label>
      </div>
    </fieldset>
  );
}

const parseDeg = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

/** [lon, lat] typed in, or taken from the next click on the map when the map is there to click. */
export function PositionInput({
  label,
  value,
  onChange,
  pickable,
}: {
  label: string;
  value: Position | null;
  onChange: (p: Position | null) => void;
  pickable: boolean;
}) {
  const id = useId();
  const pick = useMapPick();
  const [lon, setLon] = useState(value ? String(value[0]) : '');
  const [lat, setLat] = useState(value ? String(value[1]) : '');
  const [shown, setShown] = useState(value);
  // A click on the map replaces the typed text with the picked point.
  if (value !== shown) {
    setShown(value);
    setLon(value ? String(value[0]) : '');
    setLat(value ? String(value[1]) : '');
  }
  const typed = (nextLon: string, nextLat: string) => {
    setLon(nextLon);
    setLat(nextLat);
    const x = parseDeg(nextLon);
    const y = parseDeg(nextLat);
    const next: Position | null = Number.isFinite(x) && Number.isFinite(y) && Math.abs(x) <= 180 && Math.abs(y) <= 90 ? [x, y] : null;
    setShown(next);
    onChange(next);
  };
  return (
    <fieldset>
      <legend>{label}</legend>
      <div className={s.row}>
        <label htmlFor={`${id}-lon`}>
          Longitude (°E)
          <input id={`${id}-lon`} type="text" inputMode="decimal" value={lon} placeholder="130.3" onChange={(e) => typed(e.target.value, lat)} />
        </label>
        <label htmlFor={`${id}-lat`}>
          Latitude (°N)
          <input id={`${id}-lat`} type="text" inputMode="decimal" value={lat} placeholder="42.25" onChange={(e) => typed(lon, e.target.value)} />
        </label>
      </div>
      {pickable &&
        (pick.active ? (
          <p className={s.hint}>
            <span className={s.picking}>Click the map to place the sighting…</span>{' '}
            <button type="button" className="link-button" onClick={pick.cancel}>
              Cancel
            </button>
          </p>
        ) : (
          <button type="button" className="link-button" onClick={() => pick.start((p) => onChange([p[0], p[1]]))}>
            Pick on the map
          </button>
        ))}
      {(lon || lat) && !value && <p className={s.error}>Type both: longitude −180 to 180, latitude −90 to 90.</p>}
    </fieldset>
  );
}

/** One record of a kind, chosen by name. */
export function RefSelect({
  label,
  kind,
  value,
  nullable,
  onChange,
  filter,
  noneLabel = '(none)',
}: {
  label: string;
  kind: DeskKind;
  value: string | null;
  nullable: boolean;
  onChange: (id: string | null) => void;
  filter?: (r: Record<string, unknown>) => boolean;
  noneLabel?: string;
}) {
  const id = useId();
  const { data } = useRecords(kind);
  const options = (data ?? []).filter((r) => !filter || filter(r));
  return (
    <label htmlFor={id}>
      {label}
      <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
        {(nullable || value === null) && <option value="">{nullable ? noneLabel : 'Choose…'}</option>}
        {options.map((r) => (
          <option key={r.id} value={r.id}>
            {recordLabel(kind, r)}
            {r.status === 'draft' ? ' (draft)' : ''}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Several records of a kind, as a scrolling list of checkboxes (easier by keyboard than a multi-select). */
export function RefsChecklist({ label, kind, value, onChange }: { label: string; kind: DeskKind; value: readonly string[]; onChange: (ids: string[]) => void }) {
  const { data } = useRecords(kind);
  return (
    <fieldset>
      <legend>
        {label} ({value.length} chosen)
      </legend>
      <div className={s.checklist}>
        {(data ?? []).map((r) => (
          <label key={r.id} className={s.inline}>
            <input
              type="checkbox"
              checked={value.includes(r.id)}
              onChange={(e) => onChange(e.target.checked ? [...value, r.id] : value.filter((v) => v !== r.id))}
            />
            {recordLabel(kind, r)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** A nested value edited as JSON; only well-formed JSON reaches the record. */
export function JsonInput({ label, value, onChange }: { label: string; value: unknown; onChange: (v: unknown) => void }) {
  const id = useId();
  const [text, setText] = useState(() => JSON.stringify(value ?? null, null, 2));
  const [bad, setBad] = useState(false);
  return (
    <label htmlFor={id}>
      {label}
      <textarea
        id={id}
        rows={4}
        spellCheck={false}
        value={text}
        aria-invalid={bad}
        onChange={(e) => {
          setText(e.target.value);
          try {
            onChange(JSON.parse(e.target.value));
            setBad(false);
          } catch {
            setBad(true);
          }
        }}
      />
      {bad && <span className={s.error}>Not valid JSON yet: the last valid value is kept.</span>}
    </label>
  );
}

/** A list of short strings, one a line; blank lines are dropped from the value, not from the text. */
export function LinesInput({ label, value, onChange }: { label: string; value: readonly string[]; onChange: (v: string[]) => void }) {
  const id = useId();
  const [text, setText] = useState(() => value.join('\n'));
  return (
    <label htmlFor={id}>
      {label}
      <textarea
        id={id}
        rows={2}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          onChange(
            e.target.value
              .split('\n')
              .map((l) => l.trim())
              .filter(Boolean),
          );
        }}
      />
    </label>
  );
}
