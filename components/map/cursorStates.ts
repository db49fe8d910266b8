'use client';
import { useContext, useMemo, useSyncExternalStore } from 'react';
import type { VoyageFeatures } from '@/lib/client/api';
import type { TimeCursor, TimeCursorStore } from '@/lib/client/time/cursor';
import type { CursorSummary } from '@/lib/core/domain/legend';
import {
  type PossibleProgress,
  type UnderWay,
  type VoyageTimes,
  possibleProgress,
  possibleProgressOnDay,
  voyageTimes,
} from '@/lib/core/time/possibleProgress';
import { TimeCursorContext } from '../timeCursor';

/** Each voyage's windows as instants, by voyage id. */
export type CursorTimes = ReadonlyMap<string, VoyageTimes>;

/** The windows of every voyage as instants; a voyage whose windows are not real days is left out (never under way). */
function voyageTimesOf(voyages: VoyageFeatures): CursorTimes {
  const times = new Map<string, VoyageTimes>();
  for (const f of voyages.features) {
    try {
      times.set(f.properties.id, voyageTimes(f.properties.departure, f.properties.arrival));
    } catch {
      // Contradictory or malformed windows: the voyage is drawn, but never at the cursor.
    }
  }
  return times;
}

/** Per answer: the list, the legend, the routes and the stretches all ask for the same one. */
const timesByAnswer = new WeakMap<VoyageFeatures, CursorTimes>();
const NO_TIMES: CursorTimes = new Map();

/** voyageTimesOf, once per voyage list (however many components ask: 100,000 voyages take ~0.1 s). */
export function useVoyageTimes(voyages: VoyageFeatures | undefined): CursorTimes {
  return useMemo(() => {
    if (!voyages) return NO_TIMES;
    let times = timesByAnswer.get(voyages);
    if (!times) timesByAnswer.set(voyages, (times = voyageTimesOf(voyages)));
    return times;
  }, [voyages]);
}

/** At rest, over the cursor's whole day; while playing, at its instant. */
export function progressAt(times: VoyageTimes, cursor: TimeCursor): PossibleProgress {
  return cursor.playing ? possibleProgress(times, cursor.t) : possibleProgressOnDay(times, cursor.day);
}

const noop = () => () => undefined;

/**
 * A value derived from the cursor, re-rendering the caller only when that value changes (`same`),
 * not at every move of the cursor: playback moves it up to 60 times a second.
 */
function useCursorSelect<T>(select: (cursor: TimeCursor | null) => T, same: (a: T, b: T) => boolean): T {
  const store: TimeCursorStore | null = useContext(TimeCursorContext);
  const snapshot = useMemo(() => cachedSnapshot(store, select, same), [store, select, same]);
  return useSyncExternalStore(store?.subscribe ?? noop, snapshot, snapshot);
}

/** A snapshot function for useSyncExternalStore that returns the previous value while `same` holds. */
function cachedSnapshot<T>(store: TimeCursorStore | null, select: (cursor: TimeCursor | null) => T, same: (a: T, b: T) => boolean): () => T {
  let last: { value: T } | null = null;
  return () => {
    const value = select(store?.get() ?? null);
    if (last && same(last.value, value)) return last.value;
    last = { value };
    return value;
  };
}

const CODE: Record<UnderWay, string> = { before: 'b', possible: 'p', certain: 'c', after: 'a' };

interface States {
  /** One letter per voyage (CODE), in the order of `times`: cheap to compare at every frame. */
  code: string;
  byId: ReadonlyMap<string, UnderWay>;
}

/**
 * Whether each voyage is under way at the cursor at rest (null: no cursor); a new map only when
 * some voyage's state changes. While playing it keeps the states of the day playback started
 * from: restyling thousands of routes redraws their whole canvas (about 0.3 s at 5,000), so
 * during playback CursorLayer fades the routes' pane as a whole and draws the routes under way at
 * each instant on its own canvas.
 */
export function useCursorStates(times: CursorTimes): ReadonlyMap<string, UnderWay> | null {
  const select = useMemo(() => restingStates(times), [times]);
  return useCursorSelect(select, sameStates)?.byId ?? null;
}

/** The states at the cursor, or while it plays those it had when it last rested. */
function restingStates(times: CursorTimes): (cursor: TimeCursor | null) => States | null {
  let resting: States | null = null;
  return (cursor) => {
    if (!cursor?.playing) resting = statesAt(times, cursor);
    return resting;
  };
}

function statesAt(times: CursorTimes, cursor: TimeCursor | null): States | null {
  if (!cursor) return null;
  const byId = new Map<string, UnderWay>();
  let code = '';
  for (const [id, t] of times) {
    const state = progressAt(t, cursor).state;
    byId.set(id, state);
    code += CODE[state];
  }
  return { code, byId };
}
const sameStates = (a: States | null, b: States | null) => a === b || (a !== null && b !== null && a.code === b.code);

/** What the legend says of the cursor: its day and how many voyages are possibly and certainly under way. */
function cursorSummary(times: CursorTimes, cursor: TimeCursor | null): CursorSummary | undefined {
  if (!cursor) return undefined;
  let possible = 0;
  let certain = 0;
  for (const t of times.values()) {
    const state = progressAt(t, cursor).state;
    if (state === 'possible') possible++;
    else if (state === 'certain') certain++;
  }
  // Every voyage under way has its stretch drawn (CursorLayer).
  return { day: cursor.day, possible, certain, stretches: possible + certain };
}

/** cursorSummary, re-rendering the caller only when the day or a count changes. */
export function useCursorSummary(times: CursorTimes): CursorSummary | undefined {
  const select = useMemo(() => summaryByDay(times), [times]);
  return useCursorSelect(select, sameSummary);
}

/**
 * cursorSummary, counted once a day: the windows' ends are midnights, so no voyage changes state
 * within a day, and playback (up to 60 moves a second) need not count them all at every frame.
 */
function summaryByDay(times: CursorTimes): (cursor: TimeCursor | null) => CursorSummary | undefined {
  let key = '';
  let last: CursorSummary | undefined;
  return (cursor) => {
    const now = cursor ? `${cursor.day}|${cursor.playing}` : '';
    if (now !== key) {
      key = now;
      last = cursorSummary(times, cursor);
    }
    return last;
  };
}
const sameSummary = (a: CursorSummary | undefined, b: CursorSummary | undefined) =>
  a === b || (a !== undefined && b !== undefined && a.day === b.day && a.possible === b.possible && a.certain === b.certain && a.stretches === b.stretches);

/**
 * The day the cursor rests on (null: no cursor). While playing it stays on the day playback
 * started from, so what reads it (the voyage list) re-renders when the cursor comes to rest, not
 * at every day played.
 */
export function useRestingDay(): string | null {
  const select = useMemo(() => restingDay(), []);
  return useCursorSelect(select, Object.is);
}

function restingDay(): (cursor: TimeCursor | null) => string | null {
  let resting: string | null = null;
  return (cursor) => {
    if (!cursor) resting = null;
    else if (!cursor.playing) resting = cursor.day;
    return resting;
  };
}
