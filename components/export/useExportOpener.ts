'use client';
import { type RefObject, useCallback, useRef } from 'react';
import { type ExportSettings, type ViewState, DEFAULT_EXPORT } from '@/lib/core/domain/view-state';
import type { MapView } from '../map/types';

type Navigate = (update: (current: ViewState) => ViewState, mode: 'push' | 'replace') => void;

/**
 * Opening and closing the export dialog. Closing keeps its settings (title, size, parts) for the
 * next opening in this visit; reopened, it frames the map as it is then, unless it fits the voyages.
 */
export function useExportOpener(navigate: Navigate, mapView: RefObject<MapView | null>, exportButton: RefObject<HTMLButtonElement | null>) {
  const last = useRef<ExportSettings | null>(null);
  const openExport = useCallback(() => {
    const { bbox: _old, ...kept } = last.current ?? DEFAULT_EXPORT;
    const bounds = mapView.current?.bounds;
    navigate((s) => ({ ...s, export: { ...kept, ...(bounds ? { bbox: bounds } : {}) } }), 'push');
  }, [navigate, mapView]);
  const closeExport = useCallback(() => {
    navigate(({ export: closed, ...s }) => {
      if (closed) last.current = closed;
      return s;
    }, 'replace');
    exportButton.current?.focus();
  }, [navigate, exportButton]);
  return { openExport, closeExport };
}
