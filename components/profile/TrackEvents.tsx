'use client';
import { usePorts } from '@/lib/client/api';
import { useTrackEvents } from '@/lib/client/api/tracks';
import { formatNm } from '@/lib/core/domain/display';
import type { DetectionParams, EventDto } from '@/lib/core/track/types';
import { useTrackHighlight } from '../imports/trackHighlight';
import ProfileLink from './ProfileLink';

type Of<K extends EventDto['kind']> = Extract<EventDto, { kind: K }>;

/** "2024-09-01 06:00 UTC": minutes are what AIS times are worth here. */
const utc = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;
const hours = (h: number) => `${h.toFixed(1)} h`;
const knots = (kn: number) => `${kn.toFixed(1)} kn`;

function Params({ params }: { params: DetectionParams }) {
  return (
    <p className="fine-print" data-testid="detection-params">
      Detected from AIS with these parameters: a port call is at most {params.portCallMaxKnots} kn inside a port’s geofence for at
      least {params.portCallMinDwellHours} h; a gap is a silence longer than {params.gapMinHours} h; a possible dark port call is a
      port the ship could have reached, stayed {params.darkMinPortHours} h in and left again within the gap at up to{' '}
      {params.darkTopSpeedKnots} kn along the sea graph. Distances are spherical (turf), within about 0.5%.
    </p>
  );
}

/**
 * A vessel's events detected from its imported AIS track: port calls, gaps (silences), and the
 * ports it could have called at while dark, each possible call highlighting its port on the map
 * while pointed at or focused. Nothing is shown for a vessel with no imported track.
 */
export default function TrackEvents({ vesselId }: { vesselId: string }) {
  const { data, error } = useTrackEvents({ vessel: vesselId });
  const ports = usePorts();
  const highlight = useTrackHighlight();
  if (error) return <p className="state state-error">Could not load the events detected from AIS: {error.message}</p>;
  if (!data || data.events.length === 0) return null;
  const name = new Map((ports.data?.ports ?? []).map((p) => [p.id, p.name]));
  const port = (id: string) => <ProfileLink to={{ kind: 'port', id }}>{name.get(id) ?? id}</ProfileLink>;
  const calls = data.events.filter((e): e is Of<'port_call'> => e.kind === 'port_call');
  const gaps = data.events.filter((e): e is Of<'gap'> => e.kind === 'gap');
  // Most time to spare first: the likeliest calls lead.
  const dark = data.events.filter((e): e is Of<'possible_port_call'> => e.kind === 'possible_port_call').sort((a, b) => b.marginHours - a.marginHours);
  return (
    <section className="track-events" aria-labelledby={`track-events-${vesselId}`}>
      <h3 id={`track-events-${vesselId}`}>Detected from AIS</h3>
      <Params params={data.params} />
      <h4 id={`port-calls-${vesselId}`}>Port calls ({calls.length})</h4>
      <ul className="sightings" aria-labelledby={`port-calls-${vesselId}`} data-testid="port-calls">
        {calls.map((e) => (
          <li key={e.id}>
            <strong>{port(e.portId)}</strong>: {utc(e.arrival)} – {utc(e.departure)} · dwell {hours(e.dwellHours)} · {e.fixes} fixes
          </li>
        ))}
      </ul>
      <h4 id={`gaps-${vesselId}`}>AIS gaps ({gaps.length})</h4>
      <ul className="sightings" aria-labelledby={`gaps-${vesselId}`} data-testid="gaps">
        {gaps.map((e) => (
          <li key={e.id}>
            Silent <strong>{hours(e.hours)}</strong>: last fix {utc(e.from.time)} → next fix {utc(e.to.time)} · {formatNm(e.seaDistanceNm)} by sea ·
            at least {knots(e.minSpeedKnots)} on average
          </li>
        ))}
      </ul>
      <h4 id={`dark-calls-${vesselId}`}>Possible dark port calls ({dark.length})</h4>
      <p className="fine-print">Ports the ship could have called at during a gap: possible, not observed. Point at one to see it on the map.</p>
      <ul className="sightings" aria-labelledby={`dark-calls-${vesselId}`} data-testid="possible-port-calls">
        {dark.map((e) => (
          <li
            key={e.id}
            data-port={e.portId}
            onMouseEnter={() => highlight([e.portId])}
            onMouseLeave={() => highlight([])}
            onFocus={() => highlight([e.portId])}
            onBlur={() => highlight([])}
          >
            <strong>{port(e.portId)}</strong>: {hours(e.marginHours)} to spare · {formatNm(e.inNm)} in, {formatNm(e.outNm)} out · in the gap{' '}
            {utc(e.gap.from.time)} → {utc(e.gap.to.time)}
          </li>
        ))}
      </ul>
    </section>
  );
}
