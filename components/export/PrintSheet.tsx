'use client';
import { useEffect, useMemo } from 'react';
import { type VoyageFeatures, useSources } from '@/lib/client/api';
import { type ViewState, filtersOf } from '@/lib/core/domain/view-state';
import { creditLine, datesLine, dateSpan, defaultSubtitle, defaultTitle } from '@/lib/client/export/compose';
import { openLegendForPrint } from './ShareActions';

/**
 * What a printed page adds to the map (hidden on screen): a title and subtitle above it, and the
 * dates, the sources and the map's credits below it, worded as in an exported image.
 */
export function PrintSheet({ state, voyages }: { state: ViewState; voyages: VoyageFeatures | undefined }) {
  const sources = useSources();
  const text = useMemo(() => {
    const shown = voyages?.features.map((f) => f.properties) ?? [];
    const selected = shown.find((v) => v.id === state.voyage);
    const filters = filtersOf(state);
    const pictured = selected ? [selected] : shown;
    return {
      title: defaultTitle({ filters, voyages: shown, selected }),
      subtitle: defaultSubtitle(pictured),
      dates: datesLine(dateSpan(selected ? {} : filters, pictured)),
      credits: creditLine(pictured, sources.data?.sources ?? []),
    };
  }, [voyages, state, sources.data]);
  useEffect(() => {
    const print = window.matchMedia('print');
    const onChange = (e: MediaQueryListEvent) => e.matches && openLegendForPrint();
    window.addEventListener('beforeprint', openLegendForPrint);
    print.addEventListener('change', onChange);
    return () => {
      window.removeEventListener('beforeprint', openLegendForPrint);
      print.removeEventListener('change', onChange);
    };
  }, []);
  return (
    <>
      <div className="print-only print-head">
        <p className="print-title">{text.title}</p>
        <p>{text.subtitle}</p>
      </div>
      <div className="print-only print-foot" data-testid="print-credits">
        {text.dates && <p>{text.dates}</p>}
        <p>{text.credits}</p>
      </div>
    </>
  );
}
