'use client';
import { useSyncExternalStore } from 'react';

/**
 * How many routes lie under the pointer, kept outside React state so a mouse move over a route
 * re-renders only the open tooltip's line, not the thousands of routes of the layer.
 */
export class StackHover {
  private count = 0;
  private frame = 0;
  private readonly listeners = new Set<() => void>();
  /** Counts at the next frame at most (mouse moves come faster than frames). */
  probe(count: () => number) {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.set(count()));
  }
  set(n: number) {
    cancelAnimationFrame(this.frame);
    if (n === this.count) return;
    this.count = n;
    for (const l of this.listeners) l();
  }
  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };
  readonly get = () => this.count;
}

/** The hover tooltip's line for a stack: "4 voyages here: click to choose". */
export function StackCount({ store }: { store: StackHover }) {
  const n = useSyncExternalStore(store.subscribe, store.get, () => 0);
  if (n < 2) return null;
  return (
    <>
      <br />
      <strong>{n} voyages here: click to choose</strong>
    </>
  );
}
