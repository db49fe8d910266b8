'use client';
import { type ReactNode, useEffect, useRef } from 'react';
import { CURSOR_STYLE, type CursorKey, type LegendKey, TRACK_STYLE, cursorLabel, legendKeys } from '@/lib/core/domain/legend';
import { ANNOTATION_COLORS, BORDER_DASH, COLORS, INFERRED_DASH } from '@/lib/core/domain/map-style';
import { useCursorSummary } from './map/cursorStates';
import { useTracksDrawn } from './map/tracks/drawn';
import { SIGHTING_COLOR, SIGHTING_DRAFT_DASH } from './map/sighting-style';
import type { MapLegend } from './shell/useMapLegend';

const dash = INFERRED_DASH.split(' ').join(',');

/** The symbol and words of each legend entry, drawn like the map layers draw them. */
const ENTRIES: Record<Exclude<LegendKey, CursorKey>, ReactNode> = {
  'route-inferred': (
    <>
      <svg width="34" height="10" aria-hidden="true">
        <line x1="1" y1="5" x2="33" y2="5" stroke={COLORS.route} strokeWidth="2.5" strokeDasharray={dash} />
      </svg>
      Route inferred, not observed
    </>
  ),
  'route-observed': (
    <>
      <svg width="34" height="10" aria-hidden="true">
        <line x1="1" y1="5" x2="33" y2="5" stroke={COLORS.route} strokeWidth="2.5" />
      </svg>
      Route observed (AIS track)
    </>
  ),
  'track-gap': (
    <>
      <svg width="34" height="10" aria-hidden="true">
        <line x1="3" y1="5" x2="31" y2="5" stroke={COLORS.route} strokeWidth={TRACK_STYLE.gapWeight} strokeDasharray={TRACK_STYLE.gapDash.split(' ').join(',')} strokeLinecap="round" />
      </svg>
      AIS gap (dotted, with its duration)
    </>
  ),
  selected: (
    <>
      <svg width="34" height="10" aria-hidden="true">
        <line x1="1" y1="5" x2="33" y2="5" stroke={COLORS.routeSelected} strokeWidth="5" strokeDasharray={dash} />
      </svg>
      Selected voyage
    </>
  ),
  'hedged-name': (
    <>
      <span className="legend-hedge" style={{ color: COLORS.routeSelected }} aria-hidden="true">
        (…)
      </span>
      (believed), (matching): the sources hedge the ship’s name
    </>
  ),
  'team-inferred': (
    <>
      <span className="legend-hedge" style={{ color: COLORS.routeSelected }} aria-hidden="true">
        (…)
      </span>
      (inferred by team): a leg the team joined from two sightings; no source reports it
    </>
  ),
  direction: (
    <>
      <svg width="34" height="12" aria-hidden="true">
        <polygon points="23,6 12,1 12,11" fill={COLORS.route} />
      </svg>
      Direction of travel
    </>
  ),
  port: (
    <>
      <svg width="34" height="14" aria-hidden="true">
        <circle cx="17" cy="7" r="5" fill={COLORS.port} stroke="#fff" strokeWidth="1.5" />
      </svg>
      Port (World Port Index position)
    </>
  ),
  'port-approximate': (
    <>
      <svg width="34" height="14" aria-hidden="true">
        <circle cx="17" cy="7" r="5" fill="#fff" stroke={COLORS.port} strokeWidth="2" strokeDasharray="3,3" />
      </svg>
      Port, position approximate
    </>
  ),
  'dark-port-call': (
    <>
      <svg width="34" height="22" aria-hidden="true">
        <circle cx="17" cy="11" r="9" fill="none" stroke={TRACK_STYLE.haloColor} strokeWidth={TRACK_STYLE.haloWeight} strokeDasharray={TRACK_STYLE.haloDash.split(' ').join(',')} />
        <circle cx="17" cy="11" r="4" fill={COLORS.port} stroke="#fff" strokeWidth="1.5" />
      </svg>
      Possible dark port call
    </>
  ),
  geofence: (
    <>
      <svg width="34" height="18" aria-hidden="true">
        <circle cx="17" cy="9" r="8" fill={COLORS.geofence} fillOpacity="0.06" stroke={COLORS.geofence} strokeOpacity="0.5" strokeDasharray="2,4" />
      </svg>
      Port geofence (radius in nm)
    </>
  ),
  pin: (
    <>
      <svg width="34" height="16" aria-hidden="true">
        {Object.values(ANNOTATION_COLORS).map((c, i) => (
          <circle key={c} cx={6 + i * 7.5} cy="8" r="4" fill={c} stroke="#fff" strokeWidth="1.5" />
        ))}
      </svg>
      Team annotation pin
    </>
  ),
  sighting: (
    <>
      <svg width="34" height="14" aria-hidden="true">
        <circle cx="17" cy="7" r="4.5" fill={SIGHTING_COLOR} stroke="#fff" strokeWidth="1.5" />
      </svg>
      Sighting
    </>
  ),
  'sighting-draft': (
    <>
      <svg width="34" height="14" aria-hidden="true">
        <circle cx="17" cy="7" r="4.5" fill="#fff" stroke={SIGHTING_COLOR} strokeWidth="2" strokeDasharray={SIGHTING_DRAFT_DASH.split(' ').join(',')} />
      </svg>
      Sighting, draft (hollow, dashed)
    </>
  ),
  land: (
    <>
      <svg width="34" height="14" aria-hidden="true">
        <rect x="2" y="2" width="30" height="10" fill={COLORS.land} stroke={COLORS.landStroke} />
      </svg>
      Land
    </>
  ),
  border: (
    <>
      <svg width="34" height="10" aria-hidden="true">
        <line x1="1" y1="5" x2="33" y2="5" stroke={COLORS.border} strokeWidth="1.5" strokeDasharray={BORDER_DASH.split(' ').join(',')} />
      </svg>
      Country border
    </>
  ),
};

/** The time cursor's symbols (CursorLayer, VoyagesLayer), with the cursor's day in the words. */
const CURSOR_SYMBOLS: Record<CursorKey, ReactNode> = {
  'cursor-certain': <line x1="1" y1="7" x2="33" y2="7" stroke={COLORS.route} strokeWidth={CURSOR_STYLE.certainWeight} strokeDasharray={dash} />,
  'cursor-possible': <line x1="1" y1="7" x2="33" y2="7" stroke={COLORS.route} strokeWidth={CURSOR_STYLE.possibleWeight} strokeDasharray={dash} />,
  'cursor-faded': (
    <line x1="1" y1="7" x2="33" y2="7" stroke={COLORS.route} strokeWidth="2.5" strokeDasharray={dash} strokeOpacity={CURSOR_STYLE.fadedOpacity} />
  ),
  'cursor-stretch': (
    <>
      <line x1="1" y1="7" x2="33" y2="7" stroke={COLORS.route} strokeWidth={CURSOR_STYLE.possibleWeight} strokeDasharray={dash} />
      <line x1="8" y1="7" x2="26" y2="7" stroke={CURSOR_STYLE.stretchColor} strokeOpacity={CURSOR_STYLE.stretchOpacity} strokeWidth="12" strokeLinecap="round" />
    </>
  ),
};

const isCursorKey = (key: LegendKey): key is CursorKey => key.startsWith('cursor-');

/**
 * Explains the symbols the map draws now (lib/core/domain/legend.ts decides which), with the same
 * colours and dashes as the map layers.
 * Open by default on wide screens, folded on phones where it would cover the map.
 */
export default function Legend({ keys: legend }: { keys: MapLegend }) {
  const ref = useRef<HTMLDetailsElement>(null);
  // The time cursor's entries: this re-renders when the cursor's day or counts change, alone.
  const cursor = useCursorSummary(legend.times);
  // The tracks layer publishes what it draws (components/map/tracks/drawn.ts).
  const tracks = useTracksDrawn();
  const keys = legendKeys({ ...legend.input, cursor, tracks });
  useEffect(() => {
    if (ref.current && window.matchMedia('(max-width: 760px)').matches) ref.current.open = false;
  }, []);
  return (
    <details ref={ref} className="legend" aria-label="Map legend" open>
      <summary className="legend-title">Legend</summary>
      <ul>
        {keys.map((key) => (
          <li key={key} data-legend={key}>
            {isCursorKey(key) ? (
              <>
                <svg width="34" height="14" aria-hidden="true">
                  {CURSOR_SYMBOLS[key]}
                </svg>
                {cursorLabel(key, cursor?.day)}
              </>
            ) : (
              ENTRIES[key]
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}
