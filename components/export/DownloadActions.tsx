'use client';
import { useState } from 'react';
import { portsToGeoJSON, voyagesToGeoJSON } from '@/lib/core/domain/format';
import { voyagesToGpx } from '@/lib/core/domain/format-gpx';
import { voyagesToKml } from '@/lib/core/domain/format-kml';
import type { Port } from '@/lib/core/domain/schemas';
import type { ExportVoyage } from '@/lib/client/export/map';
import { saveFile, svgToPng } from './browser';

type Kind = 'png' | 'svg' | 'geojson' | 'kml' | 'gpx';

type Status = { kind: 'idle' } | { kind: 'busy'; what: string } | { kind: 'done'; text: string } | { kind: 'error'; text: string };

interface Props {
  /** The image, null until it is ready to save. */
  svg: string | null;
  /** Every layer the image needs has loaded. */
  ready: boolean;
  width: number;
  height: number;
  /** The voyages the image shows and the ports, for the GeoJSON download (the voyages alone for KML and GPX). */
  voyages: readonly ExportVoyage[];
  ports: readonly Port[];
  fileName: (kind: Kind) => string;
}

async function makeFile(kind: Kind, svg: string, { width, height, voyages, ports }: Props): Promise<Blob> {
  if (kind === 'png') return svgToPng(svg, width, height);
  if (kind === 'svg') return new Blob([svg], { type: 'image/svg+xml' });
  if (kind === 'kml') return new Blob([voyagesToKml(voyages)], { type: 'application/vnd.google-earth.kml+xml' });
  if (kind === 'gpx') return new Blob([voyagesToGpx(voyages)], { type: 'application/gpx+xml' });
  const data = { type: 'FeatureCollection', features: [...voyagesToGeoJSON(voyages).features, ...portsToGeoJSON(ports).features] };
  return new Blob([JSON.stringify(data, null, 1)], { type: 'application/geo+json' });
}

/**
 * The downloads (image, and the data behind it), and a status line that says what is happening and what was saved. A button
 * is never disabled while its file is made (that would drop focus to the page): it stays focused,
 * ignores a second press, and the status line announces the saved file.
 */
export function DownloadActions(props: Props) {
  const { svg, ready, fileName } = props;
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  async function download(kind: Kind) {
    if (!svg || status.kind === 'busy') return;
    const started = performance.now();
    setStatus({ kind: 'busy', what: kind.toUpperCase() });
    try {
      const blob = await makeFile(kind, svg, props);
      const name = fileName(kind);
      saveFile(blob, name);
      const seconds = (performance.now() - started) / 1000;
      setStatus({ kind: 'done', text: `Saved ${name} (${Math.round(blob.size / 1024).toLocaleString('en-GB')} KB) in ${seconds.toFixed(2)} s.` });
    } catch (err) {
      setStatus({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
    }
  }

  const busy = status.kind === 'busy';
  return (
    <>
      <div className="dialog-actions">
        <button type="button" className="button" disabled={!svg} aria-disabled={busy || undefined} onClick={() => void download('png')}>
          Download PNG
        </button>
        <button type="button" className="button button-secondary" disabled={!svg} aria-disabled={busy || undefined} onClick={() => void download('svg')}>
          Download SVG
        </button>
        <button type="button" className="button button-secondary" disabled={!svg} aria-disabled={busy || undefined} onClick={() => void download('geojson')}>
          Download GeoJSON
        </button>
        <button type="button" className="button button-secondary" disabled={!svg} aria-disabled={busy || undefined} onClick={() => void download('kml')}>
          Download KML
        </button>
        <button type="button" className="button button-secondary" disabled={!svg} aria-disabled={busy || undefined} onClick={() => void download('gpx')}>
          Download GPX
        </button>
      </div>
      <p className={status.kind === 'error' ? 'dialog-message error' : 'fine-print'} role="status" aria-live="polite" data-testid="export-status">
        {!ready
          ? 'Waiting for every layer to load…'
          : status.kind === 'busy'
            ? `Making the ${status.what}…`
            : status.kind === 'done' || status.kind === 'error'
              ? status.text
              : `Files: ${fileName('png')}, .svg, .geojson, .kml, .gpx`}
      </p>
    </>
  );
}
