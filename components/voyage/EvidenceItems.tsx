'use client';
import { formatWindow } from '@/lib/core/domain/display';
import { formatCount, hedgeWords, identificationLabel } from '@/lib/core/domain/hedges';
import type { Claim, Observation, Source } from '@/lib/core/domain/schemas';
import Linkified from '../Linkified';

const ACCESS: Record<Source['access'], string> = {
  direct: 'read in the original',
  mirror: 'read via a faithful mirror',
  secondary: 'known only from a report about it',
};

/** The id a sighting's list item carries, so the voyage's basis can link to it. */
export const sightingAnchor = (id: string) => `sighting-${id}`;

const publisherOf = (sources: ReadonlyMap<string, Source>) => (id: string) => sources.get(id)?.publisher ?? id;

export function SourceItem({ source: s }: { source: Source }) {
  return (
    <li>
      {s.url ? (
        <a href={s.url} target="_blank" rel="noopener noreferrer">
          {s.title}
        </a>
      ) : (
        <span>{s.title}</span>
      )}
      <div className="source-meta">
        {s.publisher}, {s.published ? formatWindow(s.published) : 'undated'} · {s.kind} · {ACCESS[s.access]}
      </div>
      {s.notes && (
        <div className="source-notes">
          <Linkified text={s.notes} />
        </div>
      )}
    </li>
  );
}

export function SightingItem({
  observation: o,
  vesselName,
  sources,
}: {
  observation: Observation;
  vesselName: string | null;
  sources: ReadonlyMap<string, Source>;
}) {
  const hedges = hedgeWords(o);
  const names = new Map([...sources].map(([id, s]) => [id, s.publisher]));
  return (
    <li id={sightingAnchor(o.id)}>
      <strong>{formatWindow(o.window)}</strong>: {o.activity.replace('-', ' ')}
      {o.placeName ? ` at ${o.placeName}` : ''}
      {hedges.length > 0 && <span className="as-reported"> ({hedges.join(', ')})</span>}
      <span className="source-meta"> · {o.sourceIds.map(publisherOf(sources)).join(', ')}</span>
      {o.identification && (o.identification.method !== 'named_by_source' || o.identification.teamReading) && (
        <div className="source-meta">{identificationLabel(o.identification, o.vesselId === null ? null : vesselName, names)}</div>
      )}
    </li>
  );
}

/** One source's claim: its count as the source qualified it, its words, who made it and where it was read. */
export function ClaimCard({ claim: c, sources }: { claim: Claim; sources: ReadonlyMap<string, Source> }) {
  const source = sources.get(c.sourceId);
  const count = formatCount(c);
  return (
    <figure className="claim">
      {count !== null && (
        <div className="claim-count">
          {count}
          {c.countAsReported && <span> (“{c.countAsReported}”)</span>}
        </div>
      )}
      <blockquote>{c.statement}</blockquote>
      <figcaption>
        {source ? `${source.publisher}${source.published ? `, ${formatWindow(source.published)}` : ''}` : c.sourceId}
        {c.readInSourceIds.length > 0 && ` · read in ${c.readInSourceIds.map(publisherOf(sources)).join(', ')}`}
        {c.period ? ` · about ${formatWindow(c.period)}` : ''}
      </figcaption>
    </figure>
  );
}
