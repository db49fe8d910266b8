'use client';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { type Span, videoDatesLine } from '@/lib/client/export/compose';
import { voyagesExtent } from '@/lib/client/export/strip';
import { type ComposeInput, composeScene } from '@/lib/client/export/svg';
import { cursorSummaryOver } from '@/lib/core/domain/legend';
import { VideoCancelled, renderWebM, videoCodec } from '@/lib/client/export/video';
import { type VideoRange, defaultVideoRange, frameTimes, isVideoRange, videoFileName } from '@/lib/core/time/frames';
import { saveFile } from './browser';

const FPS = 30;
const MAX_SECONDS = 120;

type Status =
  | { kind: 'idle' }
  | { kind: 'rendering'; done: number; total: number }
  | { kind: 'done'; text: string }
  | { kind: 'cancelled' }
  | { kind: 'error'; text: string };

interface Props {
  /** The still image's composition (tiles placed), null until every layer has loaded. */
  input: ComposeInput | null;
  /** The dates the voyages shown cover (for the dates line). */
  span: Span | null;
  /** The brushed date filter: the video's range unless the reader picks another. */
  brushed: { from?: string; to?: string };
  width: number;
  height: number;
  /** Sets the export's size (the video's too). */
  onSize: (width: number, height: number) => void;
}

/** Video frames must have an even width and height (4:2:0 chroma). */
const even = (n: number) => Math.max(2, n - (n % 2));

/**
 * The animated export: the playback over a range as a WebM video, from the same composition as
 * the still image (its title, legend, credits, labels and, when on, the timeline strip), with the
 * cursor's date moving. Rendered as fast as the machine can, with a progress bar and Cancel.
 */
export function VideoExport({ input, span, brushed, width, height, onSize }: Props) {
  const headingId = useId();
  const extent = useMemo(() => (input ? voyagesExtent(input.voyages) : null), [input]);
  const fallback = defaultVideoRange(brushed, extent);
  const [picked, setPicked] = useState<Partial<VideoRange>>({});
  const range: VideoRange | null = fallback || (picked.from && picked.to) ? { from: picked.from ?? fallback!.from, to: picked.to ?? fallback!.to } : null;
  const [secondsText, setSecondsText] = useState('10');
  const seconds = Number(secondsText);
  const secondsValid = /^\d+(\.\d+)?$/.test(secondsText) && seconds >= 1 && seconds <= MAX_SECONDS;
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [support, setSupport] = useState<'checking' | 'yes' | 'no'>('checking');
  const abort = useRef<AbortController | null>(null);
  const renderButton = useRef<HTMLButtonElement>(null);
  const w = even(width);
  const h = even(height);

  useEffect(() => {
    let live = true;
    videoCodec(w, h).then(
      (codec) => live && setSupport(codec ? 'yes' : 'no'),
      () => live && setSupport('no'),
    );
    return () => {
      live = false;
    };
  }, [w, h]);
  // Closing the dialog mid-render stops the render.
  useEffect(() => () => abort.current?.abort(), []);

  const rangeValid = range !== null && isVideoRange(range);
  const busy = status.kind === 'rendering';
  const canRender = Boolean(input) && rangeValid && secondsValid && support === 'yes';

  async function render() {
    if (busy || !input || !range || !canRender) return;
    const times = frameTimes(range, seconds, FPS);
    const controller = new AbortController();
    abort.current = controller;
    const start = performance.now();
    setStatus({ kind: 'rendering', done: 0, total: times.length });
    try {
      const scene = composeScene({
        ...input,
        width: w,
        height: h,
        dates: videoDatesLine(range, span),
        cursor: { t: times[0]! },
        stripInclude: [times[0]!, times[times.length - 1]!],
      }, cursorSummaryOver(input.voyages, times));
      const blob = await renderWebM({
        scene,
        times,
        fps: FPS,
        signal: controller.signal,
        onProgress: (done, total) => setStatus({ kind: 'rendering', done, total }),
      });
      const took = (performance.now() - start) / 1000;
      performance.measure('wakeline:video-render', { start, detail: { frames: times.length, width: w, height: h, seconds } });
      const name = videoFileName(range);
      saveFile(blob, name);
      setStatus({
        kind: 'done',
        text: `Saved ${name} (${Math.round(blob.size / 1024).toLocaleString('en-GB')} KB, ${times.length} frames) in ${took.toFixed(1)} s.`,
      });
    } catch (err) {
      if (err instanceof VideoCancelled) setStatus({ kind: 'cancelled' });
      else setStatus({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
    } finally {
      abort.current = null;
    }
  }

  function cancel() {
    abort.current?.abort();
    renderButton.current?.focus();
  }

  const percent = status.kind === 'rendering' ? Math.round((status.done / Math.max(1, status.total)) * 100) : status.kind === 'done' ? 100 : 0;
  return (
    <section className="video-export" aria-labelledby={headingId}>
      <h3 id={headingId}>Video</h3>
      <p className="fine-print">The playback over a range, as a WebM video: where the ships could have been, day by day.</p>
      <div className="row">
        <label>
          From
          <input type="date" value={range?.from ?? ''} onChange={(e) => setPicked((p) => ({ ...p, from: e.target.value }))} disabled={busy} />
        </label>
        <label>
          To
          <input type="date" value={range?.to ?? ''} onChange={(e) => setPicked((p) => ({ ...p, to: e.target.value }))} disabled={busy} />
        </label>
      </div>
      {range && !rangeValid && <span className="field-error">The range must run from a day to the same or a later day.</span>}
      <div className="row">
        <label>
          Duration (seconds)
          <input type="number" min={1} max={MAX_SECONDS} step={1} value={secondsText} onChange={(e) => setSecondsText(e.target.value)} disabled={busy} aria-invalid={!secondsValid || undefined} />
        </label>
        <p className="video-size">
          {w} × {h} px, {FPS} frames a second
          {(width !== 1280 || height !== 720) && (
            <button type="button" className="link-button" onClick={() => onSize(1280, 720)} disabled={busy}>
              Use 1280 × 720
            </button>
          )}
        </p>
      </div>
      {!secondsValid && <span className="field-error">A duration from 1 to {MAX_SECONDS} seconds.</span>}
      {support === 'no' && (
        <p className="dialog-message error" role="alert">
          This browser cannot encode a {w} × {h} WebM video (it has no VP9 or VP8 encoder through WebCodecs). Try a smaller size, or a recent Chrome, Edge
          or Firefox.
        </p>
      )}
      <div className="dialog-actions">
        <button ref={renderButton} type="button" className="button" disabled={!canRender} aria-disabled={busy || undefined} onClick={() => void render()}>
          Render video
        </button>
        {busy && (
          <button type="button" className="button button-secondary" onClick={cancel}>
            Cancel
          </button>
        )}
      </div>
      {(busy || status.kind === 'done') && (
        <div className="video-progress" role="progressbar" aria-label="Video rendering" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
          <div style={{ width: `${percent}%` }} />
        </div>
      )}
      <p className={status.kind === 'error' ? 'dialog-message error' : 'fine-print'} role="status" aria-live="polite" data-testid="video-status">
        {status.kind === 'rendering'
          ? `Rendering frame ${status.done} of ${status.total}…`
          : status.kind === 'done' || status.kind === 'error'
            ? status.text
            : status.kind === 'cancelled'
              ? 'Cancelled: no video was saved.'
              : range && rangeValid
                ? `File: ${videoFileName(range)}`
                : ''}
      </p>
    </section>
  );
}
