'use client';
import { type KeyboardEvent, type PointerEvent, useEffect, useEffectEvent, useRef } from 'react';
import { drawOverlay } from '@/lib/client/timeline/draw';
import { AXIS_H } from '@/lib/client/timeline/layout';
import { SLIDER_KEYS, keyMove } from '@/lib/client/timeline/playback';
import { formatDay } from '@/lib/core/domain/display';
import { DAY_MS, dayOf, dayStart } from '@/lib/core/time/days';
import { type TimeDomain, pan, timeToX, xToTime } from '@/lib/core/time/scale';
import { useTimeCursor } from '../timeCursor';
import { fitCanvas } from './fitCanvas';

interface Props {
  domain: TimeDomain;
  setDomain: (d: TimeDomain) => void;
  width: number;
  height: number;
  labelWidth: number;
  brush: { t0: number; t1: number } | null;
  days: { first: string; last: string } | null;
  /** Where the cursor starts when a key moves it and there is none. */
  startDay: string | null;
  /** The cursor dragged (not yet at rest). */
  onDrag: (day: string) => void;
  /** The cursor put down on a day. */
  onRest: (day: string) => void;
}

const DRAG_PX = 4;

/**
 * The time cursor: drawn on a canvas over the chart (so it moves without redrawing the voyages),
 * and a slider over the tick strip: keys move it, a click puts it down, dragging its handle moves
 * it, dragging elsewhere on the strip pans the view.
 */
export default function CursorLayer({ domain, setDomain, width, height, labelWidth, brush, days, startDay, onDrag, onRest }: Props) {
  const cursor = useTimeCursor();
  const canvas = useRef<HTMLCanvasElement>(null);
  const drag = useRef<{ mode: 'handle' | 'axis'; x0: number; domain: TimeDomain; moved: boolean } | null>(null);
  const chartW = Math.max(1, width - labelWidth);

  useEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    const dpr = window.devicePixelRatio || 1;
    fitCanvas(c, width, height, dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    drawOverlay(ctx, domain, { width, height, labelWidth, cursor: cursor?.t ?? null, brush });
    if (cursor?.playing) performance.mark('wakeline:playback-frame');
    // While playing, the view follows the cursor when it runs off the right edge.
    if (cursor?.playing && cursor.t > domain.end) setDomain(pan(domain, cursor.t - domain.start - 0.2 * (domain.end - domain.start)));
  }, [cursor, domain, width, height, labelWidth, brush, setDomain]);

  const dayAtX = (clientX: number, el: HTMLElement) => {
    const x = clientX - el.getBoundingClientRect().left;
    const day = dayOf(xToTime(domain, chartW, x));
    if (!days) return day;
    return day < days.first ? days.first : day > days.last ? days.last : day;
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    const x = e.clientX - e.currentTarget.getBoundingClientRect().left;
    const near = cursor !== null && Math.abs(timeToX(domain, chartW, cursor.t) - x) <= 10;
    drag.current = { mode: near ? 'handle' : 'axis', x0: e.clientX, domain, moved: false };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d) return;
    const dx = e.clientX - d.x0;
    if (!d.moved && Math.abs(dx) < DRAG_PX) return;
    d.moved = true;
    if (d.mode === 'handle') onDrag(dayAtX(e.clientX, e.currentTarget));
    else setDomain(pan(d.domain, -(dx / chartW) * (d.domain.end - d.domain.start)));
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    drag.current = null;
    if (!d) return;
    if (d.mode === 'handle' || !d.moved) onRest(dayAtX(e.clientX, e.currentTarget));
  };
  /** Moves the cursor for a key; false when the key is not the slider's. */
  const press = (key: string, shift: boolean, span: { first: string; last: string }): boolean => {
    const base = cursor?.day ?? startDay ?? span.first;
    const moved = keyMove(key, shift, base, span);
    if (!moved) return false;
    // With no cursor yet, the first key puts it down where playback would start (Home and End where they say).
    const next = cursor || key === 'Home' || key === 'End' ? moved : base;
    onRest(next);
    const t = dayStart(next);
    if (t < domain.start || t + DAY_MS > domain.end) setDomain(pan(domain, t - (domain.start + domain.end) / 2));
    return true;
  };
  // A slider key pressed before the voyages (and so their days) have come is kept, the last one,
  // and pressed once they have, rather than lost.
  const waiting = useRef<{ key: string; shift: boolean } | null>(null);
  const pressWaiting = useEffectEvent((span: { first: string; last: string }) => {
    const w = waiting.current;
    waiting.current = null;
    if (w) press(w.key, w.shift, span);
  });
  useEffect(() => {
    if (days) pressWaiting(days);
  }, [days]);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!days) {
      if (!SLIDER_KEYS.has(e.key)) return;
      e.preventDefault();
      waiting.current = { key: e.key, shift: e.shiftKey };
      return;
    }
    if (press(e.key, e.shiftKey, days)) e.preventDefault();
  };

  const dayIndex = (day: string) => Math.round((dayStart(day) - dayStart(days?.first ?? day)) / DAY_MS);
  return (
    <>
      <canvas ref={canvas} className="timeline-overlay" style={{ width, height }} aria-hidden="true" />
      <div
        className="timeline-axis"
        role="slider"
        tabIndex={0}
        aria-label="Time cursor"
        aria-valuemin={0}
        aria-valuemax={days ? dayIndex(days.last) : 0}
        aria-valuenow={cursor && days ? dayIndex(cursor.day) : 0}
        aria-valuetext={cursor ? formatDay(cursor.day) : 'No cursor'}
        style={{ left: labelWidth, width: chartW, height: AXIS_H }}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => (drag.current = null)}
        onKeyDown={onKeyDown}
      />
    </>
  );
}
