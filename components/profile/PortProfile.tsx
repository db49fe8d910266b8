'use client';
import { usePorts, useSources, useVessels } from '@/lib/client/api';
import { useRecordSightings, useRecordVoyages } from '@/lib/client/api/profiles';
import { hedgedVesselName } from '@/lib/core/domain/hedges';
import type { Port, Source } from '@/lib/core/domain/schemas';
import AnnotationThread from '../annotations/AnnotationThread';
import Linkified from '../Linkified';
import { SourceItem } from '../voyage/EvidenceItems';
import ProfileLink from './ProfileLink';
import { ProfileHead, ProfileSightings, ProfileState, ProfileVoyages, timelineSightings, timelineVoyages } from './ProfileParts';
import Timeline from './Timeline';

const KIND: Record<NonNullable<Port['kind']>, string> = { commercial: 'commercial port', military: 'military port', mixed: 'commercial and military port' };

const degrees = ([lon, lat]: [number, number]) =>
  `${Math.abs(lat).toFixed(4)}° ${lat >= 0 ? 'N' : 'S'}, ${Math.abs(lon).toFixed(4)}° ${lon >= 0 ? 'E' : 'W'}`;

/**
 * A port's profile: where it is and on whose word (the approximate flag and its reason), its
 * geofence, the voyages from and to it with their windows, the sightings there, and the team's thread.
 */
export default function PortProfile({ id, onClose }: { id: string; onClose: () => void }) {
  const ports = usePorts();
  const sources = useSources();
  const vessels = useVessels();
  const voyages = useRecordVoyages({ port: id });
  const sightings = useRecordSightings({ port: id });
  const port = ports.data?.ports.find((p) => p.id === id);
  if (!port) return <ProfileState label="Port profile" error={ports.error} notFound={Boolean(ports.data)} what="port" onClose={onClose} />;
  const byId = new Map<string, Source>((sources.data?.sources ?? []).map((s) => [s.id, s]));
  const vesselName = new Map((vessels.data?.vessels ?? []).map((v) => [v.id, v.name]));
  const legs = voyages.data?.voyages;
  const seen = sightings.data?.observations;
  const own = port.sourceIds.map((sid) => byId.get(sid)).filter((s) => s !== undefined);
  const who = (vesselId: string | null, description: string | null) =>
    vesselId ? vesselName.get(vesselId) ?? vesselId : description ?? 'an unidentified vessel';
  return (
    <section className="detail profile" aria-labelledby="profile-heading">
      <ProfileHead id="profile-heading" kind="Port" title={port.name} onClose={onClose} />
      <nav className="jump-links" aria-label="Sections of this port">
        <a href="#port-voyages">Voyages</a> · <a href="#port-sightings">Sightings</a> · <a href="#port-sources">Sources</a> ·{' '}
        <a href={`#thread-port-${port.id}`}>Team notes</a>
      </nav>
      <dl className="metrics">
        {port.altNames.length > 0 && (
          <>
            <dt>Also called</dt>
            <dd>{port.altNames.join(', ')}</dd>
          </>
        )}
        <dt>Country</dt>
        <dd>{port.country}</dd>
        <dt>UN/LOCODE</dt>
        <dd>{port.unlocode ?? 'none found'}</dd>
        {port.kind && (
          <>
            <dt>Kind</dt>
            <dd>{KIND[port.kind]}</dd>
          </>
        )}
        <dt>Position</dt>
        <dd data-testid="port-position">
          {degrees(port.position)}
          {port.wpiNumber ? ` · World Port Index no. ${port.wpiNumber}` : ''}
        </dd>
        <dt>Geofence</dt>
        <dd>a circle of {port.geofenceRadiusNm} nm around the position (a ship inside it counts as at the port)</dd>
      </dl>
      {port.approximate ? (
        <p className="state warn-text" role="note">
          Position approximate: {port.approximateReason}
        </p>
      ) : (
        <p className="fine-print">Position as the sources below give it, not marked approximate.</p>
      )}
      {port.notes && (
        <p className="notes">
          <Linkified text={port.notes} />
        </p>
      )}
      {(legs?.length || seen?.length) ? (
        <Timeline
          title={`Voyages from and to ${port.name}, and sightings there`}
          voyages={timelineVoyages(legs ?? [])}
          sightings={timelineSightings(seen ?? [], (o) => `${who(o.vesselId, o.vesselDescription)} at ${port.name}`)}
        />
      ) : null}
      <ProfileVoyages
        id="port-voyages"
        voyages={legs}
        total={voyages.data?.total ?? 0}
        error={voyages.error}
        namesHedged
        row={(v) => {
          const name = hedgedVesselName(v.vessel?.name ?? null, v);
          return v.origin.id === port.id ? `${name} to ${v.destination.name}` : `${name} from ${v.origin.name}`;
        }}
      />
      <ProfileSightings
        id="port-sightings"
        sightings={seen}
        error={sightings.error}
        sources={byId}
        context={(o) =>
          o.vesselId ? <ProfileLink to={{ kind: 'vessel', id: o.vesselId }}>{who(o.vesselId, null)}</ProfileLink> : who(null, o.vesselDescription)
        }
        empty={`No dated sighting at ${port.name} on record.`}
      />
      <h3 id="port-sources">Sources ({own.length})</h3>
      <ol className="sources">
        {own.map((s) => (
          <SourceItem key={s.id} source={s} />
        ))}
      </ol>
      <AnnotationThread target={{ type: 'port', id: port.id }} />
    </section>
  );
}
