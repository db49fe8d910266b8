import type { VoyageFeatures } from '@/lib/api';
import type { Port } from '@/lib/domain/schemas';
import type { TileLayerConfig } from '@/lib/domain/tile-layer';

export interface VoyageMapProps {
  voyages: VoyageFeatures | undefined;
  ports: readonly Port[];
  selectedId: string | undefined;
  hoveredId: string | null;
  onSelect: (id: string | undefined) => void;
  onHover: (id: string | null) => void;
  tileLayer: TileLayerConfig | null;
}
