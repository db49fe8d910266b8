/**
 * The animated export's clock: which instant each frame of a video shows, the range a video covers
 * by default, and its file name. Pure.
 *
 * A video over the days `from` to `to` (inclusive) runs from 00:00Z of `from` to the last instant of
 * `to`. With n = round(seconds × fps) frames (at least 2), frame i shows
 *
 *     t(i) = start + i × (end − start) / (n − 1),   end = 24:00Z of `to` − 1 ms,
 *
 * so the first frame shows the range's first instant and the last frame its last: time runs at a
 * steady pace, (end − start) / seconds of real time per second of video.
 */
import { DAY_MS, dayOf, dayStart } from './days';

export interface VideoRange {
  /** First day, YYYY-MM-DD. */
  from: string;
  /** Last day, YYYY-MM-DD (inclusive). */
  to: string;
}

/** The most frames a video may have (2 minutes at 60 fps): bounds the work a typo could ask for. */
export const MAX_FRAMES = 7200;

/** The number of frames of a video `seconds` long at `fps`: at least 2, at most MAX_FRAMES; 0 if either is not a positive number. */
export function frameCount(seconds: number, fps: number): number {
  if (!(seconds > 0) || !(fps > 0) || !Number.isFinite(seconds * fps)) return 0;
  return Math.min(MAX_FRAMES, Math.max(2, Math.round(seconds * fps)));
}

/** The instants (ms) the frames show, in order; [] when the range or the numbers are not valid. */
export function frameTimes(range: VideoRange, seconds: number, fps: number): number[] {
  const start = dayStart(range.from);
  const last = dayStart(range.to);
  const n = frameCount(seconds, fps);
  if (Number.isNaN(start) || Number.isNaN(last) || last < start || n === 0) return [];
  const end = last + DAY_MS - 1;
  const step = (end - start) / (n - 1);
  return Array.from({ length: n }, (_, i) => (i === n - 1 ? end : Math.round(start + i * step)));
}

/**
 * The range a video covers unless the reader picks another: the brushed dates where both are set,
 * else the voyages' extent (as days) with the brushed end that is set; null with neither.
 */
export function defaultVideoRange(brushed: { from?: string; to?: string }, extent: { start: number; end: number } | null): VideoRange | null {
  const from = brushed.from ?? (extent ? dayOf(extent.start) : undefined);
  const to = brushed.to ?? (extent ? dayOf(extent.end - 1) : undefined);
  if (!from || !to) return null;
  return from <= to ? { from, to } : { from: to, to: from };
}

/** Whether a range is two real days in order. */
export function isVideoRange(range: VideoRange): boolean {
  const a = dayStart(range.from);
  const b = dayStart(range.to);
  return !Number.isNaN(a) && !Number.isNaN(b) && a <= b;
}

/** `wakeline-2024-02-01_2024-02-29.webm`: the file name says the range. */
export function videoFileName(range: VideoRange): string {
  return `wakeline-${range.from}_${range.to}.webm`;
}
