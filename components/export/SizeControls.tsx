'use client';
import type { ExportSettings } from '@/lib/core/domain/view-state';
import { PixelField } from './fields';

const SIZE_PRESETS = [
  { label: 'Web, 16:9 (1200 × 675)', width: 1200, height: 675 },
  { label: 'Square (1080 × 1080)', width: 1080, height: 1080 },
  { label: 'Portrait, 4:5 (1080 × 1350)', width: 1080, height: 1350 },
  { label: 'Full HD (1920 × 1080)', width: 1920, height: 1080 },
  { label: 'Print (3000 × 2000)', width: 3000, height: 2000 },
] as const;

interface Props {
  settings: ExportSettings;
  set: (patch: Partial<ExportSettings>) => void;
}

/** The image's size (a preset or width and height in pixels) and the ground it frames. */
export function SizeControls({ settings, set }: Props) {
  const preset = SIZE_PRESETS.findIndex((p) => p.width === settings.width && p.height === settings.height);
  return (
    <>
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
          <option value="map">As framed (map or preview)</option>
          <option value="voyages">Fit the voyages shown</option>
        </select>
      </label>
      <div className="row">
        <PixelField label="Width" value={settings.width} onValid={(width) => set({ width })} />
        <PixelField label="Height" value={settings.height} onValid={(height) => set({ height })} />
      </div>
    </>
  );
}
