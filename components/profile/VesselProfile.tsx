'use client';
import { usePorts, useSources, useVessels } from '@/lib/client/api';
import { useRecordSightings, useRecordVoyages } from '@/lib/client/api/profiles';
import { formatWindow } from '@/lib/core/domain/display';
import type { IdentityEntry, Source, Vessel } from '@/lib/core/domain/schemas';
import AnnotationThread from '../annotations/AnnotationThread';
import Linkified from '../Linkified';
import { SourceItem } from '../voyage/EvidenceItems';
import ProfileLink from './ProfileLink';
import { ProfileHead, ProfileSightings, ProfileState, ProfileVoyages, timelineSightings, timelineVoyages } from './ProfileParts';
import Timeline from './Timeline';
import TrackEvents from './TrackEvents';

const FIELD: Record<IdentityEntry['field'], string> = {
  name: 'Name',
  flag: 'Flag',
  imo: 'IMO',
  mmsi: 'MMSI',
  callSign: 'Call sign',
  owner: 'Owner / operator',
};
const EVIDENCE: Record<IdentityEntry['evidence'], string> = {
  source_stated: 'stated by a source',
  third_party_unverified: 'third-party listing, unverified',
  registry_checked: 'checked against a registry',
};

/** When an identity held, as the sources date it (never guessed). */
function when(e: IdentityEntry): string {
  const { from, to } = e.window;
  const state = e.current === true ? 'current' : e.current === false ? 'former' : null;
  if (!from && !to) return state ? `${state}, undated` : 'undated';
  return `${from ? formatWindow(from) : '?'} – ${to ? formatWindow(to) : e.current ? 'now' : '?'}`;
}

function Identity({ vessel, publisher }: { vessel: Vessel; publisher: (id: string) => string }) {
  const fields = [...new Set(vessel.identityHistory.map((e) => e.field))];
  return (
    <>
      <h3 id="vessel-identity">Identity history</h3>
      {fields.length === 0 ? (
        <p className="state">No identity history recorded.</p>
      ) : (
        <dl className="identity">
          {fields.map((f) => (
            <div key={f} className="identity-field">
              <dt>{FIELD[f]}</dt>
              {vessel.identityHistory
                .filter((e) => e.field === f)
                .map((e, n) => (
                  <dd key={`${e.value}-${n}`} className={e.evidence === 'third_party_unverified' ? 'unverified' : undefined}>
                    <strong>{e.value}</strong> <span className="identity-when">({when(e)})</span> · {EVIDENCE[e.evidence]}
                    <span className="source-meta"> · {[...new Set(e.sourceIds.map(publisher))].join(', ')}</span>
                    {e.notes && <div className="source-notes">{e.notes}</div>}
                  </dd>
                ))}
            </div>
          ))}
        </dl>
      )}
    </>
  );
}

function Sanctions({ vessel, publisher }: { vessel: Vessel; publisher: (id: string) => string }) {
  return (
    <>
      <h3 id="vessel-sanctions">Sanctions ({vessel.sanctions.length})</h3>
      {vessel.sanctions.length === 0 ? (
        <p className="state">No sanction recorded by the sources.</p>
      ) : (
        <ul className="sightings" aria-labelledby="vessel-sanctions">
          {vessel.sanctions.map((s, n) => (
            <li key={`${s.authority}-${n}`}>
              <strong>{s.authority}</strong>
              {s.listedOn ? `, listed ${formatWindow(s.listedOn)}` : ', date not given'}
              {s.reference && ` · ${s.reference}`}
              {s.asReported && <span className="as-reported"> (“{s.asReported}”)</span>}
              <span className="source-meta"> · {[...new Set(s.sourceIds.map(publisher))].join(', ')}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/**
 * A vessel's profile: who it is (identity history with windows and evidence, owner, sanctions),
 * where it went (its voyages on a timeline and in a list, each selecting the voyage on the map),
 * where it was seen, on whose word, and the team's thread.
 */
export default function VesselProfile({ id, onClose }: { id: string; onClose: () => void }) {
  const vessels = useVessels();
  const sources = useSources();
  const ports = usePorts();
  const voyages = useRecordVoyages({ vessel: id });
  const sightings = useRecordSightings({ vessel: id });
  const vessel = vessels.data?.vessels.find((v) => v.id === id);
  if (!vessel) {
    return <ProfileState label="Vessel profile" error={vessels.error} notFound={Boolean(vessels.data)} what="vessel" onClose={onClose} />;
  }
  const byId = new Map<string, Source>((sources.data?.sources ?? []).map((s) => [s.id, s]));
  const publisher = (sid: string) => byId.get(sid)?.publisher ?? sid;
  const portName = new Map((ports.data?.ports ?? []).map((p) => [p.id, p.name]));
  const legs = voyages.data?.voyages;
  const seen = sightings.data?.observations;
  const own = vessel.sourceIds.map((sid) => byId.get(sid)).filter((s) => s !== undefined);
  const where = (portId: string | null, place: string | null) => (portId ? portName.get(portId) ?? portId : place ?? 'place not given');
  return (
    <section className="detail profile" aria-labelledby="profile-heading">
      <ProfileHead id="profile-heading" kind="Vessel" title={vessel.name} onClose={onClose} />
      <nav className="jump-links" aria-label="Sections of this vessel">
        <a href="#vessel-identity">Identity</a> · <a href="#vessel-sanctions">Sanctions</a> · <a href="#vessel-voyages">Voyages</a> ·{' '}
        <a href="#vessel-sightings">Sightings</a> · <a href="#vessel-sources">Sources</a> · <a href={`#thread-vessel-${vessel.id}`}>Team notes</a>
      </nav>
      <dl className="metrics">
        <dt>Flag</dt>
        <dd>{vessel.flag ?? 'not given'}</dd>
        <dt>IMO</dt>
        <dd>{vessel.imo ? `${vessel.imo}${vessel.imoVerification === 'unverified' ? ' (unverified)' : ''}` : 'not given'}</dd>
        <dt>MMSI</dt>
        <dd>{vessel.mmsi ? `${vessel.mmsi}${vessel.mmsiVerification === 'unverified' ? ' (unverified)' : ''}` : 'not given (see the identity history)'}</dd>
        {vessel.type && (
          <>
            <dt>Type</dt>
            <dd>{vessel.type}</dd>
          </>
        )}
        <dt>Owner / operator</dt>
        <dd>{vessel.owner ?? 'not given'}</dd>
        {vessel.formerNames.length > 0 && (
          <>
            <dt>Former names</dt>
            <dd>{vessel.formerNames.join(', ')}</dd>
          </>
        )}
      </dl>
      <Identity vessel={vessel} publisher={publisher} />
      <Sanctions vessel={vessel} publisher={publisher} />
      {(legs?.length || seen?.length) ? (
        <Timeline
          title={`${vessel.name}’s voyages and sightings`}
          voyages={timelineVoyages(legs ?? [])}
          sightings={timelineSightings(seen ?? [], (o) => `${vessel.name} at ${where(o.portId, o.placeName)}`)}
        />
      ) : null}
      <ProfileVoyages
        id="vessel-voyages"
        voyages={legs}
        total={voyages.data?.total ?? 0}
        error={voyages.error}
        row={(v) => `${v.origin.name} → ${v.destination.name}`}
      />
      <ProfileSightings
        id="vessel-sightings"
        sightings={seen}
        error={sightings.error}
        sources={byId}
        context={(o) => (o.portId ? <ProfileLink to={{ kind: 'port', id: o.portId }}>{where(o.portId, null)}</ProfileLink> : where(null, o.placeName))}
        empty="No dated sighting of this vessel on record."
      />
      <TrackEvents vesselId={vessel.id} />
      {vessel.notes && (
        <p className="notes">
          <Linkified text={vessel.notes} />
        </p>
      )}
      <h3 id="vessel-sources">Sources ({own.length})</h3>
      <ol className="sources">
        {own.map((s) => (
          <SourceItem key={s.id} source={s} />
        ))}
      </ol>
      <AnnotationThread target={{ type: 'vessel', id: vessel.id }} />
    </section>
  );
}
