'use client';
import type { VoyageFeatures } from '@/lib/client/api';
import { formatDay, formatNm, formatWindow } from '@/lib/core/domain/display';
import { basisLabel, hedgedVesselName } from '@/lib/core/domain/hedges';
import { MAX_PAGE } from '@/lib/core/domain/query';
import { type VoyageSort, sortVoyages } from '@/lib/core/domain/voyage-sort';
import { possibleProgressOnDay } from '@/lib/core/time/possibleProgress';
import { useRestingDay, useVoyageTimes } from './map/cursorStates';
import VoyageSortSelect from './VoyageSort';

interface Props {
  voyages: VoyageFeatures | undefined;
  error: Error | undefined;
  loading: boolean;
  filtered: boolean;
  selectedId: string | undefined;
  hoveredId: string | null;
  onSelect: (id: string) => void;
  onHover: (id: string | null) => void;
  onClearFilters: () => void;
  onRetry: () => void;
  /** The list's order (undefined: departure, earliest first) and its change. */
  sort?: VoyageSort;
  onSortChange?: (sort: VoyageSort | undefined) => void;
}

/** The voyages as an accessible list, one item per leg. */
export default function VoyageList(props: Props) {
  const { voyages, error, loading, filtered, selectedId, hoveredId, onSelect, onHover } = props;
  // At the time cursor's day (at rest: not at every day played), which voyages were under way.
  const times = useVoyageTimes(voyages);
  const day = useRestingDay();
  const underWay = (id: string) => {
    const t = day ? times.get(id) : undefined;
    if (!t || !day) return null;
    const { state } = possibleProgressOnDay(t, day);
    if (state !== 'certain' && state !== 'possible') return null;
    return { state, text: `${state === 'certain' ? 'Certainly' : 'Possibly'} under way on ${formatDay(day)}` };
  };
  const errorBox = error && (
    <div className="state state-error" role="alert">
      Could not load voyages: {error.message}{' '}
      <button type="button" className="link-button" onClick={props.onRetry}>
        Try again
      </button>
      {voyages && ' The list below is from before this error.'}
    </div>
  );
  if (error && !voyages) return errorBox;
  if (!voyages) {
    return (
      <p className="state" role="status">
        Loading voyages…
      </p>
    );
  }
  const items = sortVoyages(
    voyages.features.map((f) => f.properties),
    props.sort,
  );
  return (
    <section aria-labelledby="voyage-list-heading" className="voyage-list" aria-busy={loading}>
      <h2 id="voyage-list-heading">
        Voyages{' '}
        <span className="count" aria-live="polite">
          ({items.length})
        </span>
      </h2>
      {props.onSortChange && items.length > 1 && <VoyageSortSelect sort={props.sort} onChange={props.onSortChange} />}
      {errorBox}
      {items.length >= MAX_PAGE && (
        <p className="state" role="status">
          Showing the first {MAX_PAGE.toLocaleString('en-GB')} voyages. Narrow the filters to see the rest.
        </p>
      )}
      {items.length === 0 ? (
        <p className="state" role="status">
          {filtered ? 'No voyage matches these filters. ' : 'No voyages in the database yet.'}
          {filtered && (
            <button type="button" className="link-button" onClick={props.onClearFilters}>
              Clear filters
            </button>
          )}
        </p>
      ) : (
        <ul aria-label="Voyages">
          {items.map((v) => {
            const selected = v.id === selectedId;
            const atCursor = underWay(v.id);
            return (
              <li key={v.id} className={hoveredId === v.id ? 'hovered' : undefined}>
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
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
