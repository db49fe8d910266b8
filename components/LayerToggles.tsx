'use client';
import { LAYERS, type LayerId } from '@/lib/core/domain/view-state';

const LABELS: Record<LayerId, string> = {
  geofences: 'Port geofences',
  labels: 'Port labels',
  tracks: 'AIS tracks',
  tiles: 'Raster tile layer',
};

/** Which optional map layers are shown. Kept in the URL with the rest of the view. */
export default function LayerToggles({
  hidden,
  hasTileLayer,
  onChange,
}: {
  hidden: readonly LayerId[];
  hasTileLayer: boolean;
  onChange: (layer: LayerId, hidden: boolean) => void;
}) {
  const layers = hasTileLayer ? LAYERS : LAYERS.filter((l) => l !== 'tiles');
  return (
    <fieldset className="layers">
      <legend>Show on the map</legend>
      {layers.map((layer) => (
        <label key={layer}>
          <input type="checkbox" checked={!hidden.includes(layer)} onChange={(e) => onChange(layer, !e.target.checked)} />
          {LABELS[layer]}
        </label>
      ))}
    </fieldset>
  );
}
