'use client';
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import type { VoyageFeatures } from '@/lib/client/api';
import type { Port, Vessel } from '@/lib/core/domain/schemas';
import type { TileLayerConfig } from '@/lib/core/domain/tile-layer';
import { type ExportSettings, type ViewState, isHidden } from '@/lib/core/domain/view-state';
import { exportFileName } from '@/lib/client/export/compose';
import type { AnnotationPin } from '../map/types';
import { trapFocus } from '../shell/trapFocus';
import { CopyLink } from './CopyLink';
import { DownloadActions } from './DownloadActions';
import { ExportPreview } from './ExportPreview';
import { TextField } from './fields';
import { PartsControls } from './PartsControls';
import { SizeControls } from './SizeControls';
import { useExportImage } from './useExportImage';
import { VideoExport } from './VideoExport';

interface Props {
  state: ViewState;
  settings: ExportSettings;
  voyages: VoyageFeatures | undefined;
  ports: readonly Port[] | undefined;
  vessels: readonly Vessel[] | undefined;
  tileLayer: TileLayerConfig | null;
  /** The selected voyage's annotation pins, which the image may include. */
  pins: readonly AnnotationPin[];
  /** Applies a change to the settings as they are in the URL now (never to a stale copy). */
  onChange: (update: (current: ExportSettings) => ExportSettings) => void;
  onClose: () => void;
  /** Hide the dialog (its settings kept) and frame the image on the live map. */
  onReframe: () => void;
  /** Back to the frame the dialog was opened with. */
  onResetFrame: () => void;
  /** The dialog comes back from reframing: focus returns to the button that started it. */
  returning?: boolean;
}

/** A modal's keyboard: focus moves in when it opens, stays inside, and Escape closes it. */
function useModalKeys(onClose: () => void, returning: boolean) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const back = returning ? ref.current?.querySelector<HTMLElement>('[data-reframe]') : null;
    (back ?? ref.current?.querySelector<HTMLElement>('.dialog-form select, .dialog-form input, .dialog-form button'))?.focus();
  }, [returning]);
  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
      return;
    }
    if (e.key === 'Tab' && ref.current) trapFocus(e, ref.current);
  }
  return { ref, onKeyDown };
}

/**
 * The export dialog: a live preview of exactly the image that will be saved, its composition and
 * size, and the downloads (PNG, SVG, and the data behind the image as GeoJSON).
 */
export default function ExportDialog(props: Props) {
  const { state, settings, ports, tileLayer, pins, onChange, onClose, onReframe, onResetFrame } = props;
  const headingId = useId();
  const { ref: dialogRef, onKeyDown } = useModalKeys(onClose, Boolean(props.returning));
  const tilesWanted = Boolean(tileLayer) && !isHidden(state, 'tiles');
  const [withTiles, setWithTiles] = useState(tilesWanted);
  const exportTiles = withTiles && tilesWanted;
  const image = useExportImage({ ...props, exportTiles });
  const { shown, selected, filters, vesselName, title, subtitle } = image;

  const set = (patch: Partial<ExportSettings>) => onChange((current) => ({ ...current, ...patch }));

  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div ref={dialogRef} className="dialog" role="dialog" aria-modal="true" aria-labelledby={headingId} onKeyDown={onKeyDown}>
        <ExportPreview
          url={image.previewUrl}
          title={title}
          width={settings.width}
          height={settings.height}
          tileFailed={Boolean(image.tileError)}
          layout={image.layout}
          onFrame={(bbox) => onChange((current) => ({ ...current, frame: 'map', bbox }))}
          onReset={onResetFrame}
          onReframe={onReframe}
        />
        <form className="dialog-form" onSubmit={(e) => e.preventDefault()}>
          <div className="dialog-head">
            <h2 id={headingId}>Export image</h2>
            <button type="button" className="close" aria-label="Close the export dialog" onClick={onClose}>
              ×
            </button>
          </div>
          <SizeControls settings={settings} set={set} />
          <label>
            Title
            <TextField value={settings.title ?? title} onChange={(value) => set({ title: value })} />
          </label>
          <label>
            Subtitle
            <TextField value={settings.subtitle ?? subtitle} onChange={(value) => set({ subtitle: value })} />
          </label>
          <PartsControls
            settings={settings}
            onChange={onChange}
            pinCount={pins.length}
            tilesWanted={tilesWanted}
            withTiles={withTiles}
            onWithTiles={setWithTiles}
            tileError={exportTiles ? image.tileError : null}
          />
          <DownloadActions
            svg={image.svg}
            ready={image.ready}
            width={settings.width}
            height={settings.height}
            voyages={selected ? [selected] : shown}
            ports={ports ?? []}
            fileName={(kind) => exportFileName(shown, filters, kind, selected, vesselName)}
          />
          <VideoExport
            input={image.full}
            span={image.span}
            brushed={{ from: state.from, to: state.to }}
            width={settings.width}
            height={settings.height}
            onSize={(width, height) => set({ width, height })}
          />
          <CopyLink label="Copy link to this export" link={() => window.location.href} />
          <p className="fine-print">The link opens this view with these export settings: it reproduces this image.</p>
        </form>
      </div>
    </div>
  );
}
