'use client';
import s from './desk.module.css';

/** The end of every "add" form: optional notes, the refusal if any, save and cancel. */
export default function CreateFormFooter({
  id,
  notes,
  onNotes,
  error,
  busy,
  submitLabel,
  onClose,
}: {
  id: string;
  notes: string;
  onNotes: (notes: string) => void;
  error: string | null;
  busy: boolean;
  submitLabel: string;
  onClose: () => void;
}) {
  return (
    <>
      <label htmlFor={`${id}-notes`}>
        Notes (optional)
        <textarea id={`${id}-notes`} rows={2} value={notes} onChange={(e) => onNotes(e.target.value)} />
      </label>
      {error && (
        <p className={s.error} role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          {submitLabel}
        </button>
        <button type="button" className="link-button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </>
  );
}
