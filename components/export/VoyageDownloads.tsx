import { voyagesUrl } from '@/lib/client/api';
import type { ViewState } from '@/lib/core/domain/view-state';

/**
 * The voyages of the current view as files, under the same filters as the list and the map. The
 * GeoJSON link gives the flat, typed variant (`geojson-flat`): a file saved from here goes to a GIS
 * tool, which reads the nested `?format=geojson` the map uses as JSON strings. The `.csvt` sits
 * beside the CSV under the same name, so GDAL and QGIS read the CSV's columns typed.
 */
export function VoyageDownloads({ state }: { state: ViewState }) {
  return (
    <p className="downloads">
      Download these voyages: <a href={voyagesUrl(state, 'csv')}>CSV</a> (
      <a href={voyagesUrl(state, 'csvt')} download="wakeline-voyages.csvt" title="Column types for GDAL and QGIS: save beside the CSV">
        .csvt
      </a>
      ) ·{' '}
      <a href={voyagesUrl(state, 'geojson-flat')} download="wakeline-voyages.geojson">
        GeoJSON
      </a>{' '}
      · <a href={voyagesUrl(state, 'kml')}>KML</a> · <a href={voyagesUrl(state, 'gpx')}>GPX</a> · <a href="/api/openapi.json">API</a>
    </p>
  );
}
