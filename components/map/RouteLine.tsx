'use client';
import type { LatLngTuple, LeafletEventHandlerFnMap, PathOptions } from 'leaflet';
import { memo } from 'react';
import { Polygon, Polyline, Tooltip } from 'react-leaflet';
import { StackCount, type StackHover } from './stack-hover';

interface Props {
  drawn: LatLngTuple[];
  selected: boolean;
  style: PathOptions;
  handlers: LeafletEventHandlerFnMap | undefined;
  label: string;
  basis: string | null;
  inferred: boolean;
  hover: StackHover;
}

/**
 * One route of VoyagesLayer. Memoised: when the hover, the selection or the time cursor's states
 * change, only the routes whose look changed re-render (every prop is kept stable by the layer:
 * one style object per look, one handler map per route), not the thousands of others.
 */
export const RouteLine = memo(function RouteLine({ drawn, selected, style, handlers, label, basis, inferred, hover }: Props) {
  return (
    <Polyline positions={drawn} pathOptions={style} eventHandlers={handlers}>
      {selected ? (
        <Tooltip key="selected" permanent direction="top" className="route-label">
          {inferred ? 'Route inferred, not observed' : 'Route observed'}
        </Tooltip>
      ) : (
        <Tooltip key="hover" sticky>
          {label}
          <br />
          {basis && (
            <>
              {basis}
              <br />
            </>
          )}
          {inferred ? 'Route inferred, not observed' : 'Route observed'}
          <StackCount store={hover} />
        </Tooltip>
      )}
    </Polyline>
  );
});

/** One direction arrow, memoised like RouteLine (its style is one object per look). */
export const ArrowShape = memo(function ArrowShape({ positions, style }: { positions: LatLngTuple[]; style: PathOptions }) {
  return <Polygon positions={positions} interactive={false} pathOptions={style} />;
});
