'use client';
import { type KeyboardEvent, type RefObject, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { Bbox } from '@/lib/core/domain/view-state';
import { furnitureBoxes } from '@/lib/client/export/fit';
import { exportLayout } from '@/lib/client/export/layout';
import { type PixelRect, bboxUnderRect, fitAspect } from '@/lib/client/export/reframe';
import { sendToMap } from '../map/map-commands';
import type { MapView } from '../map/types';
import { type ExportImageArgs, useComposeInput } from './useExportImage';

interface Props extends Omit<ExportImageArgs, 'exportTiles'> {
  mapView: RefObject<MapView | null>;
  onDone: (bbox: Bbox) => void;
  onCancel: () => void;
}

/** Room left above the frame for the bar, and round it. */
const BAR_ROOM = 64;
const MARGIN = 14;

/** The live map's size, followed as it changes. */
function usePaneSize() {
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  useLayoutEffect(() => {
    const el = document.querySelector<HTMLElement>('#map .leaflet-container');
    if (!el) return;
    const measure = () => setSize({ width: el.clientWidth, height: el.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return size;
}

const px = (r: PixelRect) => ({ left: r.left, top: r.top, width: r.width, height: r.height });

/**
 * Framing an export on the live map: the dialog is hidden (its settings stay in the URL), a bar
 * says what is being framed, and the image's outline is drawn over the map (title band, footer,
 * legend and scale bar where the image will have them). The map moves under it as usual, or from
 * the bar with the arrow keys and + / −; Done takes the ground inside the outline as the frame.
 */
export function Reframer({ mapView, onDone, onCancel, ...args }: Props) {
  const { settings } = args;
  const { input } = useComposeInput({ ...args, exportTiles: false });
  const layout = useMemo(() => (input ? exportLayout(input) : null), [input]);
  const furniture = useMemo(() => (input && layout ? furnitureBoxes(input, layout) : []), [input, layout]);
  const size = usePaneSize();
  const headingId = useId();
  const hintId = useId();
  const done = useRef<HTMLButtonElement>(null);

  // The image's outline: as large as the map allows below the bar, with the image's proportions.
  const outline = useMemo(() => {
    if (!size) return null;
    const r = fitAspect({ width: size.width, height: size.height - BAR_ROOM }, settings.width / settings.height, MARGIN);
    return { ...r, top: r.top + BAR_ROOM };
  }, [size, settings.width, settings.height]);
  const k = outline ? outline.width / settings.width : 0;
  // The map's part of the image: the ground Done takes as the frame.
  const window_ = useMemo(
    () => (outline && layout ? { left: outline.left, top: outline.top + layout.map.top * k, width: outline.width, height: layout.map.height * k } : null),
    [outline, layout, k],
  );

  // Once: the map shows the export's current frame inside the outline.
  const shown = useRef(false);
  useEffect(() => {
    if (shown.current || !window_ || !layout || !size) return;
    shown.current = true;
    sendToMap({
      kind: 'show',
      bbox: layout.frame.bbox,
      paddingTopLeft: [window_.left, window_.top],
      paddingBottomRight: [size.width - window_.left - window_.width, size.height - window_.top - window_.height],
    });
  }, [window_, layout, size]);

  useEffect(() => done.current?.focus(), []);
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => e.key === 'Escape' && onCancel();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onCancel]);

  function finish() {
    const view = mapView.current;
    if (!view || !window_ || !size) return onCancel();
    onDone(bboxUnderRect(view.bounds, size, window_));
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const step = e.shiftKey ? 240 : 80;
    const moves: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    const move = moves[e.key];
    if (move) sendToMap({ kind: 'pan', dx: move[0], dy: move[1] });
    else if (e.key === '+' || e.key === '=') sendToMap({ kind: 'zoom', by: 0.5 });
    else if (e.key === '-' || e.key === '_') sendToMap({ kind: 'zoom', by: -0.5 });
    else return;
    e.preventDefault();
  }

  const pane = typeof document === 'undefined' ? null : document.getElementById('map');
  if (!pane) return null;
  return createPortal(
    <>
      <div className="reframe-bar" role="group" aria-labelledby={headingId} aria-describedby={hintId} onKeyDown={onKeyDown}>
        <p>
          <strong id={headingId}>
            Framing export {settings.width}×{settings.height}
          </strong>{' '}
          <span id={hintId}>Move the map until the image shows what you want: drag it, or use the arrow keys here (+ and − zoom).</span>
        </p>
        <div className="reframe-actions">
          <button ref={done} type="button" className="button" onClick={finish}>
            Done
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </div>
      {outline && window_ && layout && (
        <div className="reframe-overlay" aria-hidden="true" data-testid="reframe-outline">
          <div className="reframe-image" style={px(outline)} />
          <div className="reframe-window" style={px(window_)} />
          {layout.map.top > 0 && (
            <div className="reframe-band" style={{ left: outline.left, top: outline.top, width: outline.width, height: layout.map.top * k }}>
              {layout.header[0]?.content}
            </div>
          )}
          {layout.map.bottom < layout.height && (
            <div className="reframe-band" style={{ left: outline.left, top: outline.top + layout.map.bottom * k, width: outline.width, height: (layout.height - layout.map.bottom) * k }} />
          )}
          {furniture.map((b, i) => (
            <div key={i} className="reframe-furniture" style={{ left: outline.left + b[0] * k, top: outline.top + b[1] * k, width: (b[2] - b[0]) * k, height: (b[3] - b[1]) * k }} />
          ))}
        </div>
      )}
    </>,
    pane,
  );
}
