'use client';
import { type ComponentProps, type RefObject, useState } from 'react';
import type { MapView } from '../map/types';
import ExportDialog from './ExportDialog';
import { Reframer } from './Reframer';

type Props = Omit<ComponentProps<typeof ExportDialog>, 'onReframe' | 'onResetFrame' | 'returning'> & {
  /** The live map's view, kept current by the dashboard. */
  mapView: RefObject<MapView | null>;
};

/**
 * The export, in one of two modes: the dialog, or framing the image on the live map with the
 * dialog hidden. Its settings live in the URL throughout, so reframing loses nothing.
 */
export default function ExportLayer({ mapView, ...props }: Props) {
  const { settings, onChange } = props;
  const [mode, setMode] = useState<'dialog' | 'reframing' | 'returned'>('dialog');
  // "Reset frame" goes back to the frame the dialog opened with.
  const [initial] = useState(() => ({ frame: settings.frame, bbox: settings.bbox }));
  const reset = () =>
    onChange(({ bbox: _moved, ...current }) => ({ ...current, frame: initial.frame, ...(initial.bbox ? { bbox: initial.bbox } : {}) }));

  if (mode === 'reframing') {
    return (
      <Reframer
        {...props}
        mapView={mapView}
        onDone={(bbox) => {
          onChange((current) => ({ ...current, frame: 'map', bbox }));
          setMode('returned');
        }}
        onCancel={() => setMode('returned')}
      />
    );
  }
  return <ExportDialog {...props} onReframe={() => setMode('reframing')} onResetFrame={reset} returning={mode === 'returned'} />;
}
