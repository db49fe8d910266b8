'use client';
import { useEffect, useId, useRef, useState } from 'react';
import type { DeskRecord } from '@/lib/client/desk';
import { isSameValue, showValue } from './diff';
import s from './desk.module.css';

type Values = Record<string, unknown>;

/**
 * Someone saved this record while you were editing it. Every field where your version and the
 * current one differ, side by side; choose per field, then save on top of the current version.
 * Fields you changed start on yours, the others on the current value.
 */
export default function MergeView({
  fields,
  base,
  mine,
  current,
  busy,
  onSave,
  onDiscard,
}: {
  fields: readonly { name: string; label: string }[];
  base: Values;
  mine: Values;
  current: DeskRecord;
  busy: boolean;
  onSave: (merged: Values) => void;
  onDiscard: () => void;
}) {
  const id = useId();
  const head = useRef<HTMLParagraphElement>(null);
  const differing = fields.filter((f) => f.name in current && !isSameValue(mine[f.name], current[f.name]));
  const [choice, setChoice] = useState<Record<string, 'mine' | 'current'>>(() =>
    Object.fromEntries(differing.map((f) => [f.name, isSameValue(mine[f.name], base[f.name]) ? 'current' : 'mine'])),
  );
  useEffect(() => head.current?.focus(), []);
  const merged = () => {
    const out: Values = { ...mine };
    for (const f of fields) if (f.name in current && choice[f.name] !== 'mine') out[f.name] = current[f.name];
    return out;
  };
  return (
    <div className={s.merge} role="group" aria-label="Edit conflict">
      <p ref={head} tabIndex={-1} role="alert">
        This record was changed while you were editing (now version {current.version}). Nothing is lost: choose, field by field,
        which value to keep, then save.
      </p>
      {differing.length === 0 ? (
        <p className={s.hint}>The current version already has every value you chose.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Yours</th>
              <th scope="col">Current (v{current.version})</th>
            </tr>
          </thead>
          <tbody>
            {differing.map((f) => (
              <tr key={f.name} data-testid={`merge-${f.name}`}>
                <th scope="row">{f.label}</th>
                {(['mine', 'current'] as const).map((side) => (
                  <td key={side}>
                    <label>
                      <input
                        type="radio"
                        name={`${id}-${f.name}`}
                        checked={choice[f.name] === side}
                        onChange={() => setChoice((c) => ({ ...c, [f.name]: side }))}
                        aria-label={`${side === 'mine' ? 'Keep yours' : 'Take current'} for ${f.label}`}
                      />
                      <span data-testid={`merge-${f.name}-${side}`}>{showValue(side === 'mine' ? mine[f.name] : current[f.name])}</span>
                    </label>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="form-actions">
        <button type="button" className="button" disabled={busy} onClick={() => onSave(merged())}>
          Save merged record
        </button>
        <button type="button" className="link-button" onClick={onDiscard}>
          Keep current, discard mine
        </button>
      </div>
    </div>
  );
}
