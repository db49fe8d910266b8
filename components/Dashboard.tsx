'use client';
import { useSearchParams } from 'next/navigation';
import { useCallback, useMemo, useState } from 'react';
import { useAnnotations, usePorts, useVessels, useVoyageFeatures, voyagesUrl } from '@/lib/api';
import type { Position } from '@/lib/domain/schemas';
import type { TileLayerConfig } from '@/lib/domain/tile-layer';
import { type ViewState, hasFilters, parseViewState, viewStateToSearch } from '@/lib/domain/view-state';
import { type MapPick, MapPickContext } from './annotations/map-pick';
import AuthStatus from './AuthStatus';
import Filters from './Filters';
import Legend from './Legend';
import VoyageMap from './map/MapLoader';
import type { AnnotationPin } from './map/types';
import VoyageDetail from './VoyageDetail';
import VoyageList from './VoyageList';

/**
 * The one-page dashboard. The view (filters and selection) lives in the URL: the page reads it with
 * useSearchParams and writes it with the History API, so a copied link opens the same view.
 */
export default function Dashboard({ tileLayer }: { tileLayer: TileLayerConfig | null }) {
  const params = useSearchParams();
  const state = useMemo(() => parseViewState(params), [params]);
  const [hoveredId, setHoveredId] = useState<string | null>(null);

  const navigate = useCallback((next: ViewState, mode: 'push' | 'replace') => {
    const url = `${window.location.pathname}${viewStateToSearch(next)}`;
    if (mode === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  }, []);

  const voyages = useVoyageFeatures(state);
  const ports = usePorts();
  const vessels = useVessels();

  const select = useCallback(
    (id: string | undefined) => {
      if (id === state.voyage) return;
      navigate({ ...state, voyage: id }, 'push');
    },
    [navigate, state],
  );
  const setFilters = useCallback((next: ViewState) => navigate(next, 'replace'), [navigate]);

  // "Place on map": a composer's request for the next map click, answered once.
  const [pickHandler, setPickHandler] = useState<((p: Position) => void) | null>(null);
  const mapPick = useMemo<MapPick>(
    () => ({
      active: pickHandler !== null,
      start: (onPick) => setPickHandler(() => onPick),
      cancel: () => setPickHandler(null),
    }),
    [pickHandler],
  );
  const onPick = useMemo(
    () =>
      pickHandler &&
      ((p: Position) => {
        pickHandler(p);
        setPickHandler(null);
      }),
    [pickHandler],
  );
  const annotations = useAnnotations('voyage', state.voyage);
  const pins = useMemo<AnnotationPin[]>(
    () =>
      (annotations.data?.annotations ?? []).flatMap((a) =>
        a.location && !a.deletedAt
          ? [{ id: a.id, position: a.location, kind: a.kind, label: `${a.kind} · ${a.author.username}: ${a.body.slice(0, 80)}` }]
          : [],
      ),
    [annotations.data],
  );
  const showAnnotation = useCallback((id: string) => {
    document.getElementById(`annotation-${id}`)?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  }, []);
  const ignoreSelect = useCallback(() => undefined, []);

  return (
    <MapPickContext.Provider value={mapPick}>
      <div className="app">
        <header className="app-header">
          <div className="app-header-text">
            <h1>Wakeline</h1>
            <p>
              Reported voyages between Rajin (DPRK) and Russia’s Far East, 2023–2025. The ships sailed with AIS off:
              routes are inferred, dates are windows, and every record names its sources.
            </p>
          </div>
          <AuthStatus />
        </header>
        <main className="layout">
          <section className="map-pane" aria-label="Map of reported voyages">
            <VoyageMap
              voyages={voyages.data}
              ports={ports.data?.ports ?? []}
              selectedId={state.voyage}
              hoveredId={hoveredId}
              onSelect={onPick ? ignoreSelect : select}
              onHover={setHoveredId}
              tileLayer={tileLayer}
              pins={pins}
              onPinClick={showAnnotation}
              onPick={onPick}
            />
            <Legend />
          </section>
          <aside className="panel">
            <Filters
              state={state}
              vessels={vessels.data?.vessels ?? []}
              ports={ports.data?.ports ?? []}
              onChange={setFilters}
            />
            <VoyageList
              voyages={voyages.data}
              error={voyages.error}
              loading={voyages.isValidating}
              filtered={hasFilters(state)}
              selectedId={state.voyage}
              hoveredId={hoveredId}
              onSelect={select}
              onHover={setHoveredId}
              onClearFilters={() => setFilters({ voyage: state.voyage })}
              onRetry={() => void voyages.mutate()}
            />
            <p className="downloads">
              Download these voyages: <a href={voyagesUrl(state, 'csv')}>CSV</a> ·{' '}
              <a href={voyagesUrl(state, 'geojson')} download="wakeline-voyages.geojson">
                GeoJSON
              </a>{' '}
              · <a href="/api/openapi.json">API</a>
            </p>
            {state.voyage && <VoyageDetail key={state.voyage} id={state.voyage} onClose={() => select(undefined)} />}
          </aside>
        </main>
      </div>
    </MapPickContext.Provider>
  );
}
