'use client';
import { type ExportPart, type ExportSettings, EXPORT_PARTS } from '@/lib/core/domain/view-state';

const PART_LABELS: Record<ExportPart, string> = {
  title: 'Title',
  subtitle: 'Subtitle',
  legend: 'Legend',
  scale: 'Scale bar',
  dates: 'Dates',
  credits: 'Credits',
  permalink: 'Permalink',
};

interface Props {
  settings: ExportSettings;
  /** Applies a change to the settings as they are in the URL now. */
  onChange: (update: (current: ExportSettings) => ExportSettings) => void;
  /** How many annotation pins the image could include (the choice is offered only when some). */
  pinCount: number;
  /** There is a raster tile layer on the map, so the image may include it. */
  tilesWanted: boolean;
  withTiles: boolean;
  onWithTiles: (on: boolean) => void;
  /** Why the tile layer cannot be exported, when it is wanted and cannot. */
  tileError: string | null;
}

/** Which parts the image includes: furniture, annotation pins and the raster tile layer. */
export function PartsControls({ settings, onChange, pinCount, tilesWanted, withTiles, onWithTiles, tileError }: Props) {
  const togglePart = (part: ExportPart, on: boolean) =>
    onChange((current) => ({ ...current, off: on ? current.off.filter((p) => p !== part) : [...current.off.filter((p) => p !== part), part] }));
  return (
    <>
      <fieldset>
        <legend>Include</legend>
        {EXPORT_PARTS.map((part) => (
          <label key={part}>
            <input type="checkbox" checked={!settings.off.includes(part)} onChange={(e) => togglePart(part, e.target.checked)} />
            {PART_LABELS[part]}
          </label>
        ))}
        <label>
          <input type="checkbox" checked={settings.timeline} onChange={(e) => onChange((current) => ({ ...current, timeline: e.target.checked }))} />
          Timeline strip
        </label>
      </fieldset>
      {pinCount > 0 && (
        <label className="inline">
          <span>
            <input type="checkbox" checked={settings.pins} onChange={(e) => onChange((current) => ({ ...current, pins: e.target.checked }))} /> Include
            the team’s annotation pins ({pinCount})
          </span>
        </label>
      )}
      {tilesWanted && (
        <label className="inline">
          <span>
            <input type="checkbox" checked={withTiles} onChange={(e) => onWithTiles(e.target.checked)} /> Include the raster tile
            layer
          </span>
        </label>
      )}
      {tileError && (
        <div className="dialog-message error" role="alert">
          {tileError} The image cannot include the tile layer.{' '}
          <button type="button" className="link-button" onClick={() => onWithTiles(false)}>
            Export without the tile layer
          </button>
        </div>
      )}
    </>
  );
}
