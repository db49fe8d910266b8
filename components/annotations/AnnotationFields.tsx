'use client';
import { useEffect, useId, useRef, useState } from 'react';
import { ANNOTATION_KINDS, type AnnotationKind } from '@/lib/core/domain/annotations';
import CoordinateEntry from './CoordinateEntry';
import { KIND_LABEL, formatPosition } from './format';
import { useMapPick } from './map-pick';

export interface Draft {
  kind: AnnotationKind;
  body: string;
  urls: string;
  location: [number, number] | null;
}

/**
 * The fields of an annotation being written or edited: kind, text, evidence URLs, and a map spot
 * placed by a click, by the map's keyboard crosshair, or by typed coordinates.
 */
export default function AnnotationFields({
  draft,
  onChange,
  bodyLabel = 'Text',
  showKind = true,
}: {
  draft: Draft;
  onChange: (d: Draft) => void;
  bodyLabel?: string;
  showKind?: boolean;
}) {
  const id = useId();
  const pick = useMapPick();
  const [typing, setTyping] = useState(false);
  const location = useRef<HTMLDivElement>(null);
  // After a pin is placed or the choice given up, focus comes back here (not to the page body).
  const focusLocation = () => requestAnimationFrame(() => location.current?.querySelector<HTMLElement>('[tabindex], button')?.focus());
  const waiting = useRef(false);
  const startPick = () => {
    waiting.current = true;
    setTyping(false);
    pick.start((p) => onChange({ ...draft, location: [p[0], p[1]] }));
  };
  useEffect(() => {
    if (pick.active || !waiting.current) return;
    waiting.current = false;
    focusLocation();
  }, [pick.active]);
  return (
    <div className="annotation-fields">
      {showKind && (
        <label htmlFor={`${id}-kind`}>
          Kind
          <select id={`${id}-kind`} value={draft.kind} onChange={(e) => onChange({ ...draft, kind: e.target.value as AnnotationKind })}>
            {ANNOTATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABEL[k]}
              </option>
            ))}
          </select>
        </label>
      )}
      <label htmlFor={`${id}-body`}>
        {bodyLabel}
        <textarea
          id={`${id}-body`}
          rows={3}
          maxLength={10_000}
          value={draft.body}
          onChange={(e) => onChange({ ...draft, body: e.target.value })}
          placeholder="Plain text; links are fine."
        />
      </label>
      <label htmlFor={`${id}-urls`}>
        Evidence URLs (one a line, optional)
        <textarea
          id={`${id}-urls`}
          rows={1}
          value={draft.urls}
          onChange={(e) => onChange({ ...draft, urls: e.target.value })}
          placeholder="https://…"
        />
      </label>
      <div className="annotation-location" ref={location}>
        {draft.location ? (
          <>
            <span data-testid="draft-location" tabIndex={-1}>
              Pinned at {formatPosition(draft.location)}
            </span>
            <button type="button" className="link-button" onClick={() => onChange({ ...draft, location: null })}>
              Remove pin
            </button>
          </>
        ) : pick.active ? (
          <>
            <span className="picking">Click the map, or move its crosshair with the arrow keys and press Enter…</span>
            <button type="button" className="link-button" onClick={pick.cancel}>
              Cancel
            </button>
          </>
        ) : (
          <>
            <button type="button" className="link-button" onClick={startPick}>
              Place on map
            </button>
            <button type="button" className="link-button" aria-expanded={typing} onClick={() => setTyping(true)}>
              Type coordinates
            </button>
          </>
        )}
      </div>
      {typing && !draft.location && (
        <CoordinateEntry
          onPlace={(position) => {
            setTyping(false);
            onChange({ ...draft, location: position });
            focusLocation();
          }}
          onCancel={() => {
            setTyping(false);
            focusLocation();
          }}
        />
      )}
    </div>
  );
}
