'use client';
import { type FieldChange, showValue } from './diff';
import s from './desk.module.css';

/** Field-by-field changes: the field, the value before (red) and after (green). */
export default function Changes({ changes, label }: { changes: readonly FieldChange[]; label: string }) {
  if (changes.length === 0) return <p className={s.hint}>No field changed.</p>;
  return (
    <ul className={s.changes} aria-label={label}>
      {changes.map((c) => (
        <li key={c.field}>
          <span className={s.name}>{c.field}</span>
          <span className={s.before}>
            <span className={s.srOnly}>before: </span>
            {showValue(c.before)}
          </span>
          <span className={s.after}>
            <span className={s.srOnly}>after: </span>
            {showValue(c.after)}
          </span>
        </li>
      ))}
    </ul>
  );
}
