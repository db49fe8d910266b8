'use client';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, useCallback, useEffect, useRef } from 'react';
import type { VoyageFeatureProperties } from '@/lib/core/domain/format';
import { type AtCursorNote, VoyageListItem } from './VoyageListItem';

/** Below this many voyages every item is in the page (find in page works on all of them); from it, only those in view. */
const VIRTUAL_FROM = 200;

interface Props {
  items: readonly VoyageFeatureProperties[];
  selectedId: string | undefined;
  hoveredId: string | null;
  onSelect: (id: string) => void;
  onHover: (id: string | null) => void;
  underWay: (id: string) => AtCursorNote | null;
}

/** The index the list's arrow keys move to from `index`, or null for a key they do not handle. */
function nextIndex(key: string, index: number, count: number): number | null {
  switch (key) {
    case 'ArrowDown':
      return Math.min(count - 1, index + 1);
    case 'ArrowUp':
      return Math.max(0, index - 1);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    case 'PageDown':
      return Math.min(count - 1, index + 10);
    case 'PageUp':
      return Math.max(0, index - 10);
    default:
      return null;
  }
}

const buttonAt = (list: HTMLElement | null, index: number) =>
  list?.querySelector<HTMLButtonElement>(`li[data-index="${index}"] .voyage-item`) ?? null;

/**
 * The voyages' items. Tab moves through them as through any buttons; the arrow keys, Home, End
 * and Page Up/Down move between them too, which in a long list reaches items not yet in the page
 * (it scrolls to them first). From VIRTUAL_FROM items only the rows in view (and a few around) are
 * rendered, each saying its place in the whole (aria-posinset/setsize) for screen readers.
 */
export default function VoyageRows({ items, selectedId, hoveredId, onSelect, onHover, underWay }: Props) {
  const virtual = items.length >= VIRTUAL_FROM;
  const scroller = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLUListElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the React Compiler is not enabled (next.config.mjs); the virtualizer re-renders this component itself
  const rows = useVirtualizer({
    count: virtual ? items.length : 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => 96,
    overscan: 8,
    getItemKey: (i) => items[i]?.id ?? i,
  });
  // A voyage chosen elsewhere (on the map, on the timeline) is brought into the list's view.
  const selectedIndex = virtual && selectedId ? items.findIndex((v) => v.id === selectedId) : -1;
  useEffect(() => {
    if (selectedIndex >= 0 && !buttonAt(list.current, selectedIndex)) rows.scrollToIndex(selectedIndex, { align: 'center' });
  }, [selectedIndex, rows]);

  const focusIndex = useCallback(
    (index: number) => {
      const now = buttonAt(list.current, index);
      if (now) return now.focus();
      rows.scrollToIndex(index, { align: 'auto' });
      // The row is rendered after the scroll: focus it on the next frames.
      let tries = 0;
      const attempt = () => {
        const b = buttonAt(list.current, index);
        if (b) b.focus();
        else if (++tries < 10) requestAnimationFrame(attempt);
      };
      requestAnimationFrame(attempt);
    },
    [rows],
  );
  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const li = (e.target as HTMLElement).closest('li[data-index]');
    if (!li || e.altKey || e.ctrlKey || e.metaKey) return;
    const next = nextIndex(e.key, Number(li.getAttribute('data-index')), items.length);
    if (next === null) return;
    e.preventDefault();
    focusIndex(next);
  };

  const item = (v: VoyageFeatureProperties) => (
    <VoyageListItem voyage={v} selected={v.id === selectedId} atCursor={underWay(v.id)} onSelect={onSelect} onHover={onHover} />
  );
  if (!virtual) {
    return (
      <ul aria-label="Voyages" ref={list} onKeyDown={onKeyDown}>
        {items.map((v, i) => (
          <li key={v.id} data-index={i} className={hoveredId === v.id ? 'hovered' : undefined}>
            {item(v)}
          </li>
        ))}
      </ul>
    );
  }
  const shown = rows.getVirtualItems();
  return (
    <div ref={scroller} className="voyage-list-scroll" data-testid="voyage-list-scroll">
      <ul aria-label="Voyages" ref={list} onKeyDown={onKeyDown} style={{ height: rows.getTotalSize(), position: 'relative' }}>
        {shown.map((row) => {
          const v = items[row.index]!;
          return (
            <li
              key={row.key}
              data-index={row.index}
              ref={rows.measureElement}
              aria-setsize={items.length}
              aria-posinset={row.index + 1}
              className={hoveredId === v.id ? 'hovered' : undefined}
              style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${row.start}px)` }}
            >
              {item(v)}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
