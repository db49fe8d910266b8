'use client';
import { type KeyboardEvent, type PointerEvent, useEffect, useId, useRef, useState } from 'react';
import type { Bbox } from '@/lib/core/domain/view-state';
import type { ExportLayout } from '@/lib/client/export/layout';
import { panBbox, zoomBbox } from '@/lib/client/export/reframe';

interface Props {
  /** The image as a data: URL, null while it is being prepared. */
  url: string | null;
  title: string;
  width: number;
  height: number;
  /** The tile layer was wanted and cannot be exported, so no preview is coming. */
  tileFailed: boolean;
  /** Where the map sits in the image and the ground it shows; null until the image is ready. */
  layout: ExportLayout | null;
  /** A new frame for the image, from a drag, a key, the wheel or a zoom button. */
  onFrame: (bbox: Bbox) => void;
  /** Back to the frame the dialog opened with. */
  onReset: () => void;
  /** Hide the dialog and frame the image on the live map. */
  onReframe: () => void;
}

const ZOOM_STEP = 1.25;
/** A key press moves the frame by this share of the map's width or height. */
const KEY_PAN = 0.1;

/**
 * Exactly the image that will be saved, scaled to fit, with its real size; and its frame moved in
 * place: drag the picture or use the arrow keys to pan, the wheel or + and − to zoom.
 */
export function ExportPreview({ url, title, width, height, tileFailed, layout, onFrame, onReset, onReframe }: Props) {
  const hintId = useId();
  const box = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<{ id: number; x: number; y: number; dx: number; dy: number } | null>(null);
  // The callbacks the native wheel listener calls, kept current without re-adding the listener.
  const latest = useRef({ layout, onFrame, width });
  useEffect(() => {
    latest.current = { layout, onFrame, width };
  });

  const zoom = (factor: number, at?: [number, number]) => {
    if (layout) onFrame(zoomBbox(layout.frame.bbox, factor, at));
  };
  const pan = (dx: number, dy: number) => {
    if (layout) onFrame(panBbox(layout.frame.bbox, dx, dy, layout.frame.scale));
  };

  // The wheel zooms about the pointer; a native listener, since React's is passive and cannot stop
  // the dialog from scrolling.
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      const { layout: l, onFrame: frame, width: w } = latest.current;
      const img = el.querySelector('img');
      if (!l || !img || e.deltaY === 0) return;
      e.preventDefault();
      const r = img.getBoundingClientRect();
      const k = w / r.width;
      const at: [number, number] = [(e.clientX - r.left) / r.width, ((e.clientY - r.top) * k - l.map.top) / l.map.height];
      frame(zoomBbox(l.frame.bbox, e.deltaY < 0 ? ZOOM_STEP : 1 / ZOOM_STEP, at));
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, []);

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (!layout) return;
    const step = (e.shiftKey ? 3 : 1) * KEY_PAN;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-layout.width * step, 0],
      ArrowRight: [layout.width * step, 0],
      ArrowUp: [0, -layout.map.height * step],
      ArrowDown: [0, layout.map.height * step],
    };
    const move = moves[e.key];
    if (move) pan(...move);
    else if (e.key === '+' || e.key === '=') zoom(ZOOM_STEP);
    else if (e.key === '-' || e.key === '_') zoom(1 / ZOOM_STEP);
    else return;
    e.preventDefault();
  }

  function onPointerDown(e: PointerEvent<HTMLDivElement>) {
    if (!layout || e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    setDrag({ id: e.pointerId, x: e.clientX, y: e.clientY, dx: 0, dy: 0 });
  }
  function onPointerMove(e: PointerEvent<HTMLDivElement>) {
    if (drag?.id === e.pointerId) setDrag({ ...drag, dx: e.clientX - drag.x, dy: e.clientY - drag.y });
  }
  function onPointerUp(e: PointerEvent<HTMLDivElement>) {
    if (drag?.id !== e.pointerId) return;
    setDrag(null);
    const img = box.current?.querySelector('img');
    if (!img || (drag.dx === 0 && drag.dy === 0)) return;
    // Screen pixels to image pixels; dragging the picture right shows ground further west.
    const k = width / img.getBoundingClientRect().width;
    pan(-drag.dx * k, -drag.dy * k);
  }

  return (
    <div className="dialog-preview">
      <div
        ref={box}
        className={`preview-frame${drag ? ' dragging' : ''}`}
        tabIndex={0}
        role="group"
        aria-label="Image preview: pan and zoom"
        aria-describedby={hintId}
        onKeyDown={onKeyDown}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => setDrag(null)}
        data-testid="export-frame"
      >
        {url ? (
          // eslint-disable-next-line @next/next/no-img-element -- a generated data: URL, not an optimisable asset
          <img
            src={url}
            alt={`Preview of the exported image: ${title}`}
            data-testid="export-preview"
            draggable={false}
            style={drag ? { transform: `translate(${drag.dx}px, ${drag.dy}px)` } : undefined}
          />
        ) : (
          <p role="status">{tileFailed ? 'The tile layer cannot be exported.' : 'Preparing the preview…'}</p>
        )}
      </div>
      <p id={hintId} className="size-note">
        {width} × {height} px · preview scaled to fit. Drag the picture or use the arrow keys to move the frame; the wheel or + and − zoom.
      </p>
      <div className="preview-tools">
        <button type="button" className="button button-secondary" onClick={() => zoom(ZOOM_STEP)} disabled={!layout} aria-label="Zoom in">
          +
        </button>
        <button type="button" className="button button-secondary" onClick={() => zoom(1 / ZOOM_STEP)} disabled={!layout} aria-label="Zoom out">
          −
        </button>
        <button type="button" className="button button-secondary" onClick={onReset}>
          Reset frame
        </button>
        <button type="button" className="button button-secondary" onClick={onReframe} data-reframe>
          Reframe on the map
        </button>
      </div>
    </div>
  );
}
