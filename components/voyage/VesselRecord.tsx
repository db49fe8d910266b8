'use client';
import { useSources, useVessels } from '@/lib/client/api';
import { formatWindow } from '@/lib/core/domain/display';
import type { IdentityEntry, Vessel } from '@/lib/core/domain/schemas';

const EVIDENCE: Record<IdentityEntry['evidence'], string> = {
  source_stated: 'stated by a source',
  third_party_unverified: 'third-party listing, unverified',
  registry_checked: 'checked against a registry',
};

const FIELD: Record<IdentityEntry['field'], string> = {
  name: 'Name',
  flag: 'Flag',
  imo: 'IMO',
  mmsi: 'MMSI',
  callSign: 'Call sign',
  owner: 'Owner',
};

function when(e: IdentityEntry): string {
  const { from, to } = e.window;
  if (!from && !to) return e.current === true ? 'current, undated' : e.current === false ? 'former, undated' : 'undated';
  return `${from ? formatWindow(from) : '?'} – ${to ? formatWindow(to) : e.current ? 'now' : '?'}`;
}

/** The vessel's sanctions as the sources report them, and every identity it has carried. */
export default function VesselRecord({ vesselId }: { vesselId: string }) {
  const vessels = useVessels();
  const sources = useSources();
  const vessel: Vessel | undefined = vessels.data?.vessels.find((x) => x.id === vesselId);
  if (!vessel) return null;
  const publisher = (id: string) => sources.data?.sources.find((s) => s.id === id)?.publisher ?? id;
  return (
    <section aria-labelledby="vessel-record-heading">
      <h3 id="vessel-record-heading">The vessel: {vessel.name}</h3>
      <h4>Sanctions ({vessel.sanctions.length})</h4>
      {vessel.sanctions.length === 0 ? (
        <p className="state">No sanction recorded by the sources.</p>
      ) : (
        <ul className="sightings" aria-label="Sanctions">
          {vessel.sanctions.map((s, n) => (
            <li key={`${s.authority}-${n}`}>
              <strong>{s.authority}</strong>
              {s.listedOn ? `, ${formatWindow(s.listedOn)}` : ', date not given'}
              {s.reference && ` · ${s.reference}`}
              {s.asReported && <span className="as-reported"> (“{s.asReported}”)</span>}
              <span className="source-meta"> · {s.sourceIds.map(publisher).join(', ')}</span>
            </li>
          ))}
        </ul>
      )}
      {vessel.identityHistory.length > 0 && (
        <>
          <h4>Identity history</h4>
          <ul className="sightings" aria-label="Identity history">
            {vessel.identityHistory.map((e, n) => (
              <li key={`${e.field}-${e.value}-${n}`}>
                {FIELD[e.field]}: <strong>{e.value}</strong> ({when(e)}) · {EVIDENCE[e.evidence]}
                <span className="source-meta"> · {e.sourceIds.map(publisher).join(', ')}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
