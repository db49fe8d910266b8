import type { CsvPreset, TrackFormat } from '@/lib/core/track/types';

/** What the dialog calls each format and column set. */
export const FORMAT_LABEL: Record<TrackFormat, string> = {
  csv: 'CSV',
  nmea: 'NMEA 0183 AIS messages (!AIVDM / !AIVDO)',
  gpx: 'GPX',
  kml: 'KML',
  kmz: 'KMZ (zipped KML)',
  geojson: 'GeoJSON',
};

export const PRESET_LABEL: Record<CsvPreset, string> = {
  marinecadastre: 'NOAA MarineCadastre columns',
  dma: 'Danish Maritime Authority columns',
  gfw: 'Global Fishing Watch track columns',
};

/** The file types the picker offers (it accepts any file: the server decides). */
export const ACCEPT = '.csv,.txt,.nmea,.aivdm,.ais,.gpx,.kml,.kmz,.geojson,.json';

/**
 * A size in words for the progress text.
 *
 * @example formatBytes(1_572_864) // '1.5 MB'
 */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
