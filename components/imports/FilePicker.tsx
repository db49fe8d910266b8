'use client';
import { type DragEvent, useState } from 'react';
import { ACCEPT } from './labels';
import s from './imports.module.css';

/**
 * The file chooser: a labelled file input (the keyboard's and screen reader's way in) inside a
 * zone a file can also be dropped on.
 */
export default function FilePicker({ onFile, disabled }: { onFile: (file: File) => void; disabled: boolean }) {
  const [over, setOver] = useState(false);
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file && !disabled) onFile(file);
  };
  return (
    <div
      className={`${s.drop}${over ? ` ${s.over}` : ''}`}
      data-testid="import-drop-zone"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <label>
        Track file
        <input
          type="file"
          accept={ACCEPT}
          disabled={disabled}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) onFile(file);
          }}
        />
      </label>
      <p className={s.hint}>
        Or drop it here. CSV (MarineCadastre, Danish Maritime Authority, Global Fishing Watch, or your own columns), NMEA AIS
        messages, GPX, KML/KMZ or GeoJSON, with times.
      </p>
    </div>
  );
}
