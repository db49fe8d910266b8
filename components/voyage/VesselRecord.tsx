'use client';
import { useVessels } from '@/lib/client/api';
import ProfileLink from '../profile/ProfileLink';

/**
 * The vessel in a voyage's details, in brief: who it is and whether it is sanctioned, with the way
 * to its profile, which holds the identity history, the sanctions' dates and its other voyages.
 */
export default function VesselRecord({ vesselId }: { vesselId: string }) {
  const vessels = useVessels();
  const vessel = vessels.data?.vessels.find((x) => x.id === vesselId);
  if (!vessel) return null;
  const checked = (v: 'verified' | 'unverified' | null) => (v === 'unverified' ? ' (unverified)' : '');
  const ids = [
    vessel.imo && `IMO ${vessel.imo}${checked(vessel.imoVerification)}`,
    vessel.mmsi && `MMSI ${vessel.mmsi}${checked(vessel.mmsiVerification)}`,
    vessel.flag && `flag ${vessel.flag}`,
  ].filter(Boolean);
  const sanctioned = [...new Set(vessel.sanctions.map((s) => s.authority))];
  return (
    <section aria-labelledby="vessel-record-heading">
      <h3 id="vessel-record-heading">The vessel: {vessel.name}</h3>
      <p className="detail-kind">
        {ids.length ? `${ids.join(' · ')}. ` : ''}
        {sanctioned.length ? `Sanctioned by ${sanctioned.join(', ')}. ` : 'No sanction recorded by the sources. '}
        <ProfileLink to={{ kind: 'vessel', id: vessel.id }}>
          Identity history, sanctions and every voyage of the {vessel.name}
        </ProfileLink>
      </p>
    </section>
  );
}
