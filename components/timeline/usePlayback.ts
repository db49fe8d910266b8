'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { type SpeedId, advance, playStart, speedDays, step } from '@/lib/client/timeline/playback';
import { type TimeCursorStore, atRest, playingAt } from '@/lib/client/time/cursor';
import { dayOf, dayStart } from '@/lib/core/time/days';

type CursorDay = (day: string | undefined, how: 'push' | 'replace' | 'quiet') => void;

interface Options {
  store: TimeCursorStore;
  days: { first: string; last: string } | null;
  from: string | undefined;
  speed: SpeedId;
  onCursorDay: CursorDay;
}

/**
 * Playback: a requestAnimationFrame loop moving the cursor's instant continuously (the URL follows
 * its day quietly), or, with prefers-reduced-motion, one step of the chosen unit a second. Pausing
 * or reaching the data's last day leaves the cursor at rest on its day, written to the URL.
 */
export function usePlayback(o: Options) {
  const [playing, setPlaying] = useState(false);
  const opts = useRef(o);
  useEffect(() => {
    opts.current = o;
  });
  const raf = useRef(0);
  const timer = useRef<ReturnType<typeof setInterval> | undefined>(undefined);

  const halt = useCallback(() => {
    cancelAnimationFrame(raf.current);
    clearInterval(timer.current);
    raf.current = 0;
    timer.current = undefined;
  }, []);

  const pause = useCallback(
    (at?: string) => {
      halt();
      setPlaying(false);
      const { store, onCursorDay } = opts.current;
      const day = at ?? store.get()?.day;
      if (!day) return;
      store.set(atRest(day));
      onCursorDay(day, 'replace');
    },
    [halt],
  );

  const play = useCallback(() => {
    const { store, days, from } = opts.current;
    if (!days) return;
    halt();
    const start = playStart(store.get()?.day ?? null, from, days);
    performance.clearMarks('wakeline:playback-frame');
    setPlaying(true);
    if (window.matchMedia?.('(prefers-reduced-motion: reduce)').matches) {
      let day = start;
      store.set(atRest(day));
      opts.current.onCursorDay(day, 'quiet');
      timer.current = setInterval(() => {
        const s = step(day, speedDays(opts.current.speed), days.last);
        day = s.day;
        opts.current.store.set(atRest(day));
        opts.current.onCursorDay(day, 'quiet');
        if (s.done) pause(day);
      }, 1000);
      return;
    }
    let t = dayStart(start);
    let last = performance.now();
    let lastDay = start;
    store.set(playingAt(t));
    opts.current.onCursorDay(start, 'quiet');
    const frame = (now: number) => {
      const r = advance(t, now - last, speedDays(opts.current.speed), days.last);
      last = now;
      t = r.t;
      opts.current.store.set(playingAt(t));
      const day = dayOf(t);
      if (day !== lastDay) {
        lastDay = day;
        opts.current.onCursorDay(day, 'quiet');
      }
      if (r.done) pause(day);
      else raf.current = requestAnimationFrame(frame);
    };
    raf.current = requestAnimationFrame(frame);
  }, [halt, pause]);

  useEffect(() => halt, [halt]);
  return { playing, play, pause };
}
