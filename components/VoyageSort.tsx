'use client';
import { SORT_OPTIONS, type VoyageSort, parseSort, sortLabel, sortToParam } from '@/lib/core/domain/voyage-sort';

interface Props {
  sort: VoyageSort | undefined;
  onChange: (sort: VoyageSort | undefined) => void;
}

/**
 * The list's order: one labelled select (field and direction together), kept in the URL (`sort=`).
 * The new order is announced. A date window sorts by its earliest possible day, then its latest
 * (lib/core/domain/voyage-sort.ts), as the hint under the select says.
 */
export default function VoyageSortSelect({ sort, onChange }: Props) {
  return (
    <div className="voyage-sort">
      <label>
        Sort by
        <select
          value={sortToParam(sort) ?? ''}
          aria-describedby="voyage-sort-hint"
          onChange={(e) => onChange(parseSort(e.target.value))}
        >
          {SORT_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <span id="voyage-sort-hint" className="voyage-sort-hint">
        Dates are windows: sorted by the earliest possible day, then the latest.
      </span>
      <span className="visually-hidden" role="status" aria-live="polite">
        {sort ? `Voyages sorted by ${sortLabel(sort).toLowerCase()}.` : ''}
      </span>
    </div>
  );
}
