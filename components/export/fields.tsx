'use client';
import { useId, useState } from 'react';
import { MAX_EXPORT_PX } from '@/lib/core/domain/view-state';

/** A pixel size field: whole numbers from 1 to MAX_EXPORT_PX, reported only when valid. */
export function PixelField({ label, value, onValid }: { label: string; value: number; onValid: (n: number) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [text, setText] = useState(String(value));
  const [shownValue, setShownValue] = useState(value);
  // A new value from outside (a preset) replaces what was typed.
  if (value !== shownValue) {
    setShownValue(value);
    setText(String(value));
    setError(null);
  }
  const id = useId();
  return (
    <label>
      {label}
      <input
        type="number"
        inputMode="numeric"
        min={1}
        max={MAX_EXPORT_PX}
        step={1}
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? id : undefined}
        onChange={(e) => {
          setText(e.target.value);
          const n = Number(e.target.value);
          if (!/^\d+$/.test(e.target.value) || n < 1 || n > MAX_EXPORT_PX) {
            setError(`A whole number from 1 to ${MAX_EXPORT_PX}.`);
            return;
          }
          setError(null);
          setShownValue(n);
          onValid(n);
        }}
      />
      {error && (
        <span id={id} className="field-error">
          {error}
        </span>
      )}
    </label>
  );
}

/**
 * A text field that keeps what is typed locally (the URL it feeds updates a moment later) and takes
 * a new value from outside only when that value really changed.
 */
export function TextField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const [text, setText] = useState(value);
  const [outside, setOutside] = useState(value);
  if (value !== outside) {
    setOutside(value);
    setText(value);
  }
  return (
    <input
      type="text"
      value={text}
      maxLength={200}
      onChange={(e) => {
        setText(e.target.value);
        setOutside(e.target.value);
        onChange(e.target.value);
      }}
    />
  );
}
