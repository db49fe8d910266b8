'use client';
import { useId } from 'react';
import { DAY_FORMAT_HINT } from '@/lib/core/domain/date-input';

interface Props {
  label: string;
  text: string;
  /** Why the text is not applied, or null. */
  error: string | null;
  onType: (text: string) => void;
  /** The reader is done: blur or Enter. */
  onCommit: () => void;
}

/**
 * A typed date box (see useDateRange for when its text applies): a text field rather than the
 * browser's date input, whose value turns "2" into the year 0002 while the reader is still typing.
 * The format and the reason for a refusal are tied to the box with aria-describedby.
 */
export default function DateField({ label, text, error, onType, onCommit }: Props) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className="date-field">
      <label>
        {label}
        <input
          type="text"
          inputMode="numeric"
          autoComplete="off"
          placeholder="YYYY-MM-DD"
          value={text}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${hintId} ${errorId}`}
          onChange={(e) => onType(e.target.value)}
          onBlur={onCommit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              onCommit();
            }
          }}
        />
      </label>
      <span id={hintId} className="visually-hidden">
        Format {DAY_FORMAT_HINT}.
      </span>
      <span id={errorId} className="field-error" aria-live="polite">
        {error}
      </span>
    </div>
  );
}
