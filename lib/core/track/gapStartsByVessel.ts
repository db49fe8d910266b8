import type { EventDto } from './types';

/**
 * Per vessel, the last fix before each gap the detection reported (events of kind gap), in epoch
 * seconds: what splitAtGaps takes as `gapStartsSeconds`, so that the map and the exported image
 * split the tracks where the event list says.
 *
 * @example
 * gapStartsByVessel(events).get('maia-1'); // [1707181800]
 */
export function gapStartsByVessel(events: readonly EventDto[]): Map<string, number[]> {
  const starts = new Map<string, number[]>();
  for (const e of events) {
    if (e.kind !== 'gap') continue;
    const list = starts.get(e.vesselId) ?? [];
    list.push(Math.round(Date.parse(e.from.time) / 1000));
    starts.set(e.vesselId, list);
  }
  return starts;
}
