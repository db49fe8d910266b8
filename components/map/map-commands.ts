/**
 * Requests to the live map from outside it (the export's reframing bar): show a frame with room
 * round it, pan by pixels, zoom in or out. The map layer listens while it is mounted; a request
 * with no map to hear it does nothing.
 */
import type { Bbox } from '@/lib/core/domain/view-state';

type MapCommand =
  | { kind: 'show'; bbox: Bbox; paddingTopLeft: [number, number]; paddingBottomRight: [number, number] }
  | { kind: 'pan'; dx: number; dy: number }
  | { kind: 'zoom'; by: number };

const listeners = new Set<(command: MapCommand) => void>();

export function sendToMap(command: MapCommand): void {
  for (const listener of listeners) listener(command);
}

export function listenForMapCommands(listener: (command: MapCommand) => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
