'use client';
import { useEffect, useId, useState } from 'react';
import { useSWRConfig } from 'swr';
import { useVessels } from '@/lib/client/api';
import type { ImportOptions, ImportPreview } from '@/lib/client/api/imports';
import type { CsvMapping } from '@/lib/core/track/types';
import FilePicker from './FilePicker';
import ImportProgress from './ImportProgress';
import ImportReportView from './ImportReportView';
import { FORMAT_LABEL, PRESET_LABEL, formatBytes } from './labels';
import { completeMapping, guessMapping } from './mapping';
import MappingForm from './MappingForm';
import { useDialogKeys } from './useDialogKeys';
import { useImportRun } from './useImportRun';
import s from './imports.module.css';

/** Data an import can change: read again once it is through. */
const TOUCHED = /^\/api\/(tracks|events|vessels|voyages|observations|sources)/;

function Sniffed({ preview }: { preview: ImportPreview }) {
  return (
    <p className={s.sniffed} data-testid="import-format">
      Format: <strong>{FORMAT_LABEL[preview.format]}</strong>
      {preview.format === 'csv' && (preview.preset ? <> · {PRESET_LABEL[preview.preset]}</> : <> · columns not recognised</>)}
    </p>
  );
}

/**
 * The import dialog: choose or drop a file, see its sniffed format (and map a CSV's columns when
 * no known set matches), optionally name the vessel, upload with progress and Cancel, then the
 * report.
 */
export default function ImportDialog({ onClose, onOpenProfile }: { onClose: () => void; onOpenProfile: () => void }) {
  const headingId = useId();
  const { ref, onKeyDown } = useDialogKeys(onClose);
  const { state, choose, start, cancel, reset } = useImportRun();
  const vessels = useVessels();
  const { mutate } = useSWRConfig();
  // The user's mapping for this preview; a new preview starts from the guess (no effect needed).
  const [edited, setEdited] = useState<{ of: ImportPreview; mapping: Partial<CsvMapping> } | null>(null);
  const [vessel, setVessel] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const preview = state.step === 'ready' ? state.preview : null;
  const needsMapping = preview?.format === 'csv' && !preview.preset;

  const mapping = preview && edited?.of === preview ? edited.mapping : guessMapping(preview?.headers ?? []);
  const setMapping = (next: Partial<CsvMapping>) => preview && setEdited({ of: preview, mapping: next });
  const chooseFile = (file: File) => {
    setProblem(null);
    choose(file);
  };
  useEffect(() => {
    if (state.step === 'finished') void mutate((key) => typeof key === 'string' && TOUCHED.test(key));
  }, [state.step, mutate]);

  const submit = () => {
    if (state.step !== 'ready') return;
    const options: ImportOptions = { name: state.file.name, ...(vessel ? { vessel } : {}) };
    if (preview) options.format = preview.format;
    if (preview?.preset) options.preset = preview.preset;
    if (needsMapping) {
      const done = completeMapping(mapping);
      if ('missing' in done) return setProblem(`Choose the column for: ${done.missing.join(', ')}.`);
      if ('repeated' in done) return setProblem(`A column can serve one field only: ${done.repeated.join(', ')}.`);
      options.mapping = done.mapping;
    }
    start(state.file, options);
  };
  const busy = state.step === 'uploading' || state.step === 'processing';
  const choosing = state.step === 'choose' || state.step === 'previewing' || state.step === 'ready';

  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && !busy && onClose()}>
      <div ref={ref} className={`dialog ${s.dialog}`} role="dialog" aria-modal="true" aria-labelledby={headingId} onKeyDown={onKeyDown}>
        <div className="dialog-head">
          <h2 id={headingId}>Import a track</h2>
          <button type="button" className="close" aria-label="Close the import dialog" onClick={onClose}>
            ×
          </button>
        </div>
        {choosing && (
          <form
            className={s.form}
            aria-label="Track file to import"
            // The mapping's required columns are checked here, in words, not by the browser's bubble.
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              submit();
            }}
          >
            <FilePicker onFile={chooseFile} disabled={state.step === 'previewing'} />
            {state.file && (
              <p className={s.hint}>
                {state.file.name}, {formatBytes(state.file.size)}
                {state.step === 'previewing' && ' · reading its first lines…'}
              </p>
            )}
            {preview && <Sniffed preview={preview} />}
            {state.step === 'ready' && state.error && (
              <p className={s.error} role="alert">
                {state.error}
              </p>
            )}
            {needsMapping && <MappingForm headers={preview.headers} sample={preview.sample} mapping={mapping} onChange={setMapping} />}
            {state.step === 'ready' && !state.error && (
              <label>
                Vessel (optional: for a file that names no MMSI or IMO)
                <select value={vessel} onChange={(e) => setVessel(e.currentTarget.value)}>
                  <option value="">As the file says</option>
                  {(vessels.data?.vessels ?? []).map((v) => (
                    <option key={v.id} value={v.id}>
                      {v.name}
                    </option>
                  ))}
                </select>
              </label>
            )}
            {problem && (
              <p className={s.error} role="alert">
                {problem}
              </p>
            )}
            <div className={s.actions}>
              <button type="submit" className="button" disabled={state.step !== 'ready' || Boolean(state.error)}>
                Upload and import
              </button>
            </div>
          </form>
        )}
        {busy && <ImportProgress state={state} onCancel={cancel} />}
        {state.step === 'finished' && <ImportReportView report={state.report} onOpenProfile={onOpenProfile} />}
        {state.step === 'failed' && (
          <p className={s.error} role="alert">
            The import failed: {state.error}
          </p>
        )}
        {state.step === 'cancelled' && (
          <p className={s.notice} role="status">
            Import cancelled: nothing of {state.file.name} was added.
          </p>
        )}
        {(state.step === 'finished' || state.step === 'failed' || state.step === 'cancelled') && (
          <div className={s.actions}>
            <button type="button" className="button button-secondary" onClick={reset}>
              Import another file
            </button>
            <button type="button" className="button" onClick={onClose}>
              Done
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
