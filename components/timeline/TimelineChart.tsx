'use client';
import { type PointerEvent, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { drawTimeline } from '@/lib/client/timeline/draw';
import { type TimelineHit, hitTest } from '@/lib/client/timeline/hit';
import { HEADER_H, type TimelineLayout, labelWidth as gutterOf } from '@/lib/client/timeline/layout';
import { type TimeDomain, pan, rangeToDays, xToTime, zoomAt } from '@/lib/core/time/scale';
import type { TimelineModel } from '@/lib/core/time/timeline';
import CursorLayer from './CursorLayer';
import { fitCanvas } from './fitCanvas';

interface Props {
  model: TimelineModel;
  layout: TimelineLayout;
  domain: TimeDomain;
  setDomain: (d: TimeDomain) => void;
  selectedId: string | null;
  hoveredId: string | null;
  range: { start: number; end: number } | null;
  /** performance.now() when the data arrived, and how many voyages: measured once drawn. */
  receivedAt: number | null;
  voyageCount: number;
  describe: (id: string) => string[];
  onSelect: (id: string) => void;
  onHover: (id: string | null) => void;
  onRange: (range: { from: string; to: string }) => void;
  days: { first: string; last: string } | null;
  startDay: string | null;
  onCursorDrag: (day: string) => void;
  onCursorRest: (day: string) => void;
}

const DRAG_PX = 4;
const MAX_H = 232;

/** The timeline's canvas: drawing, hover, click to select, drag to brush, wheel to zoom and pan. */
export default function TimelineChart(p: Props) {
  const { model, layout, domain, setDomain } = p;
  const scroller = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [width, setWidth] = useState(0);
  const [scrollTop, setScrollTop] = useState(0);
  const [brush, setBrush] = useState<{ t0: number; t1: number } | null>(null);
  const [tip, setTip] = useState<{ id: string; x: number; y: number } | null>(null);
  const down = useRef<{ x0: number; t0: number; hit: TimelineHit; brushing: boolean } | null>(null);
  const measured = useRef<number | null>(null);
  const height = Math.min(MAX_H, HEADER_H + Math.max(layout.rowsHeight, 28));
  const gutter = gutterOf(width);
  const chartW = Math.max(1, width - gutter);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setWidth(el.clientWidth));
    ro.observe(el);
    setWidth(el.clientWidth);
    return () => ro.disconnect();
  }, []);

  // Drawn before the browser paints, so the first frame with new data already shows it.
  useLayoutEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx || width === 0) return;
    const dpr = window.devicePixelRatio || 1;
    fitCanvas(c, width, height, dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    drawTimeline(ctx, model, layout, domain, { width, height, labelWidth: gutter, scrollTop, selectedId: p.selectedId, hoveredId: p.hoveredId, range: p.range });
    c.dataset.start = String(domain.start);
    c.dataset.end = String(domain.end);
    c.dataset.gutter = String(gutter);
    c.dataset.draws = String(Number(c.dataset.draws ?? 0) + 1);
    if (p.receivedAt !== null && measured.current !== p.receivedAt) {
      measured.current = p.receivedAt;
      performance.measure('wakeline:timeline-draw', { start: p.receivedAt, detail: { voyages: p.voyageCount } });
      c.dataset.drawn = String(p.voyageCount);
    }
  }, [model, layout, domain, width, height, gutter, scrollTop, p.selectedId, p.hoveredId, p.range, p.receivedAt, p.voyageCount]);

  // Wheel: zoom about the pointer; with Shift, or a horizontal wheel, pan. Over the labels the rows scroll.
  useEffect(() => {
    const c = canvas.current;
    if (!c) return;
    const onWheel = (e: WheelEvent) => {
      const x = e.clientX - c.getBoundingClientRect().left - gutter;
      if (x < 0) return;
      e.preventDefault();
      const span = domain.end - domain.start;
      const horizontal = Math.abs(e.deltaX) > Math.abs(e.deltaY);
      if (e.shiftKey || horizontal) setDomain(pan(domain, ((horizontal ? e.deltaX : e.deltaY) / chartW) * span));
      else setDomain(zoomAt(domain, Math.exp(-e.deltaY * 0.002), xToTime(domain, chartW, x)));
    };
    c.addEventListener('wheel', onWheel, { passive: false });
    return () => c.removeEventListener('wheel', onWheel);
  }, [domain, setDomain, gutter, chartW]);

  const local = (e: PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  const hit = (x: number, y: number) => hitTest(model, layout, domain, { width, labelWidth: gutter, scrollTop }, x, y);
  const timeAt = (x: number) => xToTime(domain, chartW, Math.min(chartW, Math.max(0, x - gutter)));

  const onPointerDown = (e: PointerEvent<HTMLCanvasElement>) => {
    if (e.button !== 0) return;
    const { x, y } = local(e);
    if (x < gutter) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    down.current = { x0: x, t0: timeAt(x), hit: hit(x, y), brushing: false };
  };
  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const { x, y } = local(e);
    const d = down.current;
    if (d) {
      if (!d.brushing && Math.abs(x - d.x0) < DRAG_PX) return;
      d.brushing = true;
      setTip(null);
      setBrush({ t0: d.t0, t1: timeAt(x) });
      return;
    }
    const h = hit(x, y);
    const id = h.kind === 'bar' ? h.id : null;
    if (id !== p.hoveredId) p.onHover(id);
    setTip(id ? { id, x, y } : null);
  };
  const onPointerUp = (e: PointerEvent<HTMLCanvasElement>) => {
    const d = down.current;
    down.current = null;
    if (!d) return;
    setBrush(null);
    if (d.brushing) p.onRange(rangeToDays(d.t0, timeAt(local(e).x)));
    else if (d.hit.kind === 'bar') p.onSelect(d.hit.id);
  };
  const onLeave = () => {
    if (down.current) return;
    setTip(null);
    if (p.hoveredId !== null) p.onHover(null);
  };

  return (
    <div
      ref={scroller}
      className="timeline-scroll"
      style={{ height }}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
    >
      <div style={{ height: HEADER_H + layout.rowsHeight, minHeight: height }}>
        <div className="timeline-stage" style={{ height }}>
          <canvas
            ref={canvas}
            className="timeline-canvas"
            style={{ width, height }}
            aria-hidden="true"
            data-testid="timeline-canvas"
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={onPointerUp}
            onPointerCancel={() => {
              down.current = null;
              setBrush(null);
            }}
            onPointerLeave={onLeave}
          />
          <CursorLayer
            domain={domain}
            setDomain={setDomain}
            width={width}
            height={height}
            labelWidth={gutter}
            brush={brush}
            days={p.days}
            startDay={p.startDay}
            onDrag={p.onCursorDrag}
            onRest={p.onCursorRest}
          />
          {tip && (
            <div className="timeline-tip" role="tooltip" style={{ left: Math.min(tip.x + 12, Math.max(0, width - 240)), top: tip.y > height / 2 ? Math.max(0, tip.y - 84) : tip.y + 14 }}>
              {p.describe(tip.id).map((line, i) => (
                <div key={i} className={i === 0 ? 'timeline-tip-title' : undefined}>
                  {line}
                </div>
              ))}
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
