'use client';
import type { PathOptions } from 'leaflet';
import { GeoJSON } from 'react-leaflet';
import { useBasemap } from '@/lib/api';
import { COLORS } from './style';

const ATTRIBUTION =
  '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap contributors</a> (ODbL), Natural Earth';

const worldStyle: PathOptions = { color: COLORS.landStroke, weight: 0.5, fillColor: COLORS.worldLand, fillOpacity: 1 };
const regionStyle: PathOptions = { color: COLORS.landStroke, weight: 0.8, fillColor: COLORS.land, fillOpacity: 1 };

/** The offline basemap: small-scale world land under the detailed regional land polygons. */
export default function LandLayer() {
  const world = useBasemap('world');
  const land = useBasemap('land');
  return (
    <>
      {world.data && <GeoJSON key="world" data={world.data} style={worldStyle} interactive={false} />}
      {land.data && (
        <GeoJSON key="land" data={land.data} style={regionStyle} interactive={false} attribution={ATTRIBUTION} />
      )}
    </>
  );
}
