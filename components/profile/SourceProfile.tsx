'use client';
import { usePorts, useSources, useVessels } from '@/lib/client/api';
import { useAllVoyages } from '@/lib/client/api/profiles';
import { hedgedVesselName } from '@/lib/core/domain/hedges';
import { SourceItem } from '../voyage/EvidenceItems';
import ProfileLink from './ProfileLink';
import { ProfileHead, ProfileState, ProfileVoyages } from './ProfileParts';

/**
 * A source chosen in the search: what it is (publisher, date, kind, how we read it, notes), and
 * what rests on it: the voyages that cite it (each selects the voyage on the map), and the vessels
 * and ports whose records cite it (each opens its profile).
 */
export default function SourceProfile({ id, onClose }: { id: string; onClose: () => void }) {
  const sources = useSources();
  const vessels = useVessels();
  const ports = usePorts();
  const voyages = useAllVoyages(true);
  const source = sources.data?.sources.find((s) => s.id === id);
  if (!source) return <ProfileState label="Source profile" error={sources.error} notFound={Boolean(sources.data)} what="source" onClose={onClose} />;
  const legs = voyages.data?.voyages.filter((v) => v.sourceIds.includes(id));
  const citing = {
    vessels: (vessels.data?.vessels ?? []).filter((v) => v.sourceIds.includes(id)),
    ports: (ports.data?.ports ?? []).filter((p) => p.sourceIds.includes(id)),
  };
  return (
    <section className="detail profile" aria-labelledby="profile-heading">
      <ProfileHead id="profile-heading" kind="Source" title={source.publisher} onClose={onClose} />
      <ol className="sources">
        <SourceItem source={source} />
      </ol>
      <ProfileVoyages
        id="source-voyages"
        voyages={legs}
        total={legs?.length ?? 0}
        error={voyages.error}
        namesHedged
        row={(v) => `${hedgedVesselName(v.vessel?.name ?? null, v)}: ${v.origin.name} → ${v.destination.name}`}
      />
      <h3 id="source-records">Vessels and ports citing it</h3>
      {citing.vessels.length + citing.ports.length === 0 ? (
        <p className="state">No vessel or port record cites this source.</p>
      ) : (
        <ul className="sightings" aria-labelledby="source-records">
          {citing.vessels.map((v) => (
            <li key={`vessel-${v.id}`}>
              Vessel <ProfileLink to={{ kind: 'vessel', id: v.id }}>{v.name}</ProfileLink>
            </li>
          ))}
          {citing.ports.map((p) => (
            <li key={`port-${p.id}`}>
              Port <ProfileLink to={{ kind: 'port', id: p.id }}>{p.name}</ProfileLink>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
