'use client';
import { basisLabel, identificationLabel } from '@/lib/core/domain/hedges';
import type { Identification, Observation, Source, VoyageBasis } from '@/lib/core/domain/schemas';
import { formatWindow } from '@/lib/core/domain/display';
import { sightingAnchor } from './EvidenceItems';

interface Props {
  identification: Identification | null;
  basis: VoyageBasis | null;
  vesselName: string | null;
  observations: readonly Observation[];
  sources: ReadonlyMap<string, Source>;
}

/**
 * How the voyage is known, shown before its confidence: who identified the ship and in what words,
 * and whether a source reports the leg or the team joined it from two sightings.
 */
export default function HowKnown({ identification: i, basis, vesselName, observations, sources }: Props) {
  const names = new Map([...sources].map(([id, s]) => [id, s.publisher]));
  const publisher = (id: string) => sources.get(id)?.publisher ?? id;
  return (
    <dl className="metrics how-known">
      <dt>Identification</dt>
      <dd data-testid="identification">
        {identificationLabel(i, vesselName, names)}
        {i && i.method !== 'unidentified' && (
          <div className="as-reported">
            In the source’s words: “{i.words}”
            {i.readInSourceIds.length > 0 && ` (read in ${i.readInSourceIds.map(publisher).join(', ')})`}
          </div>
        )}
        {i?.teamReading && <div className="as-reported">The team’s reading: {i.teamReading}</div>}
      </dd>
      <dt>Basis</dt>
      <dd data-testid="basis">
        {basisLabel(basis)}
        {basis?.kind === 'inferred_from_sightings' && (
          <>
            {': '}
            {basis.observationIds.map((id, n) => {
              const o = observations.find((x) => x.id === id);
              const text = o ? `${formatWindow(o.window)}, ${o.activity.replace('-', ' ')}` : id;
              return (
                <span key={id}>
                  {n > 0 && ' and '}
                  {o ? <a href={`#${sightingAnchor(id)}`}>{text}</a> : text}
                </span>
              );
            })}
            . No source reports this voyage.
          </>
        )}
      </dd>
    </dl>
  );
}
