'use client';
import type { PathOptions, PolylineOptions } from 'leaflet';
import { useMemo } from 'react';
import { GeoJSON } from 'react-leaflet';
import { useBasemap } from '@/lib/client/api';
import { coastShape, landShape } from '@/lib/core/geo/basemapShapes';
import { BORDER_DASH, COLORS } from '@/lib/core/domain/map-style';

const ATTRIBUTION =
  '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap contributors</a> (ODbL), Natural Earth, <a href="https://www.geonames.org/">GeoNames</a> (CC BY 4.0)';

// Not simplified on screen: Leaflet thins each ring on its own, which would open a hairline along
// the edge where the world and the region's land meet.
const landStyle: PolylineOptions = { stroke: false, fillColor: COLORS.land, fillOpacity: 1, smoothFactor: 0 };
// The coast is stroked apart from the land, without the edges that clipping laid down.
const coastStyle: PathOptions = { color: COLORS.landStroke, weight: 0.8, fill: false };
const borderStyle: PathOptions = { color: COLORS.border, weight: 1.2, dashArray: BORDER_DASH, fill: false, lineCap: 'butt' };

/**
 * The offline basemap: world and regional land drawn as one shape (no seam where they meet), the
 * coast of both, and the land borders between countries. The names are drawn by PlaceLabels.
 */
export default function LandLayer() {
  const world = useBasemap('world');
  const land = useBasemap('land');
  const borders = useBasemap('borders');
  // Both land layers first: drawing the world alone for a moment would flash its coarser coast.
  const ready = Boolean(world.data && land.data);
  const shape = useMemo(() => (ready ? landShape(land.data, world.data) : null), [ready, land.data, world.data]);
  const coast = useMemo(() => (ready ? coastShape(land.data, world.data) : null), [ready, land.data, world.data]);
  return (
    <>
      {shape && <GeoJSON key="land" data={shape} style={landStyle} interactive={false} attribution={ATTRIBUTION} />}
      {coast && <GeoJSON key="coast" data={coast} style={coastStyle} interactive={false} />}
      {borders.data && <GeoJSON key="borders" data={borders.data} style={borderStyle} interactive={false} />}
    </>
  );
}
