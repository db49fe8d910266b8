'use client';
import type { LatLngExpression } from 'leaflet';
import { useEffect, useId, useRef } from 'react';
import { Popup, useMap } from 'react-leaflet';

export interface ChooserItem {
  id: string;
  vessel: string;
  route: string;
  dates: string;
  inferred: boolean;
}

interface Props {
  position: LatLngExpression;
  items: readonly ChooserItem[];
  /** Routes under the click; more than `items` when the list is cut short. */
  total: number;
  onChoose: (id: string) => void;
  onClose: () => void;
}

/**
 * Where several routes lie under one click: a small popup listing each of them (vessel, origin →
 * destination, date window). Keyboard: focus starts on the first voyage, arrows move, Enter
 * chooses, Escape closes and returns focus to the map.
 */
export default function RouteChooser({ position, items, total, onChoose, onClose }: Props) {
  // Narrow enough to fit beside the zoom buttons on a 390 px phone.
  const width = Math.max(180, Math.min(300, useMap().getSize().x - 100));
  return (
    <Popup
      position={position}
      className="route-chooser-popup"
      maxWidth={width}
      // Clear of the zoom buttons in the top left corner.
      autoPanPaddingTopLeft={[56, 12]}
      minWidth={Math.min(220, width)}
      closeOnEscapeKey={false}
      eventHandlers={{ remove: onClose }}
    >
      <ChooserList items={items} total={total} onChoose={onChoose} onClose={onClose} />
    </Popup>
  );
}

/** The popup's content: mounted when Leaflet opens the popup, so focus can go to it then. */
function ChooserList({ items, total, onChoose, onClose }: Omit<Props, 'position'>) {
  const map = useMap();
  const id = useId();
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    // After Leaflet has placed the popup (and panned it into view).
    const frame = requestAnimationFrame(() => list.current?.querySelector('button')?.focus({ preventScroll: true }));
    return () => cancelAnimationFrame(frame);
  }, [items]);

  const close = () => {
    map.closePopup();
    onClose();
    map.getContainer().focus({ preventScroll: true });
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    const buttons = [...(list.current?.querySelectorAll('button') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = (at + (e.key === 'ArrowDown' ? 1 : -1) + buttons.length) % buttons.length;
      buttons[next]?.focus();
    }
  };

  return (
      <div role="dialog" aria-labelledby={`${id}-title`} className="route-chooser" onKeyDown={onKeyDown}>
        <p id={`${id}-title`} className="route-chooser-title">
          {total} voyages here. Choose one:
        </p>
        <ul ref={list}>
          {items.map((v) => (
            <li key={v.id}>
              <button
                type="button"
                data-voyage-id={v.id}
                onClick={() => {
                  map.closePopup();
                  onChoose(v.id);
                }}
              >
                <span className="route-chooser-vessel">{v.vessel}</span>
                <span>{v.route}</span>
                <span className="route-chooser-dates">
                  {v.dates}
                  {v.inferred ? ' · route inferred' : ' · route observed'}
                </span>
              </button>
            </li>
          ))}
        </ul>
        {total > items.length && (
          <p className="route-chooser-more">
            The first {items.length} of {total}. Narrow the filters to see fewer here, or use the list.
          </p>
        )}
      </div>
  );
}
