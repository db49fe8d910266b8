'use client';
import L from 'leaflet';
import { useMemo } from 'react';
import { MapContainer, TileLayer } from 'react-leaflet';
import FitSelection from './FitSelection';
import LandLayer from './LandLayer';
import PortsLayer from './PortsLayer';
import ScaleBar from './ScaleBar';
import { REGION_BOUNDS } from './style';
import type { VoyageMapProps } from './types';
import VoyagesLayer from './VoyagesLayer';

/** The map: offline land, optional raster tiles, ports and voyage routes, on one canvas renderer. */
export default function VoyageMap({ voyages, ports, selectedId, hoveredId, onSelect, onHover, tileLayer }: VoyageMapProps) {
  const renderer = useMemo(() => L.canvas({ tolerance: 6 }), []);
  const activePorts = useMemo(
    () => new Set(voyages?.features.flatMap((f) => [f.properties.origin.id, f.properties.destination.id]) ?? []),
    [voyages],
  );
  return (
    <MapContainer
      className="map"
      bounds={REGION_BOUNDS}
      renderer={renderer}
      preferCanvas
      zoomSnap={0.25}
      minZoom={4}
      maxZoom={tileLayer?.maxZoom ?? 13}
      worldCopyJump={false}
    >
      {tileLayer && (
        <TileLayer url={tileLayer.url} attribution={tileLayer.attribution} maxZoom={tileLayer.maxZoom} crossOrigin="anonymous" />
      )}
      {!tileLayer && <LandLayer />}
      <PortsLayer ports={ports} active={activePorts} />
      {voyages && (
        <VoyagesLayer
          voyages={voyages}
          selectedId={selectedId}
          hoveredId={hoveredId}
          onSelect={onSelect}
          onHover={onHover}
        />
      )}
      <FitSelection voyages={voyages} selectedId={selectedId} />
      <ScaleBar />
    </MapContainer>
  );
}
