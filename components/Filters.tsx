'use client';
import type { Port, Vessel } from '@/lib/domain/schemas';
import { type ViewState, hasFilters } from '@/lib/domain/view-state';

interface Props {
  state: ViewState;
  vessels: readonly Vessel[];
  ports: readonly Port[];
  /** A change to some filters, applied to the view as it is in the URL now. */
  onChange: (patch: Partial<ViewState>) => void;
  onClear: () => void;
}

/** Filters for the voyage list and the map. Every change lands in the URL. */
export default function Filters({ state, vessels, ports, onChange, onClear }: Props) {
  const set = (key: 'vessel' | 'port' | 'from' | 'to' | 'confidence', value: string) => {
    onChange({ [key]: value || undefined });
  };
  const active = hasFilters(state);
  // An id from a link that is not (or not yet) in the list still shows, rather than "All".
  const unknownVessel = state.vessel && !vessels.some((v) => v.id === state.vessel) ? state.vessel : null;
  const unknownPort = state.port && !ports.some((p) => p.id === state.port) ? state.port : null;
  return (
    <form className="filters" aria-label="Filter voyages" onSubmit={(e) => e.preventDefault()}>
      <label>
        Vessel
        <select value={state.vessel ?? ''} onChange={(e) => set('vessel', e.target.value)}>
          <option value="">All vessels</option>
          {unknownVessel && <option value={unknownVessel}>{vessels.length ? `Unknown: ${unknownVessel}` : unknownVessel}</option>}
          {vessels.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Port
        <select value={state.port ?? ''} onChange={(e) => set('port', e.target.value)}>
          <option value="">All ports</option>
          {unknownPort && <option value={unknownPort}>{ports.length ? `Unknown: ${unknownPort}` : unknownPort}</option>}
          {ports.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        From
        <input type="date" value={state.from ?? ''} max={state.to} onChange={(e) => set('from', e.target.value)} />
      </label>
      <label>
        To
        <input type="date" value={state.to ?? ''} min={state.from} onChange={(e) => set('to', e.target.value)} />
      </label>
      <label>
        Confidence
        <select value={state.confidence ?? ''} onChange={(e) => set('confidence', e.target.value)}>
          <option value="">Any</option>
          <option value="reported">Reported (one source)</option>
          <option value="corroborated">Corroborated (two or more)</option>
          <option value="disputed">Disputed</option>
        </select>
      </label>
      <button
        type="button"
        className="link-button"
        disabled={!active}
        onClick={onClear}
      >
        Clear filters
      </button>
    </form>
  );
}
