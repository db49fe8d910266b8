'use client';
import { useId, useRef, useState } from 'react';
import { type Axis, parsePosition } from '@/lib/core/domain/coordinates';

/**
 * Pin by typed coordinates: latitude and longitude, in decimal degrees or degrees and minutes
 * (42°52'N). Not a form of its own (it sits inside the composer's form): Enter in a field places
 * the pin instead of posting the note. A wrong field says why and takes focus.
 */
export default function CoordinateEntry({ onPlace, onCancel }: { onPlace: (position: [number, number]) => void; onCancel: () => void }) {
  const id = useId();
  const [text, setText] = useState<Record<Axis, string>>({ lat: '', lon: '' });
  const [errors, setErrors] = useState<Partial<Record<Axis, string>>>({});
  const refs = { lat: useRef<HTMLInputElement>(null), lon: useRef<HTMLInputElement>(null) };

  const place = () => {
    const r = parsePosition(text.lat, text.lon);
    if (r.ok) {
      setErrors({});
      onPlace(r.position);
      return;
    }
    setErrors(r.errors);
    refs[r.errors.lat ? 'lat' : 'lon'].current?.focus();
  };

  const field = (axis: Axis, label: string, example: string) => (
    <label htmlFor={`${id}-${axis}`}>
      {label}
      <input
        id={`${id}-${axis}`}
        ref={refs[axis]}
        inputMode="text"
        autoComplete="off"
        spellCheck={false}
        value={text[axis]}
        placeholder={example}
        aria-invalid={errors[axis] ? true : undefined}
        aria-describedby={errors[axis] ? `${id}-${axis}-error` : `${id}-hint`}
        onChange={(e) => setText({ ...text, [axis]: e.target.value })}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            place();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            onCancel();
          }
        }}
      />
      {errors[axis] && (
        <span id={`${id}-${axis}-error`} className="field-error">
          {errors[axis]}
        </span>
      )}
    </label>
  );

  return (
    <fieldset className="coordinate-entry">
      <legend>Pin by coordinates</legend>
      <p id={`${id}-hint`} className="fine-print">
        Decimal degrees (42.8667, −130.5) or degrees and minutes (42°52&apos;N, 130°23&apos;E).
      </p>
      <div className="coordinate-fields">
        {field('lat', 'Latitude', "42°52'N")}
        {field('lon', 'Longitude', "130°23'E")}
      </div>
      <div className="form-actions">
        <button type="button" className="button" onClick={place}>
          Place pin
        </button>
        <button type="button" className="link-button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </fieldset>
  );
}
