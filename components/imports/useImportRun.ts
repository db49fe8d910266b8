'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  type ImportOptions,
  type ImportPreview,
  type ImportReport,
  type Upload,
  UploadAborted,
  cancelImport,
  fetchImport,
  isFinished,
  previewImport,
  uploadImport,
} from '@/lib/client/api/imports';

/** How often a running import is asked for its progress. */
const POLL_MS = 400;

/** Where an import stands in the dialog. */
export type RunState =
  | { step: 'choose'; file: null }
  | { step: 'previewing'; file: File }
  | { step: 'ready'; file: File; preview: ImportPreview | null; error: string | null }
  | { step: 'uploading'; file: File; sentBytes: number; totalBytes: number }
  | { step: 'processing'; file: File; report: ImportReport }
  | { step: 'finished'; file: File; report: ImportReport }
  | { step: 'failed'; file: File; error: string }
  | { step: 'cancelled'; file: File };

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * One import from the dialog: the chosen file's preview, the upload (bytes sent), the processing
 * (polled until it finishes), and cancelling either. Unmounting stops the polling, not the import.
 */
export function useImportRun() {
  const [state, setState] = useState<RunState>({ step: 'choose', file: null });
  const upload = useRef<Upload | null>(null);
  const running = useRef<string | null>(null);
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);
  const set = useCallback((next: RunState) => alive.current && setState(next), []);

  const choose = useCallback(
    (file: File) => {
      set({ step: 'previewing', file });
      previewImport(file, file.name).then(
        (preview) => set({ step: 'ready', file, preview, error: null }),
        (err: unknown) => set({ step: 'ready', file, preview: null, error: message(err) }),
      );
    },
    [set],
  );

  const follow = useCallback(
    async (file: File, first: ImportReport) => {
      let report = first;
      running.current = report.id;
      while (!isFinished(report)) {
        set({ step: 'processing', file, report });
        await new Promise((r) => setTimeout(r, POLL_MS));
        if (!alive.current || running.current !== report.id) return;
        report = await fetchImport(report.id);
      }
      running.current = null;
      if (report.status === 'cancelled') set({ step: 'cancelled', file });
      else if (report.status !== 'done') set({ step: 'failed', file, error: report.error ?? `The import stopped (${report.status}): nothing of it was kept.` });
      else set({ step: 'finished', file, report });
    },
    [set],
  );

  const start = useCallback(
    (file: File, options: ImportOptions) => {
      set({ step: 'uploading', file, sentBytes: 0, totalBytes: file.size });
      const sending = uploadImport(file, options, (sentBytes, totalBytes) => set({ step: 'uploading', file, sentBytes, totalBytes }));
      upload.current = sending;
      sending.done
        .then((report) => {
          upload.current = null;
          return follow(file, report);
        })
        .catch((err: unknown) => {
          upload.current = null;
          running.current = null;
          set(err instanceof UploadAborted ? { step: 'cancelled', file } : { step: 'failed', file, error: message(err) });
        });
    },
    [set, follow],
  );

  /** Stops the upload if it is still sending, else asks the server to cancel the running import. */
  const cancel = useCallback(() => {
    if (upload.current) {
      upload.current.abort();
      return;
    }
    const id = running.current;
    if (!id || state.step !== 'processing') return;
    running.current = null;
    const file = state.file;
    cancelImport(id)
      .then(() => fetchImport(id))
      .then(
        (report) => (report.status === 'done' ? set({ step: 'finished', file, report }) : set({ step: 'cancelled', file })),
        (err: unknown) => set({ step: 'failed', file, error: message(err) }),
      );
  }, [state, set]);

  const reset = useCallback(() => set({ step: 'choose', file: null }), [set]);
  return { state, choose, start, cancel, reset };
}
