/**
 * Which sightings and claims bear on one voyage: the rules behind a voyage's detail page.
 */
import type { Claim, DateWindow, Observation } from './schemas';

/** What the rules need about the voyage: its two ports and its two date windows. */
export interface Leg {
  originPortId: string;
  destinationPortId: string;
  departure: Pick<DateWindow, 'earliest' | 'latest'>;
  arrival: Pick<DateWindow, 'earliest' | 'latest'>;
}

export interface VoyageEvidence<O extends Observation = Observation, C extends Claim = Claim> {
  /** Sightings at either end of the leg whose window overlaps the departure or the arrival window. */
  sightings: O[];
  /** Claims about this pair of ports, in either direction. */
  routeClaims: C[];
  /** The other claims: they name one of the leg's ports but not this route. */
  portClaims: C[];
  /** Every source the sightings and the claims cite, once each, in order of first citation. */
  citedSourceIds: string[];
}

/** Whether two day windows share at least one day (ISO days compare as strings). */
const overlaps = (a: Pick<DateWindow, 'earliest' | 'latest'>, b: Pick<DateWindow, 'earliest' | 'latest'>) =>
  a.earliest <= b.latest && a.latest >= b.earliest;

/**
 * Sorts the evidence about a leg: the vessel's sightings that belong to it, and the claims about
 * its route apart from the claims about its ports. A claim is about the route when it names two
 * different ports and both are the leg's ends (either direction); one naming a single end, or one
 * end and another port, is about the port.
 *
 * @param leg - the voyage's ports and windows
 * @param observations - sightings of the voyage's vessel (any port, any date; order kept)
 * @param claims - claims naming either of the leg's ports (order kept)
 * @returns the sightings, route claims, port claims and the sources they cite
 * @example
 * voyageEvidence({ originPortId: 'rajin', destinationPortId: 'dunai', departure, arrival }, observations, claims);
 * // { sightings: [rajin loading 2023-09-07], routeClaims: [rajin→dunai], portClaims: [rajin→vostochny], citedSourceIds: [...] }
 */
export function voyageEvidence<O extends Observation, C extends Claim>(
  leg: Leg,
  observations: readonly O[],
  claims: readonly C[],
): VoyageEvidence<O, C> {
  const ends = new Set([leg.originPortId, leg.destinationPortId]);
  const sightings = observations.filter(
    (o) => o.portId !== null && ends.has(o.portId) && (overlaps(o.window, leg.departure) || overlaps(o.window, leg.arrival)),
  );
  const aboutRoute = (c: Claim) =>
    c.originPortId !== null &&
    c.destinationPortId !== null &&
    c.originPortId !== c.destinationPortId &&
    ends.has(c.originPortId) &&
    ends.has(c.destinationPortId);
  return {
    sightings,
    routeClaims: claims.filter(aboutRoute),
    portClaims: claims.filter((c) => !aboutRoute(c)),
    citedSourceIds: [...new Set([...sightings.flatMap((o) => o.sourceIds), ...claims.map((c) => c.sourceId)])],
  };
}
