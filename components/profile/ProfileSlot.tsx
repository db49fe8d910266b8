'use client';
import type { ProfileRef } from '@/lib/core/domain/profile-ref';
import DetailSheet from '../shell/DetailSheet';
import PortProfile from './PortProfile';
import SourceProfile from './SourceProfile';
import VesselProfile from './VesselProfile';

const LABEL = { vessel: 'Vessel profile', port: 'Port profile', source: 'Source profile' } as const;

/** The open profile, in the details slot (the side panel, or a bottom sheet on a phone). */
export default function ProfileSlot({ profile, focusOnOpen, onClose }: { profile: ProfileRef; focusOnOpen: boolean; onClose: () => void }) {
  const Panel = profile.kind === 'vessel' ? VesselProfile : profile.kind === 'port' ? PortProfile : SourceProfile;
  return (
    <DetailSheet key={`${profile.kind}:${profile.id}`} label={LABEL[profile.kind]} focusOnOpen={focusOnOpen} onClose={onClose}>
      <Panel id={profile.id} onClose={onClose} />
    </DetailSheet>
  );
}
