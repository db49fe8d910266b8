'use client';
import type { PathOptions } from 'leaflet';
import { GeoJSON } from 'react-leaflet';
import { useBasemap } from '@/lib/api';
import { COLORS } from '@/lib/domain/map-style';

const ATTRIBUTION =
  '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap contributors</a> (ODbL), Natural Earth';

// The world layer is cut out around the region: no stroke, so its cut edges never show.
const worldStyle: PathOptions = { stroke: false, fillColor: COLORS.land, fillOpacity: 1 };
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
