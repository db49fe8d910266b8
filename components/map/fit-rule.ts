/**
 * When selecting a voyage frames the map on it. A link that names a voyage and its own view
 * (`lonlat` and `z`) opens exactly that view: the recipient sees the frame the sender saw. A link
 * with a voyage and no view, and every voyage chosen during the visit, frames the route. Pure.
 */
import { parseViewState } from '@/lib/core/domain/view-state';

interface OpenedWith {
  /** The voyage the page's address selected when it opened. */
  voyage: string | undefined;
  /** The address set the map's centre and zoom. */
  hasView: boolean;
}

export function openedWith(search: string): OpenedWith {
  const state = parseViewState(new URLSearchParams(search));
  return { voyage: state.voyage, hasView: state.center !== undefined && state.zoom !== undefined };
}

/** Whether to frame `selectedId` now; `opened` is consumed by the caller after the first selection. */
export function framesSelection(selectedId: string, opened: OpenedWith | null): boolean {
  return !(opened?.hasView && opened.voyage === selectedId);
}
