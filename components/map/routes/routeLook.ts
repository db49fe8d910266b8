'use client';
import { CURSOR_STYLE } from '@/lib/core/domain/legend';
import { COLORS } from '@/lib/core/domain/map-style';
import type { UnderWay } from '@/lib/core/time/possibleProgress';
import type { Look } from './drawRoutes';

/** At the time cursor (states: null without one): certainly, possibly, or not under way (faded). */
export type AtCursor = 'certain' | 'possible' | 'faded' | null;

export function atCursor(states: ReadonlyMap<string, UnderWay> | null, id: string): AtCursor {
  if (!states) return null;
  const state = states.get(id);
  return state === 'certain' || state === 'possible' ? state : 'faded';
}

/** A route's width: the selection and the hover first, then the cursor's certain and possible (CURSOR_STYLE). */
function weightFor(selected: boolean, hovered: boolean, cursor: AtCursor): number {
  if (selected) return 5;
  if (cursor === 'certain') return CURSOR_STYLE.certainWeight;
  if (hovered) return 4;
  return cursor === 'possible' ? CURSOR_STYLE.possibleWeight : 2.5;
}

const looks = new Map<string, { key: string; look: Look }>();

/**
 * How a route is drawn, as the routes' Leaflet paths were styled: dashed when inferred; the
 * selected one dark and wide, the others dimmed while one is selected; the hovered one wider;
 * under the time cursor heavier when certainly under way, faded when not. One object per look.
 */
export function routeLook(inferred: boolean, selected: boolean, hovered: boolean, dimmedBySelection: boolean, cursor: AtCursor): { key: string; look: Look } {
  const dimmed = dimmedBySelection && !selected && !hovered;
  const faded = cursor === 'faded' && !selected && !hovered;
  const key = `${selected}|${hovered}|${dimmed}|${inferred}|${cursor}`;
  let out = looks.get(key);
  if (!out) {
    const look: Look = {
      color: selected ? COLORS.routeSelected : COLORS.route,
      weight: weightFor(selected, hovered, cursor),
      opacity: faded ? CURSOR_STYLE.fadedOpacity : dimmed ? 0.35 : cursor ? 1 : 0.95,
      dashed: inferred,
      layer: selected ? 2 : hovered ? 1 : 0,
    };
    looks.set(key, (out = { key, look }));
  }
  return out;
}
