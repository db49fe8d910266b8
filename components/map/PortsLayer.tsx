'use client';
import L, { type PathOptions } from 'leaflet';
import { useMemo } from 'react';
import { Circle, CircleMarker, Popup, Tooltip } from 'react-leaflet';
import type { Port } from '@/lib/core/domain/schemas';
import { COLORS } from '@/lib/core/domain/map-style';
import { toLatLng } from './latlng';

const NM_IN_M = 1852;
const geofenceStyle: PathOptions = { color: COLORS.geofence, weight: 1, opacity: 0.5, dashArray: '2 4', fillOpacity: 0.04 };
const portStyle: PathOptions = { color: '#ffffff', weight: 1.5, fillColor: COLORS.port, fillOpacity: 1 };
const approximateStyle: PathOptions = { color: COLORS.port, weight: 2, dashArray: '3 3', fillColor: '#ffffff', fillOpacity: 1 };

/** Ports: a dot (a hollow dashed ring where the position is approximate), a label, and the geofence. */
interface Props {
  ports: readonly Port[];
  active: ReadonlySet<string>;
  showGeofences: boolean;
  showLabels: boolean;
  /** The port whose profile is open: a larger ring, always labelled. */
  highlighted?: string;
}

export default function PortsLayer({ ports, active, showGeofences, showLabels, highlighted }: Props) {
  // SVG, not canvas: an SVG layer takes clicks only where it draws, so routes below stay clickable.
  const renderer = useMemo(() => L.svg({ pane: 'ports' }), []);
  // One array per port while the ports stay the same: react-leaflet moves a marker whenever its
  // centre prop is a new object.
  const placed = useMemo(() => ports.map((port) => ({ port, center: toLatLng(port.position) })), [ports]);
  return (
    <>
      {showGeofences &&
        placed.map(({ port: p, center }) => (
          <Circle
            key={`fence-${p.id}`}
            center={center}
            radius={p.geofenceRadiusNm * NM_IN_M}
            pathOptions={geofenceStyle}
            renderer={renderer}
            interactive={false}
          />
        ))}
      {placed.map(({ port: p, center }) => {
        const isHighlighted = p.id === highlighted;
        const isActive = isHighlighted || active.has(p.id);
        return (
          <CircleMarker
            key={p.id}
            center={center}
            radius={isHighlighted ? 9 : isActive ? 6 : 4}
            renderer={renderer}
            pathOptions={isHighlighted ? { ...(p.approximate ? approximateStyle : portStyle), color: COLORS.port, weight: 3, fillColor: '#ffffff' } : p.approximate ? approximateStyle : portStyle}
          >
            {/* Shown labels are placed by PlaceLabels, clear of each other; a hidden one shows on hover. */}
            {!(showLabels || isHighlighted) && (
              <Tooltip direction="right" offset={[6, 0]} className={isActive ? 'port-label port-label-active' : 'port-label'}>
                {p.name}
                {p.approximate ? ' (approx.)' : ''}
              </Tooltip>
            )}
            <Popup>
              <PortCard port={p} />
            </Popup>
          </CircleMarker>
        );
      })}
    </>
  );
}

function PortCard({ port: p }: { port: Port }) {
  return (
    <div className="port-card">
      <strong>{p.name}</strong>
      {p.altNames.length > 0 && <div>also {p.altNames.join(', ')}</div>}
      <div>
        {p.country}
        {p.unlocode ? ` · UN/LOCODE ${p.unlocode}` : ''}
        {p.wpiNumber ? ` · WPI ${p.wpiNumber}` : ''}
      </div>
      <div>
        {p.position[1].toFixed(4)}°N {p.position[0].toFixed(4)}°E · geofence {p.geofenceRadiusNm} nm
      </div>
      {p.approximate && <div className="warn">Position approximate: {p.approximateReason}</div>}
    </div>
  );
}
