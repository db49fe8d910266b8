'use client';
import { useCallback, useContext, useDeferredValue, useMemo, useState, useSyncExternalStore } from 'react';
import { useTimelineClaims, useTimelineSightings, useTimelineVoyages } from '@/lib/client/api/timeline';
import { layoutTimeline } from '@/lib/client/timeline/layout';
import { type SpeedId, dataDays, playStart, step } from '@/lib/client/timeline/playback';
import { describeVoyage, timelineData } from '@/lib/client/timeline/voyages';
import { atRest, createTimeCursorStore } from '@/lib/client/time/cursor';
import { DAY_MS, addDays, dayStart } from '@/lib/core/time/days';
import { type TimeDomain, fitDomain, pan, zoomAt } from '@/lib/core/time/scale';
import { TimeCursorContext } from '../timeCursor';
import type { TimelinePanelProps } from './types';
import TimelineChart from './TimelineChart';
import TimelineControls from './TimelineControls';
import TimelineList from './TimelineList';
import { usePlayback } from './usePlayback';

/** Shown when there is no data yet: 2023 to 2025, the years the records cover. */
const DEFAULT_EXTENT = { start: Date.UTC(2023, 0, 1), end: Date.UTC(2026, 0, 1) };

/** The open panel: its data, its view in time, the chart, the controls and the text alternative. */
export default function TimelineBody({ state, hoveredId, onSelect, onHover, onRange, onCursorDay }: TimelinePanelProps) {
  const voyages = useTimelineVoyages(state, true);
  const sightings = useTimelineSightings(true);
  const claims = useTimelineClaims(true);
  // Laid out in a render after the map's: the answer the two share arrives for both at once, and
  // at 100,000 voyages the timeline's model and lanes took a few hundred milliseconds before the
  // map could draw. (The map follows any change of its size this brings: FitSelection.)
  const voyagesData = useDeferredValue(voyages.data);
  const data = useMemo(
    () => timelineData(voyagesData?.voyages ?? [], sightings.data?.observations, claims.data?.claims),
    [voyagesData, sightings.data, claims.data],
  );
  const layout = useMemo(() => layoutTimeline(data.model), [data.model]);
  const extent = data.model.extent;
  const fit = useMemo(() => fitDomain((extent ?? DEFAULT_EXTENT).start, (extent ?? DEFAULT_EXTENT).end), [extent]);
  // The view in time: the user's zoom and pan, until the data's extent changes.
  const [view, setView] = useState<{ fit: TimeDomain; domain: TimeDomain } | null>(null);
  const domain = view && view.fit === fit ? view.domain : fit;
  const setDomain = useCallback((d: TimeDomain) => setView({ fit, domain: d }), [fit]);

  const context = useContext(TimeCursorContext);
  const [fallback] = useState(() => createTimeCursorStore());
  const store = context ?? fallback;
  const days = useMemo(() => dataDays(extent), [extent]);
  const [speed, setSpeed] = useState<SpeedId>('week');
  const playback = usePlayback({ store, days, from: state.from, speed, onCursorDay });

  const range = useMemo(() => {
    if (!state.from && !state.to) return null;
    const start = state.from ? dayStart(state.from) : -8.64e15;
    const end = state.to ? dayStart(state.to) + DAY_MS : 8.64e15;
    return Number.isNaN(start) || Number.isNaN(end) ? null : { start, end };
  }, [state.from, state.to]);

  const rest = useCallback(
    (day: string) => {
      if (playback.playing) playback.pause(day);
      else {
        store.set(atRest(day));
        onCursorDay(day, 'replace');
      }
    },
    [playback, store, onCursorDay],
  );
  const drag = useCallback((day: string) => store.set(atRest(day)), [store]);
  const startDay = days ? playStart(null, state.from, days) : null;
  const stepBy = (n: number) => {
    if (!days) return;
    const c = store.get();
    const base = c?.day ?? startDay ?? days.first;
    const next = n > 0 ? step(base, n, days.last).day : addDays(base, n) < days.first ? days.first : addDays(base, n);
    rest(c ? next : base);
    const t = dayStart(next);
    if (t < domain.start || t > domain.end) setDomain(pan(domain, t - (domain.start + domain.end) / 2));
  };
  const select = useCallback((id: string) => onSelect(id), [onSelect]);
  const describe = useCallback((id: string) => {
    const v = data.byId.get(id);
    return v ? describeVoyage(v) : [id];
  }, [data.byId]);
  const selectedId = state.voyage ?? null;
  const hasCursor = useSyncExternalStore(store.subscribe, () => store.get() !== null, () => Boolean(state.at));

  return (
    <div id="timeline-body" className="timeline-body">
      <TimelineControls
        onZoom={(f) => setDomain(zoomAt(domain, f, (domain.start + domain.end) / 2))}
        onPan={(dir) => setDomain(pan(domain, dir * 0.25 * (domain.end - domain.start)))}
        onFit={() => setDomain(fit)}
        hasRange={range !== null}
        onClearRange={() => onRange(undefined)}
        playing={playback.playing}
        canPlay={days !== null}
        onPlay={playback.play}
        onPause={() => playback.pause()}
        onStep={stepBy}
        speed={speed}
        onSpeed={setSpeed}
        hasCursor={hasCursor}
        onNoCursor={() => {
          if (playback.playing) playback.pause();
          store.set(null);
          onCursorDay(undefined, 'replace');
        }}
      />
      {voyages.error && <p className="timeline-note" role="alert">The timeline could not load the voyages ({voyages.error.message}).</p>}
      {!voyagesData && !voyages.error && <p className="timeline-note" role="status">Loading the timeline…</p>}
      {voyagesData && data.ordered.length === 0 && <p className="timeline-note">No voyages match these filters.</p>}
      <TimelineChart
        model={data.model}
        layout={layout}
        domain={domain}
        setDomain={setDomain}
        selectedId={selectedId}
        hoveredId={hoveredId}
        range={range}
        receivedAt={voyagesData?.receivedAt ?? null}
        voyageCount={data.ordered.length}
        describe={describe}
        onSelect={select}
        onHover={onHover}
        onRange={onRange}
        days={days}
        startDay={startDay}
        onCursorDrag={drag}
        onCursorRest={rest}
      />
      <TimelineList voyages={data.ordered} selectedId={state.voyage} onSelect={select} />
    </div>
  );
}
