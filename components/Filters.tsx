'use client';
import { useVoyageFacets } from '@/lib/client/api/facets';
import { type FacetEntry, facetOptions } from '@/lib/core/domain/facets';
import { type Confidence, type Port, type Vessel, confidence } from '@/lib/core/domain/schemas';
import type { VoyageFilterKey } from '@/lib/core/domain/query';
import { type ViewState, hasFilters } from '@/lib/core/domain/view-state';
import DateField from './DateField';
import { useDateRange } from './useDateRange';

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

/**
 * Filters for the voyage list and the map. Every change lands in the URL. The vessel and port
 * selects offer only entries with voyages under the other filters, with their counts (from
 * /api/voyages/facets); dates apply only when whole and in order (DateField).
 */
export default function Filters({ state, vessels, ports, onChange, onClear }: Props) {
  const set = (key: VoyageFilterKey, value: string) => {
    onChange({ [key]: value || undefined });
  };
  const facets = useVoyageFacets(state).data;
  const dates = useDateRange({ from: state.from, to: state.to }, onChange);
  const active = hasFilters(state);
  return (
    <form className="filters" aria-label="Filter voyages" onSubmit={(e) => e.preventDefault()}>
      <RecordSelect label="Vessel" all="All vessels" value={state.vessel} records={vessels} facet={facets?.vessels} onChange={(v) => set('vessel', v)} />
      <RecordSelect label="Port" all="All ports" value={state.port} records={ports} facet={facets?.ports} onChange={(v) => set('port', v)} />
      {(['from', 'to'] as const).map((end) => (
        <DateField
          key={end}
          label={end === 'from' ? 'From' : 'To'}
          text={dates.text(end)}
          error={dates.error(end)}
          onType={(t) => dates.type(end, t)}
          onCommit={() => dates.commit(end)}
        />
      ))}
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
        onClick={() => {
          // Clearing the filters also empties a date box holding unapplied text.
          dates.reset();
          onClear();
        }}
      >
        Clear filters
      </button>
    </form>
  );
}

/**
 * A choice among records by id, with "all" first: the records with voyages and their counts once
 * the facets are in (every record, without counts, until then or if they fail).
 */
function RecordSelect(props: {
  label: string;
  all: string;
  value: string | undefined;
  records: readonly { id: string; name: string }[];
  facet: readonly FacetEntry[] | undefined;
  onChange: (id: string) => void;
}) {
  const { label, all, value, records, facet, onChange } = props;
  // An id from a link that is not (or not yet) in the list still shows, rather than "all".
  const unknown = value && !records.some((r) => r.id === value) ? value : null;
  const options = facet
    ? facetOptions(facet, value, records)
    : [
        ...(unknown ? [{ id: unknown, label: records.length ? `Unknown: ${unknown}` : unknown }] : []),
        ...records.map((r) => ({ id: r.id, label: r.name })),
      ];
  return (
    <label>
      {label}
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
