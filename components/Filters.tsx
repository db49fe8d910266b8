'use client';
import { type Confidence, type Port, type Vessel, confidence } from '@/lib/core/domain/schemas';
import type { VoyageFilterKey } from '@/lib/core/domain/query';
import { type ViewState, hasFilters } from '@/lib/core/domain/view-state';

/** A label for every confidence value: a value added to the enum fails the typecheck here until labelled. */
const CONFIDENCE_LABEL: Record<Confidence, string> = {
  reported: 'Reported (one source)',
  corroborated: 'Corroborated (two or more)',
  disputed: 'Disputed',
};

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
  const set = (key: VoyageFilterKey, value: string) => {
    onChange({ [key]: value || undefined });
  };
  const active = hasFilters(state);
  return (
    <form className="filters" aria-label="Filter voyages" onSubmit={(e) => e.preventDefault()}>
      <RecordSelect label="Vessel" all="All vessels" value={state.vessel} records={vessels} onChange={(v) => set('vessel', v)} />
      <RecordSelect label="Port" all="All ports" value={state.port} records={ports} onChange={(v) => set('port', v)} />
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
          {confidence.options.map((c) => (
            <option key={c} value={c}>
              {CONFIDENCE_LABEL[c]}
            </option>
          ))}
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

/** A choice among records by id, with "all" first. */
function RecordSelect(props: {
  label: string;
  all: string;
  value: string | undefined;
  records: readonly { id: string; name: string }[];
  onChange: (id: string) => void;
}) {
  const { label, all, value, records, onChange } = props;
  // An id from a link that is not (or not yet) in the list still shows, rather than "all".
  const unknown = value && !records.some((r) => r.id === value) ? value : null;
  return (
    <label>
      {label}
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
        <option value="">{all}</option>
        {unknown && <option value={unknown}>{records.length ? `Unknown: ${unknown}` : unknown}</option>}
        {records.map((r) => (
          <option key={r.id} value={r.id}>
            {r.name}
          </option>
        ))}
      </select>
    </label>
  );
}
