/** A silence between fix `from` and fix `from + 1` of one track. */
export interface TrackGap {
  /** Index of the last fix before the silence (the next fix is `from + 1`). */
  from: number;
  hours: number;
}

/**
 * The track's parts and gaps. A gap is a silence longer than `gapMinHours` between two
 * consecutive fixes, or one the detection reported (an event whose last fix is one of these
 * fixes), whatever its length: the map and the event list then show the same gaps.
 *
 * @param tSeconds - the fixes' times, epoch seconds, ascending (TrackDto.t)
 * @param gapMinHours - DetectionParams.gapMinHours
 * @param gapStartsSeconds - the gaps' last fixes before the silence, epoch seconds (events of kind gap)
 * @returns `breaks`: the index of each part's first fix but the first part's; `gaps`: one per break
 * @example
 * splitAtGaps([0, 3600, 90000], 6); // { breaks: [2], gaps: [{ from: 1, hours: 24 }] }
 */
export function splitAtGaps(
  tSeconds: ArrayLike<number>,
  gapMinHours: number,
  gapStartsSeconds: Iterable<number> = [],
): { breaks: number[]; gaps: TrackGap[] } {
  if (!(gapMinHours > 0)) throw new Error(`splitAtGaps: gapMinHours must be a number of hours > 0, got ${gapMinHours}`);
  const reported = new Set(gapStartsSeconds);
  const limitSeconds = gapMinHours * 3600;
  const breaks: number[] = [];
  const gaps: TrackGap[] = [];
  for (let i = 0; i + 1 < tSeconds.length; i++) {
    const silence = tSeconds[i + 1]! - tSeconds[i]!;
    if (silence > limitSeconds || (reported.has(tSeconds[i]!) && silence > 0)) {
      breaks.push(i + 1);
      gaps.push({ from: i, hours: silence / 3600 });
    }
  }
  return { breaks, gaps };
}
