'use client';
import { memo } from 'react';
import type { VoyageFeatureProperties } from '@/lib/core/domain/format';
import { formatNm, formatWindow } from '@/lib/core/domain/display';
import { basisLabel, hedgedVesselName } from '@/lib/core/domain/hedges';

export interface AtCursorNote {
  state: 'certain' | 'possible';
  text: string;
}

interface Props {
  voyage: VoyageFeatureProperties;
  selected: boolean;
  atCursor: AtCursorNote | null;
  onSelect: (id: string) => void;
  onHover: (id: string | null) => void;
}

/**
 * One voyage of the list: a button with the vessel, the ports, the windows and how it is known.
 * Memoised: a hover or a selection re-renders the two items it touches, not every row.
 */
export const VoyageListItem = memo(function VoyageListItem({ voyage: v, selected, atCursor, onSelect, onHover }: Props) {
  return (
    <button
      type="button"
      className="voyage-item"
      aria-current={selected ? 'true' : undefined}
      data-voyage-id={v.id}
      onClick={() => onSelect(v.id)}
      onMouseEnter={() => onHover(v.id)}
      onMouseLeave={() => onHover(null)}
      onFocus={() => onHover(v.id)}
      onBlur={() => onHover(null)}
    >
      <span className="voyage-vessel">{hedgedVesselName(v.vessel?.name ?? null, v)}</span>
      <span className="voyage-route">
        {v.origin.name} → {v.destination.name}
      </span>
      <span className="voyage-dates">
        Departed {formatWindow(v.departure)} · arrived {formatWindow(v.arrival)}
      </span>
      {atCursor && (
        <span
          className={`voyage-at-cursor voyage-at-cursor-${atCursor.state}`}
          data-at-cursor={atCursor.state}
          // The band's blue, as on the map; certain in bold, as its route is heavier.
          style={{ fontSize: '0.82rem', color: '#1d4ed8', fontWeight: atCursor.state === 'certain' ? 700 : 500 }}
        >
          {atCursor.text}
        </span>
      )}
      <span className="voyage-meta">
        {/* A leg no source reports says so before its confidence, which reads as more. */}
        {v.basis && v.basis.kind !== 'reported' && <span className="voyage-basis">{basisLabel(v.basis)} · </span>}
        {formatNm(v.metrics.greatCircleNm)} · <span className={`badge badge-${v.confidence}`}>{v.confidence}</span> ·{' '}
        {v.sourceIds.length} {v.sourceIds.length === 1 ? 'source' : 'sources'}
        {v.routeKind === 'inferred' ? ' · route inferred' : ' · route observed'}
      </span>
    </button>
  );
});
