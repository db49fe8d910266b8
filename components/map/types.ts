import type { VoyageFeatures } from '@/lib/client/api';
import type { TrackFilter } from '@/lib/client/api/tracks';
import type { AnnotationKind } from '@/lib/core/domain/annotations';
import type { Port, Position } from '@/lib/core/domain/schemas';
import type { TileLayerConfig } from '@/lib/core/domain/tile-layer';
import type { Bbox, LayerId } from '@/lib/core/domain/view-state';

export interface MapView {
  /** [lon, lat], like every coordinate that leaves the map layer. */
  center: Position;
  zoom: number;
  bounds: Bbox;
}

export interface VoyageMapProps {
  voyages: VoyageFeatures | undefined;
  ports: readonly Port[];
  selectedId: string | undefined;
  hoveredId: string | null;
  onSelect: (id: string | undefined) => void;
  onHover: (id: string | null) => void;
  tileLayer: TileLayerConfig | null;
  /** Where the map opens; undefined: the whole region. Read once, at mount. */
  initialView: Pick<MapView, 'center' | 'zoom'> | undefined;
  onViewChange: (view: MapView) => void;
  hidden: readonly LayerId[];
  /** A port whose profile is open: drawn larger, labelled, and brought into view. */
  highlightPortId?: string;
  /**
   * Ports ringed as possible dark port calls (a vessel's panel or profile sets them). Unset: those
   * of the selected voyage's vessel. The tracks themselves are fetched by the map (MapTracks).
   */
  highlightPortIds?: readonly string[];
  /** The dashboard's vessel and days, which the imported tracks follow. */
  trackFilter?: TrackFilter;
  /** Annotation pins of the selected voyage. */
  pins?: readonly AnnotationPin[];
  onPinClick?: (id: string) => void;
  /** Set while a composer waits for a map click ("Place on map"). */
  onPick?: ((position: Position) => void) | null;
}

export interface AnnotationPin {
  id: string;
  position: Position;
  kind: AnnotationKind;
  /** Plain text for the tooltip. */
  label: string;
}
