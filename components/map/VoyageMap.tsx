'use client';
import L from 'leaflet';
import { useMemo } from 'react';
import AnnotationPinsLayer, { MapClickPicker } from './AnnotationPinsLayer';
import CursorLayer from './CursorLayer';
import { MapContainer, Pane, TileLayer } from 'react-leaflet';
import FitSelection from './FitSelection';
import FramePort from './FramePort';
import LandLayer from './LandLayer';
import MapTracks from './tracks/MapTracks';
import PlaceLabels from './PlaceLabels';
import PortsLayer from './PortsLayer';
import ScaleBar from './ScaleBar';
import TouchGestures from './TouchGestures';
import SightingsLayer from './SightingsLayer';
import { REGION_BOUNDS, framePadding } from '@/lib/core/domain/map-style';
import { toLatLng, toLatLngBounds } from './latlng';
import type { VoyageMapProps } from './types';
import ViewTracker from './ViewTracker';
import VoyagesLayer from './VoyagesLayer';

/** The map: offline land, optional raster tiles, ports and voyage routes, on one canvas renderer. */
export default function VoyageMap(props: VoyageMapProps) {
  const { voyages, ports, selectedId, hoveredId, onSelect, onHover, tileLayer, initialView, onViewChange, hidden } = props;
  const { pins, onPinClick, onPick, highlightPortId, highlightPortIds, trackFilter } = props;
  const showTiles = Boolean(tileLayer) && !hidden.includes('tiles');
  const renderer = useMemo(() => L.canvas({ tolerance: 6 }), []);
  const maxZoom = tileLayer?.maxZoom ?? 13;
  const selectedVesselId = voyages?.features.find((f) => f.properties.id === selectedId)?.properties.vessel?.id;
  const activePorts = useMemo(
    () => new Set(voyages?.features.flatMap((f) => [f.properties.origin.id, f.properties.destination.id]) ?? []),
    [voyages],
  );
  return (
    <MapContainer
      className="map"
      {...(initialView
        ? { center: toLatLng(initialView.center), zoom: initialView.zoom }
        : { bounds: toLatLngBounds(REGION_BOUNDS), boundsOptions: framePadding(typeof window === 'undefined' ? 1000 : window.innerWidth - 400) })}
      renderer={renderer}
      preferCanvas
      zoomSnap={0.25}
      minZoom={4}
      maxZoom={maxZoom}
      worldCopyJump={false}
      // Window resizes are the container's too: FitSelection's observer handles both, keeping the
      // centre exact. Leaflet's own handler would pan by whole pixels first and lose the fraction.
      trackResize={false}
    >
      {tileLayer && showTiles && (
        <TileLayer url={tileLayer.url} attribution={tileLayer.attribution} maxZoom={tileLayer.maxZoom} crossOrigin="anonymous" />
      )}
      {/* Panes fix the drawing order whatever order the data arrives in: land, routes, ports. */}
      <Pane name="land" style={{ zIndex: 300 }}>
        {!showTiles && <LandLayer />}
      </Pane>
      <Pane name="ports" style={{ zIndex: 450 }}>
        <PortsLayer
          ports={ports}
          active={activePorts}
          highlighted={highlightPortId}
          showGeofences={!hidden.includes('geofences')}
          showLabels={!hidden.includes('labels')}
        />
      </Pane>
      <PlaceLabels ports={ports} active={activePorts} highlighted={highlightPortId} showPortLabels={!hidden.includes('labels')} showPlaces={!showTiles} />
      {/* Observed (AIS) tracks, on their own canvas under the routes (pane 'tracks'). */}
      {!hidden.includes('tracks') && (
        <MapTracks ports={ports} selectedVesselId={selectedVesselId} highlightPortIds={highlightPortIds} finestZoom={maxZoom} filter={trackFilter} />
      )}
      {voyages && (
        <VoyagesLayer
          voyages={voyages}
          selectedId={selectedId}
          hoveredId={hoveredId}
          onSelect={onSelect}
          onHover={onHover}
        />
      )}
      {/* Where each ship could have been at the time cursor: a canvas of its own over the routes'. */}
      {voyages && <CursorLayer voyages={voyages} />}
      <Pane name="sightings" style={{ zIndex: 455 }}>
        <SightingsLayer ports={ports} />
      </Pane>
      <Pane name="annotations" style={{ zIndex: 460 }}>
        {pins && pins.length > 0 && <AnnotationPinsLayer pins={pins} onPinClick={onPinClick} />}
      </Pane>
      {onPick && <MapClickPicker key="picker" onPick={onPick} />}
      <FitSelection voyages={voyages} selectedId={selectedId} />
      <FramePort port={highlightPortId ? ports.find((p) => p.id === highlightPortId) : undefined} />
      <ScaleBar />
      <TouchGestures />
      <ViewTracker onViewChange={onViewChange} />
    </MapContainer>
  );
}
