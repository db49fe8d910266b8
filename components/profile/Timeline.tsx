'use client';
import { useEffect, useRef, useState } from 'react';
import { formatDay } from '@/lib/core/domain/display';
import type { DateWindow } from '@/lib/core/domain/schemas';

export interface TimelineVoyage {
  id: string;
  label: string;
  departure: DateWindow;
  arrival: DateWindow;
}
export interface TimelineSighting {
  id: string;
  label: string;
  window: DateWindow;
}

const DAY = 86_400_000;
const ROW = 12;
const LEFT = 4;
const RIGHT = 4;
const AXIS = 18;

const t = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** Packs spans into as few rows as fit without overlap (in pixels, with a small gap). */
function pack<T>(items: T[], span: (x: T) => [number, number]): { item: T; row: number }[] {
  const ends: number[] = [];
  return items.map((item) => {
    const [a, b] = span(item);
    let row = ends.findIndex((end) => end + 3 <= a);
    if (row < 0) row = ends.push(b) - 1;
    else ends[row] = b;
    return { item, row };
  });
}

/**
 * Voyages and sightings on one time axis. Every date is a window, so each is drawn as a span from
 * its earliest to its latest day (a one-day window is a short span, never a point): a voyage is its
 * departure window (above) and its arrival window (below), joined by a dashed line where they do not
 * overlap; a sighting is its window. The
 * lists beside it carry the same facts as text, so the picture is described, not read out.
 */
export default function Timeline({ voyages, sightings, title }: { voyages: TimelineVoyage[]; sightings: TimelineSighting[]; title: string }) {
  // Drawn in the figure's own pixels, so that rows and labels keep their size at any width.
  const figure = useRef<HTMLElement>(null);
  const [width, setWidth] = useState(360);
  useEffect(() => {
    const el = figure.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.max(200, Math.round(entry.contentRect.width)));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const windows = [...voyages.flatMap((v) => [v.departure, v.arrival]), ...sightings.map((s) => s.window)];
  if (windows.length === 0) return null;
  const start = Math.min(...windows.map((w) => t(w.earliest)));
  const end = Math.max(...windows.map((w) => t(w.latest) + DAY));
  // At least a month across, so a single short window is not stretched over the whole width.
  const span = Math.max(end - start, 30 * DAY);
  const x = (ms: number) => LEFT + ((ms - start) / span) * (width - LEFT - RIGHT);
  const xs = (w: DateWindow): [number, number] => {
    const a = x(t(w.earliest));
    return [a, Math.max(x(t(w.latest) + DAY), a + 2)];
  };
  const voyageRows = voyages.map((v, i) => ({ v, y: AXIS + i * ROW }));
  const sightingTop = AXIS + voyages.length * ROW + (voyages.length ? 6 : 0);
  const packed = pack(sightings, (s) => xs(s.window));
  const sightingRowCount = packed.reduce((n, p) => Math.max(n, p.row + 1), 0);
  const height = sightingTop + sightingRowCount * ROW + 4;
  const years: number[] = [];
  for (let y = new Date(start).getUTCFullYear() + 1; Date.UTC(y, 0, 1) < start + span; y++) years.push(y);
  // A tick at the start of every month, so that a short window reads against the calendar.
  const months: number[] = [];
  for (let d = new Date(start), m = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1); m < start + span; ) {
    months.push(m);
    const next = new Date(m);
    m = Date.UTC(next.getUTCFullYear(), next.getUTCMonth() + 1, 1);
  }
  const first = formatDay(new Date(start).toISOString().slice(0, 10));
  const last = formatDay(new Date(end - DAY).toISOString().slice(0, 10));
  const summary = `${title}: ${voyages.length} ${voyages.length === 1 ? 'voyage' : 'voyages'} and ${sightings.length} ${sightings.length === 1 ? 'sighting' : 'sightings'} between ${first} and ${last}, each drawn over its date window; listed below.`;

  return (
    <figure className="timeline" ref={figure}>
      <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label={summary}>
        <line x1={LEFT} x2={width - RIGHT} y1={AXIS - 6} y2={AXIS - 6} className="timeline-axis" />
        {months.map((m) => (
          <line key={m} x1={x(m)} x2={x(m)} y1={AXIS - 8} y2={AXIS - 6} className="timeline-axis" />
        ))}
        {years.map((y) => (
          <g key={y}>
            <line x1={x(Date.UTC(y, 0, 1))} x2={x(Date.UTC(y, 0, 1))} y1={AXIS - 10} y2={height} className="timeline-year" />
            <text x={x(Date.UTC(y, 0, 1)) + 3} y={AXIS - 9} className="timeline-label">
              {y}
            </text>
          </g>
        ))}
        {voyageRows.map(({ v, y }) => {
          const [d0, d1] = xs(v.departure);
          const [a0, a1] = xs(v.arrival);
          return (
            <g key={v.id}>
              <title>{v.label}</title>
              {a0 > d1 && <line x1={d1} x2={a0} y1={y + 4.5} y2={y + 4.5} className="timeline-passage" />}
              {/* Departure above, arrival below: windows that overlap (a leg known only as "between these days") both show. */}
              <rect x={d0} width={d1 - d0} y={y} height={4} className="timeline-window timeline-departure" />
              <rect x={a0} width={a1 - a0} y={y + 5} height={4} className="timeline-window timeline-arrival" />
            </g>
          );
        })}
        {packed.map(({ item: s, row }) => {
          const [a, b] = xs(s.window);
          return (
            <rect key={s.id} x={a} width={b - a} y={sightingTop + row * ROW} height={8} className="timeline-window timeline-sighting">
              <title>{s.label}</title>
            </rect>
          );
        })}
      </svg>
      <figcaption className="fine-print">
        <span className="timeline-key timeline-departure" aria-hidden="true" /> departure window ·{' '}
        <span className="timeline-key timeline-arrival" aria-hidden="true" /> arrival window ·{' '}
        <span className="timeline-key timeline-sighting" aria-hidden="true" /> sighting window. {first} – {last}.
      </figcaption>
    </figure>
  );
}
