'use client';
import { memo } from 'react';
import TimelineBody from './TimelineBody';
import type { TimelinePanelProps } from './types';
import './timeline.css';


/**
 * The timeline under the map: one row per vessel, each voyage a bar over its possible span, a
 * weekly histogram, a brush for the date filter, and the time cursor with playback. Collapsed, it
 * fetches and draws nothing.
 */
function TimelinePanel(props: TimelinePanelProps) {
  const open = !props.state.timelineClosed;
  return (
    <section className={`timeline${open ? '' : ' timeline-closed'}`} aria-labelledby="timeline-toggle">
      <h2 className="timeline-heading">
        <button
          id="timeline-toggle"
          type="button"
          className="timeline-toggle"
          aria-expanded={open}
          aria-controls="timeline-body"
          onClick={() => props.onClosedChange(open)}
        >
          <span aria-hidden="true" className="timeline-caret">
            {open ? '▾' : '▸'}
          </span>
          Timeline
        </button>
      </h2>
      {open && <TimelineBody {...props} />}
    </section>
  );
}

// Memoised: playback writes the URL a few times a second, and the dashboard's re-render must not reach the timeline.
export default memo(TimelinePanel);
