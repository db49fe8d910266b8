'use client';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { PathOptions } from 'leaflet';
import { useMemo } from 'react';
import { GeoJSON } from 'react-leaflet';
import { useBasemap } from '@/lib/client/api';
import { coastline } from '@/lib/core/geo/coastline';
import { COLORS } from '@/lib/core/domain/map-style';

const ATTRIBUTION =
  '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap contributors</a> (ODbL), Natural Earth';

// The world layer is cut out around the region: no stroke, so its cut edges never show.
const worldStyle: PathOptions = { stroke: false, fillColor: COLORS.land, fillOpacity: 1 };
const regionStyle: PathOptions = { stroke: false, fillColor: COLORS.land, fillOpacity: 1 };
// The coast is stroked apart from the land, without the edges that clipping the region laid down.
const coastStyle: PathOptions = { color: COLORS.landStroke, weight: 0.8, fill: false };

/** The offline basemap: small-scale world land under the detailed regional land polygons. */
export default function LandLayer() {
  const world = useBasemap('world');
  const land = useBasemap('land');
  const coast = useMemo(() => (land.data ? coastline(land.data as FeatureCollection<Polygon | MultiPolygon>) : null), [land.data]);
  return (
    <>
      {world.data && <GeoJSON key="world" data={world.data} style={worldStyle} interactive={false} />}
      {land.data && (
        <GeoJSON key="land" data={land.data} style={regionStyle} interactive={false} attribution={ATTRIBUTION} />
      )}
      {coast && <GeoJSON key="coast" data={coast} style={coastStyle} interactive={false} />}
    </>
  );
}
