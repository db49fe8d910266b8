'use client';
import type { ReactNode } from 'react';
import type { ApiError } from '@/lib/client/api';
import type { VoyageSummary } from '@/lib/core/domain/dto';
import { formatWindow } from '@/lib/core/domain/display';
import { hedgeWords } from '@/lib/core/domain/hedges';
import type { Observation, Source } from '@/lib/core/domain/schemas';
import type { TimelineSighting, TimelineVoyage } from './Timeline';
import { useProfileNav } from './useProfiles';

/** The head of a profile: its heading (focused when it opens) and its close button. */
export function ProfileHead({ id, kind, title, onClose }: { id: string; kind: string; title: ReactNode; onClose: () => void }) {
  return (
    <div className="detail-head">
      <h2 id={id}>
        <span className="profile-kind">{kind}</span> {title}
      </h2>
      <button type="button" className="close" aria-label={`Close ${kind.toLowerCase()} profile`} onClick={onClose}>
        ×
      </button>
    </div>
  );
}

/** Loading, a record that is not there, or a failed read: the same for every profile. */
export function ProfileState({ label, error, notFound, what, onClose }: { label: string; error: ApiError | undefined; notFound: boolean; what: string; onClose: () => void }) {
  if (!error && !notFound) {
    return (
      <p className="detail state" role="status">
        Loading {what}…
      </p>
    );
  }
  return (
    <section className="detail state state-error" role="alert" aria-label={label}>
      {notFound ? `There is no ${what} with this id.` : `Could not load the ${what}: ${error?.message}`}{' '}
      <button type="button" className="link-button" onClick={onClose}>
        Close
      </button>
    </section>
  );
}

const voyageLabel = (v: VoyageSummary) =>
  `${v.vessel?.name ?? 'Unidentified vessel'}: ${v.origin.name} → ${v.destination.name}, departed ${formatWindow(v.departure)}, arrived ${formatWindow(v.arrival)}`;

export const timelineVoyages = (voyages: VoyageSummary[]): TimelineVoyage[] =>
  voyages.map((v) => ({ id: v.id, label: voyageLabel(v), departure: v.departure, arrival: v.arrival }));

export const timelineSightings = (sightings: Observation[], name: (o: Observation) => string): TimelineSighting[] =>
  sightings.map((o) => ({ id: o.id, label: `${name(o)}: ${o.activity.replace('-', ' ')}, ${formatWindow(o.window)}`, window: o.window }));

/**
 * A profile's voyages: each a button that selects the voyage on the map. `show` chooses what a row
 * names besides the dates (the ports for a vessel; the vessel and the other port for a port).
 */
export function ProfileVoyages({
  id,
  voyages,
  total,
  error,
  row,
  namesHedged = false,
}: {
  id: string;
  voyages: VoyageSummary[] | undefined;
  total: number;
  error: ApiError | undefined;
  row: (v: VoyageSummary) => ReactNode;
  /** The row already names the vessel with its hedges ("Lady R (believed)"): not said twice. */
  namesHedged?: boolean;
}) {
  const nav = useProfileNav();
  return (
    <>
      <h3 id={id}>Voyages ({voyages ? total : '…'})</h3>
      {error && (
        <p className="state state-error" role="alert">
          Could not load the voyages: {error.message}
        </p>
      )}
      {voyages && voyages.length === 0 && <p className="state">No voyage on record.</p>}
      {voyages && voyages.length < total && (
        <p className="state">
          The first {voyages.length} of {total} voyages.
        </p>
      )}
      {voyages && voyages.length > 0 && (
        <ul className="profile-voyages" aria-labelledby={id}>
          {voyages.map((v) => {
            const hedges = namesHedged ? [] : hedgeWords(v);
            return (
              <li key={v.id}>
                <button type="button" className="voyage-item" data-voyage-id={v.id} onClick={() => nav?.selectVoyage(v.id)}>
                  <span className="voyage-route">{row(v)}</span>
                  <span className="voyage-dates">
                    Departed {formatWindow(v.departure)} · arrived {formatWindow(v.arrival)}
                  </span>
                  <span className="voyage-meta">
                    <span className={`badge badge-${v.confidence}`}>{v.confidence}</span>
                    {hedges.length > 0 && ` · ${hedges.join(', ')}`} · show on the map
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

/** A profile's sightings: when, what, where (or who), in which words, and on whose word. */
export function ProfileSightings({
  id,
  sightings,
  error,
  sources,
  context,
  empty,
}: {
  id: string;
  sightings: Observation[] | undefined;
  error: ApiError | undefined;
  sources: ReadonlyMap<string, Source>;
  /** What the row names besides the date: the port for a vessel's sightings, the vessel for a port's. */
  context: (o: Observation) => ReactNode;
  empty: string;
}) {
  const publisher = (sid: string) => sources.get(sid)?.publisher ?? sid;
  return (
    <>
      <h3 id={id}>Sightings ({sightings ? sightings.length : '…'})</h3>
      {error && (
        <p className="state state-error" role="alert">
          Could not load the sightings: {error.message}
        </p>
      )}
      {sightings && sightings.length === 0 && <p className="state">{empty}</p>}
      {sightings && sightings.length > 0 && (
        <ul className="sightings" aria-labelledby={id}>
          {sightings.map((o) => {
            const hedges = hedgeWords(o);
            return (
              <li key={o.id}>
                <strong>{formatWindow(o.window)}</strong>: {context(o)}, {o.activity.replace('-', ' ')}
                {hedges.length > 0 && <span className="as-reported"> ({hedges.join(', ')})</span>}
                <span className="source-meta"> · {[...new Set(o.sourceIds.map(publisher))].join(', ')}</span>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
