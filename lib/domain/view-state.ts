/**
 * What the dashboard shows, kept in the URL so a copied link opens the same view.
 * Parsing is forgiving (a bad value is dropped, not an error page); serialising is canonical.
 */
import { type Confidence, confidence, isoDay, slug } from './schemas';

export interface ViewState {
  vessel?: string;
  port?: string;
  from?: string;
  to?: string;
  confidence?: Confidence;
  /** The selected voyage id. */
  voyage?: string;
}

const parsers: { [K in keyof ViewState]-?: (v: string) => ViewState[K] | undefined } = {
  vessel: (v) => (slug.safeParse(v).success ? v : undefined),
  port: (v) => (slug.safeParse(v).success ? v : undefined),
  from: (v) => (isoDay.safeParse(v).success ? v : undefined),
  to: (v) => (isoDay.safeParse(v).success ? v : undefined),
  confidence: (v) => confidence.safeParse(v).data,
  voyage: (v) => (slug.safeParse(v).success ? v : undefined),
};

const order = ['vessel', 'port', 'from', 'to', 'confidence', 'voyage'] as const;

export function parseViewState(params: { get(name: string): string | null }): ViewState {
  const state: ViewState = {};
  for (const key of order) {
    const raw = params.get(key);
    if (raw === null || raw === '') continue;
    const value = parsers[key](raw);
    if (value !== undefined) (state as Record<string, string>)[key] = value;
  }
  return state;
}

export function viewStateToSearch(state: ViewState): string {
  const p = new URLSearchParams();
  for (const key of order) {
    const v = state[key];
    if (v) p.set(key, v);
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** The API filter parameters of a view (everything but the selection). */
export function filtersOf(state: ViewState): Omit<ViewState, 'voyage'> {
  const { voyage: _voyage, ...filters } = state;
  return filters;
}

export function hasFilters(state: ViewState): boolean {
  return Object.keys(filtersOf(state)).length > 0;
}
