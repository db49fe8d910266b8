'use client';
import { processedFraction } from '@/lib/client/api/imports';
import { formatBytes } from './labels';
import type { RunState } from './useImportRun';
import s from './imports.module.css';

type Running = Extract<RunState, { step: 'uploading' | 'processing' }>;

/** Percent, rounded down to tens for the live region (a screen reader hears ten steps, not hundreds). */
const tens = (fraction: number) => Math.floor(fraction * 10) * 10;

/**
 * The two stages of an import as real progress bars: the bytes sent (the browser's upload
 * progress), then the bytes the server has processed (polled), with a Cancel that stops either.
 */
export default function ImportProgress({ state, onCancel }: { state: Running; onCancel: () => void }) {
  const sent = state.step === 'uploading' ? state.sentBytes : state.file.size;
  const total = state.step === 'uploading' ? Math.max(state.totalBytes, 1) : Math.max(state.file.size, 1);
  const processed = state.step === 'processing' ? processedFraction(state.report) : 0;
  const announce =
    state.step === 'uploading'
      ? `Uploading: ${tens(sent / total)}% sent.`
      : `Upload complete. Processing: ${tens(processed)}% read${state.report.rows ? `, ${state.report.rows.toLocaleString('en-GB')} rows` : ''}.`;
  return (
    <div className={s.progress}>
      <label>
        Upload
        <progress max={total} value={sent} data-testid="import-upload-progress">
          {Math.round((sent / total) * 100)}%
        </progress>
      </label>
      <p className={s.hint}>
        {formatBytes(sent)} of {formatBytes(total)} sent
      </p>
      <label>
        Processing
        {/* Indeterminate (no value) until the upload is through: nothing is processed before. */}
        <progress max={1} {...(state.step === 'processing' ? { value: processed } : {})} data-testid="import-processing-progress">
          {Math.round(processed * 100)}%
        </progress>
      </label>
      <p className={s.hint}>
        {state.step === 'processing'
          ? `${Math.round(processed * 100)}% of the file read, ${state.report.rows.toLocaleString('en-GB')} rows, ${state.report.rejected.toLocaleString('en-GB')} rejected`
          : 'Waiting for the upload'}
      </p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announce}
      </p>
      <div className={s.actions}>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Cancel import
        </button>
      </div>
    </div>
  );
}
