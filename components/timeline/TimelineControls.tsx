'use client';
import { SPEEDS, type SpeedId } from '@/lib/client/timeline/playback';

interface Props {
  onZoom: (factor: number) => void;
  onPan: (direction: -1 | 1) => void;
  onFit: () => void;
  hasRange: boolean;
  onClearRange: () => void;
  playing: boolean;
  canPlay: boolean;
  onPlay: () => void;
  onPause: () => void;
  onStep: (days: number) => void;
  speed: SpeedId;
  onSpeed: (speed: SpeedId) => void;
  hasCursor: boolean;
  onNoCursor: () => void;
}

/** The timeline's buttons: the view in time, the brushed range, and the cursor's playback. */
export default function TimelineControls(p: Props) {
  return (
    <div className="timeline-controls">
      <div className="timeline-group" role="group" aria-label="Time view">
        <button type="button" className="tl-btn" onClick={() => p.onZoom(2)}>
          Zoom in
        </button>
        <button type="button" className="tl-btn" onClick={() => p.onZoom(0.5)}>
          Zoom out
        </button>
        <button type="button" className="tl-btn" onClick={() => p.onPan(-1)}>
          Earlier
        </button>
        <button type="button" className="tl-btn" onClick={() => p.onPan(1)}>
          Later
        </button>
        <button type="button" className="tl-btn" onClick={p.onFit}>
          Fit all
        </button>
        {p.hasRange && (
          <button type="button" className="tl-btn" onClick={p.onClearRange}>
            Clear range
          </button>
        )}
      </div>
      <div className="timeline-group" role="group" aria-label="Playback">
        <button type="button" className="tl-btn" onClick={() => p.onStep(-7)} disabled={!p.canPlay} aria-label="Back a week" title="Back a week">
          −7d
        </button>
        <button type="button" className="tl-btn" onClick={() => p.onStep(-1)} disabled={!p.canPlay} aria-label="Back a day" title="Back a day">
          −1d
        </button>
        <button
          type="button"
          className="tl-btn tl-play"
          onClick={p.playing ? p.onPause : p.onPlay}
          disabled={!p.canPlay}
        >
          {p.playing ? 'Pause' : 'Play'}
        </button>
        <button type="button" className="tl-btn" onClick={() => p.onStep(1)} disabled={!p.canPlay} aria-label="Forward a day" title="Forward a day">
          +1d
        </button>
        <button type="button" className="tl-btn" onClick={() => p.onStep(7)} disabled={!p.canPlay} aria-label="Forward a week" title="Forward a week">
          +7d
        </button>
        <label className="tl-speed">
          <span>Speed</span>
          <select value={p.speed} onChange={(e) => p.onSpeed(e.target.value as SpeedId)}>
            {SPEEDS.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        {p.hasCursor && (
          <button type="button" className="tl-btn" onClick={p.onNoCursor}>
            No cursor
          </button>
        )}
      </div>
    </div>
  );
}
