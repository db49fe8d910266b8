'use client';
import './export.css';
import { type ViewState, viewStateToSearch } from '@/lib/core/domain/view-state';
import { CopyLink } from './CopyLink';

/** The legend is folded away on phones: a printed page shows it open. */
export function openLegendForPrint(): void {
  for (const d of document.querySelectorAll<HTMLDetailsElement>('details.legend')) d.open = true;
}

/** Copy a link to this view (filters, selection, map frame; no export), and print the map. */
export function ShareActions({ state }: { state: ViewState }) {
  const { export: _export, ...view } = state;
  return (
    <div className="share-actions">
      <CopyLink label="Copy link" link={() => `${window.location.origin}${window.location.pathname}${viewStateToSearch(view)}`} />
      <button
        type="button"
        className="button button-secondary"
        onClick={() => {
          openLegendForPrint();
          window.print();
        }}
      >
        Print
      </button>
    </div>
  );
}
