'use client';
import { createContext, useContext } from 'react';
import type { Position } from '@/lib/core/domain/schemas';

/**
 * "Place on map": a composer asks for the next click on the map. The dashboard provides this and
 * passes the request to the map as props; the first click answers it.
 */
export interface MapPick {
  /** True while the map waits for a click. */
  active: boolean;
  start: (onPick: (position: Position) => void) => void;
  cancel: () => void;
}

export const MapPickContext = createContext<MapPick>({ active: false, start: () => undefined, cancel: () => undefined });

export function useMapPick(): MapPick {
  return useContext(MapPickContext);
}
