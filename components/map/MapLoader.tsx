'use client';
/** The one place the Leaflet map is imported: client-only, so Leaflet never runs on the server. */
import dynamic from 'next/dynamic';
import type { VoyageMapProps } from './types';

const VoyageMap = dynamic<VoyageMapProps>(() => import('./VoyageMap'), {
  ssr: false,
  loading: () => (
    <div className="map-placeholder" role="status">
      Loading map…
    </div>
  ),
});

export default VoyageMap;
