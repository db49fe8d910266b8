import type { VoyageFeatures } from '@/lib/client/api';
import { formatWindow } from '@/lib/core/domain/display';
import { hedgedVesselName } from '@/lib/core/domain/hedges';

/** The first thing a keyboard reaches: past the header, to the panel or to the map. */
export function SkipLinks() {
  return (
    <nav className="skip-links" aria-label="Skip links">
      <a href="#panel">Skip to filters and voyages</a>
      <a href="#map">Skip to the map</a>
    </nav>
  );
}

/** What the live region says when a voyage is selected, from the map or the list alike. */
export function selectionMessage(voyages: VoyageFeatures | undefined, id: string | undefined): string {
  if (!id) return '';
  const v = voyages?.features.find((f) => f.properties.id === id)?.properties;
  if (!v) return 'Voyage selected.';
  const name = hedgedVesselName(v.vessel?.name ?? null, v);
  return `Selected ${name}, ${v.origin.name} to ${v.destination.name}, departed ${formatWindow(v.departure)}. Its details are open.`;
}
