'use client';
import type { VoyageFeatures } from '@/lib/client/api';
import { useCallback, useMemo } from 'react';
import { formatDay } from '@/lib/core/domain/display';
import { type VoyageSort, sortVoyages } from '@/lib/core/domain/voyage-sort';
import { possibleProgressOnDay } from '@/lib/core/time/possibleProgress';
import { useRestingDay, useVoyageTimes } from './map/cursorStates';
import type { AtCursorNote } from './VoyageListItem';
import VoyageRows from './VoyageRows';
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
  const underWay = useCallback(
    (id: string): AtCursorNote | null => {
      const t = day ? times.get(id) : undefined;
      if (!t || !day) return null;
      const { state } = possibleProgressOnDay(t, day);
      if (state !== 'certain' && state !== 'possible') return null;
      return { state, text: `${state === 'certain' ? 'Certainly' : 'Possibly'} under way on ${formatDay(day)}` };
    },
    [day, times],
  );
  // Sorted once per answer and order, not at every hover.
  const { sort } = props;
  const items = useMemo(() => (voyages ? sortVoyages(voyages.features.map((f) => f.properties), sort) : []), [voyages, sort]);
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
        <VoyageRows items={items} selectedId={selectedId} hoveredId={hoveredId} onSelect={onSelect} onHover={onHover} underWay={underWay} />
      )}
    </section>
  );
}
