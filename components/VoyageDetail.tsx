'use client';
import { usePorts, useSources, useVoyage } from '@/lib/client/api';
import { formatDurationRange, formatKm, formatNm, formatSpeedRange, formatWindow } from '@/lib/core/domain/display';
import { hedgedVesselName } from '@/lib/core/domain/hedges';
import AnnotationThread from './annotations/AnnotationThread';
import Linkified from './Linkified';
import ProfileLink from './profile/ProfileLink';
import TrackEvents from './profile/TrackEvents';
import { ClaimCard, SightingItem, SourceItem } from './voyage/EvidenceItems';
import HowKnown from './voyage/HowKnown';
import VesselRecord from './voyage/VesselRecord';

/** The selected voyage: metrics, sources, sightings and the claims about its route. */
export default function VoyageDetail({ id, onClose }: { id: string; onClose: () => void }) {
  const { data, error, isLoading, mutate } = useVoyage(id);
  const ports = usePorts();
  // Every source, for the outlets a claim was read in (the voyage answer names only who made it).
  const allSources = useSources();
  if (error) {
    return (
      <section className="detail state state-error" role="alert" aria-label="Selected voyage">
        {error.status === 404 ? `There is no voyage “${id}”.` : `Could not load the voyage: ${error.message}`}{' '}
        {error.status !== 404 && (
          <button type="button" className="link-button" onClick={() => void mutate()}>
            Try again
          </button>
        )}
        <button type="button" className="link-button" onClick={onClose}>
          Close
        </button>
      </section>
    );
  }
  if (isLoading || !data) {
    return (
      <p className="detail state" role="status">
        Loading voyage…
      </p>
    );
  }
  const v = data.voyage;
  const m = v.metrics;
  const sourceName = new Map([...(allSources.data?.sources ?? []), ...v.citedSources, ...v.sources].map((s) => [s.id, s]));
  const approximate = (ports.data?.ports ?? []).filter(
    (p) => p.approximate && (p.id === v.origin.id || p.id === v.destination.id),
  );
  return (
    <section className="detail" aria-labelledby="detail-heading">
      <div className="detail-head">
        <h2 id="detail-heading">
          {hedgedVesselName(v.vessel?.name ?? null, v)}: {v.origin.name} → {v.destination.name}
        </h2>
        <button type="button" className="close" aria-label="Close voyage details" onClick={onClose}>
          ×
        </button>
      </div>
      <p className="profile-links">
        Profiles: {v.vessel && <><ProfileLink to={{ kind: 'vessel', id: v.vessel.id }} describe>{v.vessel.name}</ProfileLink> · </>}
        <ProfileLink to={{ kind: 'port', id: v.origin.id }} describe>{v.origin.name}</ProfileLink> ·{' '}
        <ProfileLink to={{ kind: 'port', id: v.destination.id }} describe>{v.destination.name}</ProfileLink>
      </p>
      <nav className="jump-links" aria-label="Sections of this voyage">
        <a href={`#${v.id}-sources`}>Sources</a> · <a href={`#${v.id}-sightings`}>Sightings</a> ·{' '}
        <a href={`#${v.id}-claims`}>Claims</a> · <a href={`#thread-voyage-${v.id}`}>Team notes</a>
      </nav>
      <HowKnown
        identification={v.identification}
        basis={v.basis}
        vesselName={v.vessel?.name ?? null}
        observations={v.observations}
        sources={sourceName}
      />
      <p className="detail-kind">
        <span className={`badge badge-${v.confidence}`}>{v.confidence}</span>{' '}
        {v.routeKind === 'inferred'
          ? 'Route inferred, not observed: drawn along the sea between the two ports, since no track of this passage is on record.'
          : 'Route observed.'}
      </p>
      {m.crossesLand && (
        <p className="state state-error" role="note">
          This route crosses land on the basemap: treat its distance with care.
        </p>
      )}
      <dl className="metrics">
        <dt>Departed</dt>
        <dd>
          {formatWindow(v.departure)}
          {v.departure.asReported && <span className="as-reported"> (“{v.departure.asReported}”)</span>}
        </dd>
        <dt>Arrived</dt>
        <dd>
          {formatWindow(v.arrival)}
          {v.arrival.asReported && <span className="as-reported"> (“{v.arrival.asReported}”)</span>}
        </dd>
        <dt>Great-circle distance</dt>
        <dd data-testid="great-circle">
          {formatNm(m.greatCircleNm)} ({formatKm(m.greatCircleNm)})
        </dd>
        <dt>Route distance</dt>
        <dd data-testid="route-distance">
          {formatNm(m.routeNm)} ({formatKm(m.routeNm)}) {v.routeKind === 'inferred' ? 'along the inferred route' : ''}
        </dd>
        <dt>Passage time</dt>
        <dd>{formatDurationRange(m.minHours, m.maxHours)}</dd>
        <dt>Implied speed</dt>
        <dd>{formatSpeedRange(m.minKnots, m.maxKnots)}</dd>
        {v.cargo && (
          <>
            <dt>Cargo (as reported)</dt>
            <dd>{v.cargo}</dd>
          </>
        )}
      </dl>
      <p className="fine-print">
        Distances are computed on a sphere (turf), within about 0.5% of the WGS84 ellipsoid. Times and speeds
        follow from the date windows, not from a track.
      </p>
      {approximate.map((p) => (
        <p key={p.id} className="fine-print warn-text">
          {p.name}’s position is approximate ({p.approximateReason}), and so are distances to it.
        </p>
      ))}
      {v.notes && (
        <p className="notes">
          <Linkified text={v.notes} />
        </p>
      )}

      <h3 id={`${v.id}-sources`}>Sources ({v.sources.length})</h3>
      <ol className="sources">
        {v.sources.map((s) => (
          <SourceItem key={s.id} source={s} />
        ))}
      </ol>

      <h3 id={`${v.id}-sightings`}>Sightings ({v.observations.length})</h3>
      {v.observations.length === 0 ? (
        <p className="state">No dated sighting of this vessel at either port within these windows.</p>
      ) : (
        <ul className="sightings">
          {v.observations.map((o) => (
            <SightingItem key={o.id} observation={o} vesselName={v.vessel?.name ?? null} sources={sourceName} />
          ))}
        </ul>
      )}

      <h3 id={`${v.id}-claims`}>Claims about this route ({v.claims.length})</h3>
      <p className="fine-print">Each source’s own count, side by side. Counts are never added up.</p>
      {v.claims.length === 0 ? (
        <p className="state">No aggregate claim about this pair of ports.</p>
      ) : (
        <div className="claims">
          {v.claims.map((c) => (
            <ClaimCard key={c.id} claim={c} sources={sourceName} />
          ))}
        </div>
      )}
      {v.portClaims.length > 0 && (
        <details className="port-claims">
          <summary>
            Other claims naming {v.origin.name} or {v.destination.name} ({v.portClaims.length})
          </summary>
          <div className="claims">
            {v.portClaims.map((c) => (
              <ClaimCard key={c.id} claim={c} sources={sourceName} />
            ))}
          </div>
        </details>
      )}

      {/* A leg detected in an AIS track: the port calls, gaps and possible dark calls it came from. */}
      {v.basis?.kind === 'detected_from_ais' && v.vessel && <TrackEvents vesselId={v.vessel.id} />}
      {v.vessel && <VesselRecord vesselId={v.vessel.id} />}

      <AnnotationThread target={{ type: 'voyage', id: v.id }} />
    </section>
  );
}
