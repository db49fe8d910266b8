'use client';
import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { type VoyageFeatures, useBasemap, useSources } from '@/lib/client/api';
import { portsToGeoJSON, voyagesToGeoJSON } from '@/lib/core/domain/format';
import type { Port, Vessel } from '@/lib/core/domain/schemas';
import type { TileLayerConfig } from '@/lib/core/domain/tile-layer';
import {
  type Bbox,
  type ExportPart,
  type ExportSettings,
  type ViewState,
  EXPORT_PARTS,
  MAX_EXPORT_PX,
  filtersOf,
  isHidden,
  viewStateToSearch,
} from '@/lib/core/domain/view-state';
import { creditLine, datesLine, dateSpan, defaultSubtitle, defaultTitle, exportFileName, routesBbox } from '@/lib/client/export/compose';
import { type ComposeInput, composeSvg } from '@/lib/client/export/svg';
import { type TileRequest, placeTiles, tilesFor } from '@/lib/client/export/tiles';
import type { AnnotationPin } from '../map/types';
import { TileExportError, fetchTiles, saveFile, svgToPng } from './browser';

export const SIZE_PRESETS = [
  { label: 'Web, 16:9 (1200 × 675)', width: 1200, height: 675 },
  { label: 'Square (1080 × 1080)', width: 1080, height: 1080 },
  { label: 'Portrait, 4:5 (1080 × 1350)', width: 1080, height: 1350 },
  { label: 'Full HD (1920 × 1080)', width: 1920, height: 1080 },
  { label: 'Print (3000 × 2000)', width: 3000, height: 2000 },
] as const;

const PART_LABELS: Record<ExportPart, string> = {
  title: 'Title',
  subtitle: 'Subtitle',
  legend: 'Legend',
  scale: 'Scale bar',
  dates: 'Dates',
  credits: 'Credits',
  permalink: 'Permalink',
};

const noSubscription = () => () => undefined;

/** The region, when the map has not reported its view yet. */
const REGION_BBOX: Bbox = [129.6, 41.55, 133.6, 43.35];

interface Props {
  state: ViewState;
  settings: ExportSettings;
  voyages: VoyageFeatures | undefined;
  ports: readonly Port[] | undefined;
  vessels: readonly Vessel[] | undefined;
  tileLayer: TileLayerConfig | null;
  /** The selected voyage's annotation pins, which the image may include. */
  pins: readonly AnnotationPin[];
  /** Applies a change to the settings as they are in the URL now (never to a stale copy). */
  onChange: (update: (current: ExportSettings) => ExportSettings) => void;
  onClose: () => void;
}

type Status = { kind: 'idle' } | { kind: 'busy'; what: string } | { kind: 'done'; text: string } | { kind: 'error'; text: string };

/**
 * The export dialog: a live preview of exactly the image that will be saved, its composition and
 * size, and the downloads (PNG, SVG, and the data behind the image as GeoJSON).
 */
export default function ExportDialog(props: Props) {
  const { state, settings, voyages, ports, vessels, tileLayer, pins, onChange, onClose } = props;
  const sources = useSources();
  const land = useBasemap('land');
  const world = useBasemap('world');
  const headingId = useId();
  const dialogRef = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const tilesWanted = Boolean(tileLayer) && !isHidden(state, 'tiles');
  const [withTiles, setWithTiles] = useState(tilesWanted);
  const [tileHrefs, setTileHrefs] = useState<Map<string, string> | null>(null);
  const [tileError, setTileError] = useState<string | null>(null);

  useEffect(() => {
    dialogRef.current?.querySelector<HTMLElement>('select, input, button')?.focus();
  }, []);

  const shown = useMemo(() => voyages?.features.map((f) => ({ ...f.properties, route: f.geometry })) ?? [], [voyages]);
  const filters = useMemo(() => filtersOf(state), [state]);
  const selected = useMemo(() => shown.find((v) => v.id === state.voyage), [shown, state.voyage]);
  const bbox = useMemo(
    () =>
      (settings.frame === 'voyages' ? routesBbox((selected ? [selected] : shown).map((v) => v.route)) : null) ??
      settings.bbox ??
      REGION_BBOX,
    [settings.frame, settings.bbox, selected, shown],
  );
  const vesselName = vessels?.find((v) => v.id === state.vessel)?.name;
  const title = settings.title ?? defaultTitle({ filters, voyages: shown, selected, vesselName });
  const subtitle = settings.subtitle ?? defaultSubtitle(selected ? [selected] : shown);
  const origin = useSyncExternalStore(noSubscription, () => window.location.origin, () => '');
  const permalink = `${origin}/${viewStateToSearch(state)}`;
  const ready = Boolean(voyages && ports && sources.data && land.data && world.data);
  const exportTiles = withTiles && tilesWanted;

  const input: ComposeInput | null = useMemo(() => {
    if (!voyages || !ports || !sources.data || !land.data || !world.data) return null;
    const parts = new Set(EXPORT_PARTS.filter((p) => !settings.off.includes(p)));
    return {
      width: settings.width,
      height: settings.height,
      bbox,
      parts,
      title,
      subtitle,
      dates: datesLine(dateSpan(selected ? {} : filters, selected ? [selected] : shown)),
      credits: creditLine(selected ? [selected] : shown, sources.data.sources, exportTiles ? tileLayer?.attribution : undefined),
      permalink,
      land: land.data,
      world: world.data,
      ports,
      showGeofences: !isHidden(state, 'geofences'),
      showLabels: !isHidden(state, 'labels'),
      voyages: shown,
      selectedId: state.voyage,
      ...(settings.pins && pins.length ? { pins: pins.map((p) => ({ position: p.position as [number, number], kind: p.kind })) } : {}),
    };
  }, [voyages, ports, sources.data, land.data, world.data, settings, bbox, title, subtitle, permalink, state, shown, filters, selected, exportTiles, tileLayer, pins]);

  /** The tiles this export needs (none without a tile layer). */
  const tileRequests: TileRequest[] = useMemo(() => {
    if (!input || !exportTiles || !tileLayer) return [];
    let requests: TileRequest[] = [];
    composeSvg({ ...input, tiles: (frame) => ((requests = tilesFor(frame, tileLayer.url, tileLayer.maxZoom)), []) });
    return requests;
  }, [input, exportTiles, tileLayer]);

  useEffect(() => {
    if (tileRequests.length === 0) return;
    let cancelled = false;
    fetchTiles(tileRequests.map((r) => r.url)).then(
      (hrefs) => {
        if (cancelled) return;
        setTileHrefs(hrefs);
        setTileError(null);
      },
      (err: unknown) => {
        if (cancelled) return;
        setTileError(err instanceof TileExportError ? err.message : 'The tile layer could not be exported.');
      },
    );
    return () => {
      cancelled = true;
    };
  }, [tileRequests]);

  const tilesReady = !exportTiles || (tileHrefs !== null && tileRequests.every((r) => tileHrefs.has(r.url)));
  const svg = useMemo(() => {
    if (!input || !tilesReady) return null;
    return composeSvg(exportTiles && tileHrefs ? { ...input, tiles: () => placeTiles(tileRequests, tileHrefs) } : input);
  }, [input, tilesReady, exportTiles, tileHrefs, tileRequests]);
  const previewUrl = useMemo(() => (svg ? `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}` : null), [svg]);

  const fileName = (ext: 'png' | 'svg' | 'geojson') => exportFileName(shown, filters, ext, selected, vesselName);

  async function download(kind: 'png' | 'svg' | 'geojson') {
    if (!svg) return;
    const started = performance.now();
    setStatus({ kind: 'busy', what: kind.toUpperCase() });
    try {
      let blob: Blob;
      if (kind === 'png') blob = await svgToPng(svg, settings.width, settings.height);
      else if (kind === 'svg') blob = new Blob([svg], { type: 'image/svg+xml' });
      else {
        const data = {
          type: 'FeatureCollection',
          features: [
            ...voyagesToGeoJSON(selected ? [selected] : shown).features,
            ...portsToGeoJSON(ports ?? []).features,
          ],
        };
        blob = new Blob([JSON.stringify(data, null, 1)], { type: 'application/geo+json' });
      }
      const name = fileName(kind);
      saveFile(blob, name);
      const seconds = (performance.now() - started) / 1000;
      setStatus({ kind: 'done', text: `Saved ${name} (${Math.round(blob.size / 1024).toLocaleString('en-GB')} KB) in ${seconds.toFixed(2)} s.` });
    } catch (err) {
      setStatus({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
    }
  }

  const set = (patch: Partial<ExportSettings>) => onChange((current) => ({ ...current, ...patch }));
  const preset = SIZE_PRESETS.findIndex((p) => p.width === settings.width && p.height === settings.height);
  const togglePart = (part: ExportPart, on: boolean) =>
    onChange((current) => ({ ...current, off: on ? current.off.filter((p) => p !== part) : [...current.off.filter((p) => p !== part), part] }));

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
      return;
    }
    if (e.key !== 'Tab' || !dialogRef.current) return;
    const focusable = [...dialogRef.current.querySelectorAll<HTMLElement>('button, input, select, textarea, a[href]')].filter(
      (el) => !el.hasAttribute('disabled'),
    );
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  }

  const busy = status.kind === 'busy';
  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div ref={dialogRef} className="dialog" role="dialog" aria-modal="true" aria-labelledby={headingId} onKeyDown={onKeyDown}>
        <div className="dialog-preview">
          {previewUrl ? (
            // eslint-disable-next-line @next/next/no-img-element -- a generated data: URL, not an optimisable asset
            <img src={previewUrl} alt={`Preview of the exported image: ${title}`} data-testid="export-preview" />
          ) : (
            <p role="status">{tileError ? 'The tile layer cannot be exported.' : 'Preparing the preview…'}</p>
          )}
          <span className="size-note">
            {settings.width} × {settings.height} px · preview scaled to fit
          </span>
        </div>
        <form className="dialog-form" onSubmit={(e) => e.preventDefault()}>
          <div className="dialog-head">
            <h2 id={headingId}>Export image</h2>
            <button type="button" className="close" aria-label="Close the export dialog" onClick={onClose}>
              ×
            </button>
          </div>
          <label>
            Size
            <select
              value={preset === -1 ? 'custom' : String(preset)}
              onChange={(e) => {
                const p = SIZE_PRESETS[Number(e.target.value)];
                if (p) set({ width: p.width, height: p.height });
              }}
            >
              {SIZE_PRESETS.map((p, i) => (
                <option key={p.label} value={i}>
                  {p.label}
                </option>
              ))}
              <option value="custom">Custom</option>
            </select>
          </label>
          <label>
            Frame
            <select value={settings.frame} onChange={(e) => set({ frame: e.target.value === 'voyages' ? 'voyages' : 'map' })}>
              <option value="map">As on the map</option>
              <option value="voyages">Fit the voyages shown</option>
            </select>
          </label>
          <div className="row">
            <PixelField label="Width" value={settings.width} onValid={(width) => set({ width })} />
            <PixelField label="Height" value={settings.height} onValid={(height) => set({ height })} />
          </div>
          <label>
            Title
            <TextField value={settings.title ?? title} onChange={(value) => set({ title: value })} />
          </label>
          <label>
            Subtitle
            <TextField value={settings.subtitle ?? subtitle} onChange={(value) => set({ subtitle: value })} />
          </label>
          <fieldset>
            <legend>Include</legend>
            {EXPORT_PARTS.map((part) => (
              <label key={part}>
                <input type="checkbox" checked={!settings.off.includes(part)} onChange={(e) => togglePart(part, e.target.checked)} />
                {PART_LABELS[part]}
              </label>
            ))}
          </fieldset>
          {pins.length > 0 && (
            <label className="inline">
              <span>
                <input type="checkbox" checked={settings.pins} onChange={(e) => set({ pins: e.target.checked })} /> Include the
                team’s annotation pins ({pins.length})
              </span>
            </label>
          )}
          {tilesWanted && (
            <label className="inline">
              <span>
                <input type="checkbox" checked={withTiles} onChange={(e) => setWithTiles(e.target.checked)} /> Include the raster
                tile layer
              </span>
            </label>
          )}
          {tileError && exportTiles && (
            <div className="dialog-message error" role="alert">
              {tileError} The image cannot include the tile layer.{' '}
              <button type="button" className="link-button" onClick={() => setWithTiles(false)}>
                Export without the tile layer
              </button>
            </div>
          )}
          <div className="dialog-actions">
            <button type="button" className="button" disabled={!svg || busy} onClick={() => void download('png')}>
              Download PNG
            </button>
            <button type="button" className="button button-secondary" disabled={!svg || busy} onClick={() => void download('svg')}>
              Download SVG
            </button>
            <button type="button" className="button button-secondary" disabled={!svg || busy} onClick={() => void download('geojson')}>
              Download GeoJSON
            </button>
          </div>
          <p className={status.kind === 'error' ? 'dialog-message error' : 'fine-print'} role="status" aria-live="polite" data-testid="export-status">
            {!ready
              ? 'Waiting for every layer to load…'
              : status.kind === 'busy'
                ? `Making the ${status.what}…`
                : status.kind === 'done' || status.kind === 'error'
                  ? status.text
                  : `Files: ${fileName('png')}, .svg, .geojson`}
          </p>
          <p className="fine-print">
            The permalink of this view, with these export settings, is the page’s address: copy it to reproduce this image.
          </p>
        </form>
      </div>
    </div>
  );
}

/** A pixel size field: whole numbers from 1 to MAX_EXPORT_PX, reported only when valid. */
function PixelField({ label, value, onValid }: { label: string; value: number; onValid: (n: number) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [text, setText] = useState(String(value));
  const [shownValue, setShownValue] = useState(value);
  // A new value from outside (a preset) replaces what was typed.
  if (value !== shownValue) {
    setShownValue(value);
    setText(String(value));
    setError(null);
  }
  const id = useId();
  return (
    <label>
      {label}
      <input
        type="number"
        inputMode="numeric"
        min={1}
        max={MAX_EXPORT_PX}
        step={1}
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? id : undefined}
        onChange={(e) => {
          setText(e.target.value);
          const n = Number(e.target.value);
          if (!/^\d+$/.test(e.target.value) || n < 1 || n > MAX_EXPORT_PX) {
            setError(`A whole number from 1 to ${MAX_EXPORT_PX}.`);
            return;
          }
          setError(null);
          setShownValue(n);
          onValid(n);
        }}
      />
      {error && (
        <span id={id} className="field-error">
          {error}
        </span>
      )}
    </label>
  );
}

/**
 * A text field that keeps what is typed locally (the URL it feeds updates a moment later) and takes
 * a new value from outside only when that value really changed.
 */
function TextField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const [text, setText] = useState(value);
  const [outside, setOutside] = useState(value);
  if (value !== outside) {
    setOutside(value);
    setText(value);
  }
  return (
    <input
      type="text"
      value={text}
      maxLength={200}
      onChange={(e) => {
        setText(e.target.value);
        setOutside(e.target.value);
        onChange(e.target.value);
      }}
    />
  );
}
