import type { ViewState } from '@/lib/core/domain/view-state';

/** What the dashboard hands the timeline panel (and the panel its body). */
export interface TimelinePanelProps {
  /** vessel/port/confidence: what the timeline shows; from/to: the brushed range; voyage: the selected one. */
  state: ViewState;
  hoveredId: string | null;
  onSelect: (id: string | undefined) => void;
  onHover: (id: string | null) => void;
  /** Sets (or clears) the from/to filter. */
  onRange: (range: { from: string; to: string } | undefined) => void;
  /** The cursor's day: 'push'/'replace' a history entry or not; 'quiet' (playback) the URL only. */
  onCursorDay: (day: string | undefined, how: 'push' | 'replace' | 'quiet') => void;
  onClosedChange: (closed: boolean) => void;
}
