'use client';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useAnnotations, usePorts, useVessels, useVoyageFeatures } from '@/lib/client/api';
import type { Position } from '@/lib/core/domain/schemas';
import type { TileLayerConfig } from '@/lib/core/domain/tile-layer';
import {
  type Bbox,
  type LayerId,
  type ViewState,
  hasFilters,
  parseViewState,
  viewStateToSearch,
  withoutFilters,
} from '@/lib/core/domain/view-state';
import { type MapPick, MapPickContext } from './annotations/map-pick';
import AuthStatus from './AuthStatus';
import DeskPanel from './desk/DeskPanel';
import ExportLayer from './export/ExportLayer';
import ImportEntry from './imports/ImportEntry';
import { TrackHighlightContext } from './imports/trackHighlight';
import { PrintSheet } from './export/PrintSheet';
import { ShareActions } from './export/ShareActions';
import { useExportOpener } from './export/useExportOpener';
import { VoyageDownloads } from './export/VoyageDownloads';
import Filters from './Filters';
import LayerToggles from './LayerToggles';
import Legend from './Legend';
import DetailSheet from './shell/DetailSheet';
import ProfileSlot from './profile/ProfileSlot';
import { ProfileNavContext, useProfiles } from './profile/useProfiles';
import SearchBox from './search/SearchBox';
import { selectionMessage, SkipLinks } from './shell/SkipLinks';
import { useMapLegend } from './shell/useMapLegend';
import { useLeavingPage } from './shell/useLeavingPage';
import { useSelectionFocus } from './shell/useSelectionFocus';
import { useTimeState } from './shell/useTimeState';
import VoyageMap from './map/MapLoader';
import type { AnnotationPin, MapView } from './map/types';
import VoyageDetail from './VoyageDetail';
import VoyageList from './VoyageList';
import TimelinePanel from './timeline/TimelinePanel';
import { TimeCursorContext } from './timeCursor';

type Update = (current: ViewState) => ViewState;

/**
 * The one-page dashboard. The view (filters, selection, map centre and zoom, layers, export
 * settings) lives in the URL: read once from the request's query string (`initialSearch`, from the
 * page), then kept as state and written back with the History API, so a copied link opens the same
 * view. Not with useSearchParams: Next.js re-renders every reader of it on each History API write,
 * and playback writes the cursor's day to the URL without re-rendering the dashboard.
 */
export default function Dashboard({ tileLayer, initialSearch }: { tileLayer: TileLayerConfig | null; initialSearch: string }) {
  // The view is React state mirrored into the URL: updated synchronously (so controlled inputs never
  // flick back while the router catches up), written to the URL at once, and read back from the URL
  // on Back and Forward.
  const [state, setState] = useState(() => parseViewState(new URLSearchParams(initialSearch)));
  const current = useRef(state);
  useEffect(() => {
    const onPop = () => {
      current.current = parseViewState(new URLSearchParams(window.location.search));
      setState(current.current);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const [hoveredId, setHoveredId] = useState<string | null>(null);
  // Ports a panel points at (a possible dark port call under the pointer or focus), ringed on the map.
  const [trackPorts, setTrackPorts] = useState<readonly string[]>([]);
  const mapView = useRef<MapView | null>(null);
  const exportButton = useRef<HTMLButtonElement>(null);
  // Read once: the map opens where the URL says, and reports its moves back into the URL.
  const [initialView] = useState(() => (state.center && state.zoom !== undefined ? { center: state.center, zoom: state.zoom } : undefined));

  const leavingRef = useLeavingPage();
  /** Applies an update to the view as it is now (never a stale copy), and writes it to the URL. */
  const navigate = useCallback((update: Update, mode: 'push' | 'replace') => {
    // Through the URL form and back: the state is exactly what a copied link will restore
    // (rounded numbers included), so this page and a permalink render the same thing.
    const search = viewStateToSearch(update(current.current));
    const next = parseViewState(new URLSearchParams(search));
    const url = `${window.location.pathname}${search}`;
    current.current = next;
    setState(next);
    if (leavingRef.current || url === `${window.location.pathname}${window.location.search}`) return;
    if (mode === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  }, [leavingRef]);

  const time = useTimeState(navigate, current, state.at);

  const voyages = useVoyageFeatures(state);
  const ports = usePorts();
  const vessels = useVessels();

  const select = useCallback(
    (id: string | undefined) => navigate((s) => (s.voyage === id ? s : { ...s, voyage: id }), 'push'),
    [navigate],
  );
  const setFilters = useCallback((patch: Partial<ViewState>) => navigate((s) => ({ ...s, ...patch }), 'replace'), [navigate]);
  const clearFilters = useCallback(() => {
    navigate(withoutFilters, 'replace');
    // The button that was pressed may be gone with the filters: focus goes to the first filter.
    requestAnimationFrame(() => document.querySelector<HTMLElement>('.filters select, .filters input')?.focus());
  }, [navigate]);
  // The ground in view, for the legend (is a border on screen?).
  const [mapBounds, setMapBounds] = useState<Bbox | undefined>(undefined);
  const onViewChange = useCallback(
    (view: MapView) => {
      mapView.current = view;
      setMapBounds(view.bounds);
      navigate(
        (s) => ({
          ...s,
          center: view.center,
          zoom: view.zoom,
          // An export opened from a link without a frame takes the map's view as its frame.
          ...(s.export && !s.export.bbox ? { export: { ...s.export, bbox: view.bounds } } : {}),
        }),
        'replace',
      );
    },
    [navigate],
  );
  const setHidden = useCallback(
    (layer: LayerId, hidden: boolean) =>
      navigate((s) => {
        const rest = (s.hide ?? []).filter((l) => l !== layer);
        return { ...s, hide: hidden ? [...rest, layer] : rest };
      }, 'replace'),
    [navigate],
  );
  const { openExport, closeExport } = useExportOpener(navigate, mapView, exportButton);

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
  const focusDetail = useSelectionFocus(state.voyage);
  const profiles = useProfiles(navigate, current, state, voyages.data);
  const closeVoyage = useCallback(() => select(undefined), [select]);
  const legend = useMapLegend({
    voyages: voyages.data,
    selectedId: state.voyage,
    ports: ports.data?.ports ?? [],
    showGeofences: !(state.hide ?? []).includes('geofences'),
    pins: pins.length,
    showTiles: Boolean(tileLayer) && !(state.hide ?? []).includes('tiles'),
    view: mapBounds,
  });

  return (
    <TimeCursorContext.Provider value={time.cursor}>
    <MapPickContext.Provider value={mapPick}>
    <ProfileNavContext.Provider value={profiles.nav}>
    <TrackHighlightContext.Provider value={setTrackPorts}>
    <div className={`app${state.voyage || state.profile ? ' has-sheet' : ''}`}>
      <SkipLinks />
      <p className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {selectionMessage(voyages.data, state.voyage)}
      </p>
      <header className="app-header">
        <div className="app-header-text">
          <h1>Wakeline</h1>
          <p>
            Reported voyages between Rajin (DPRK) and Russia’s Far East, 2023–2025. The ships sailed with AIS off:
            routes are inferred, dates are windows, and every record names its sources.
          </p>
        </div>
        <div className="header-actions">
          <ShareActions state={state} />
          <button ref={exportButton} type="button" className="button" onClick={openExport} aria-haspopup="dialog">
            Export image
          </button>
          <ImportEntry />
          <AuthStatus />
        </div>
      </header>
      <main className="layout">
        <section className="map-pane" id="map" tabIndex={-1} aria-label="Map of reported voyages">
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
            initialView={initialView}
            onViewChange={onViewChange}
            hidden={state.hide ?? []}
            highlightPortId={state.profile?.kind === 'port' ? state.profile.id : undefined}
            highlightPortIds={trackPorts.length > 0 ? trackPorts : undefined}
            trackFilter={{ vessel: state.vessel, from: state.from, to: state.to }}
          />
          <Legend keys={legend} />
          <TimelinePanel
            state={state}
            hoveredId={hoveredId}
            onSelect={select}
            onHover={setHoveredId}
            onRange={time.onRange}
            onCursorDay={time.onCursorDay}
            onClosedChange={time.onClosedChange}
          />
        </section>
        <aside className="panel" id="panel" tabIndex={-1} aria-label="Filters, voyages and details">
          <SearchBox onChoose={profiles.nav.open} />
          <Filters
            state={state}
            vessels={vessels.data?.vessels ?? []}
            ports={ports.data?.ports ?? []}
            onChange={setFilters}
            onClear={clearFilters}
          />
          <LayerToggles hidden={state.hide ?? []} hasTileLayer={Boolean(tileLayer)} onChange={setHidden} />
          {/* The details come before the list: near the top of the panel, not under every voyage. */}
          {state.profile && <ProfileSlot profile={state.profile} focusOnOpen={profiles.focusOnOpen} onClose={profiles.close} />}
          {state.voyage && (
            <DetailSheet key={state.voyage} label="Voyage details" focusOnOpen={focusDetail} onClose={closeVoyage}>
              <VoyageDetail id={state.voyage} onClose={closeVoyage} />
            </DetailSheet>
          )}
          <VoyageList
            voyages={voyages.data}
            error={voyages.error}
            loading={voyages.isValidating}
            filtered={hasFilters(state)}
            selectedId={state.voyage}
            hoveredId={hoveredId}
            onSelect={select}
            onHover={setHoveredId}
            onClearFilters={clearFilters}
            onRetry={() => void voyages.mutate()}
            sort={state.sort}
            onSortChange={(sort) => setFilters({ sort })}
          />
          <VoyageDownloads state={state} />
          <DeskPanel />
        </aside>
      </main>
      <PrintSheet state={state} voyages={voyages.data} />
      {state.export && (
        <ExportLayer
          mapView={mapView}
          state={state}
          settings={state.export}
          voyages={voyages.data}
          ports={ports.data?.ports}
          vessels={vessels.data?.vessels}
          tileLayer={tileLayer}
          pins={pins}
          onChange={(update) => navigate((s) => (s.export ? { ...s, export: update(s.export) } : s), 'replace')}
          onClose={closeExport}
        />
      )}
    </div>
    </TrackHighlightContext.Provider>
    </ProfileNavContext.Provider>
    </MapPickContext.Provider>
    </TimeCursorContext.Provider>
  );
}
