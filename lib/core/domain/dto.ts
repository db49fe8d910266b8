/**
 * What the HTTP API answers: plain, serialisable shapes shared by route handlers and the browser.
 */
import type { Claim, Confidence, DateWindow, LineStringGeometry, Observation, Port, RouteKind, Source, Vessel } from './schemas';

export interface Ref {
  id: string;
  name: string;
}

/** Computed by lib/core/geo when a voyage is written; never typed in. Distances are spherical. */
export interface VoyageMetrics {
  /** Great-circle distance between the two ports, nautical miles. */
  greatCircleNm: number;
  /** Length of the drawn route (inferred or observed), nautical miles. */
  routeNm: number;
  /** Shortest and longest passage the date windows allow, hours. */
  minHours: number;
  maxHours: number;
  /** Speed over the route implied by the windows; maxKnots is null when the windows allow ~0 h. */
  minKnots: number | null;
  maxKnots: number | null;
  crossesLand: boolean;
}

export interface VoyageSummary {
  id: string;
  vessel: Ref | null;
  origin: Ref;
  destination: Ref;
  departure: DateWindow;
  arrival: DateWindow;
  routeKind: RouteKind;
  confidence: Confidence;
  cargo: string | null;
  sourceIds: string[];
  metrics: VoyageMetrics;
}

export interface VoyageDetail extends VoyageSummary {
  route: LineStringGeometry;
  notes: string | null;
  sources: Source[];
  /** Sightings of the same vessel at either end of the leg, within the leg's date windows. */
  observations: Observation[];
  /** Aggregate claims about this pair of ports (either direction), one per source, never summed. */
  claims: Claim[];
  /** Claims that name one of these ports but not this route (a port's traffic, another route). */
  portClaims: Claim[];
  /** The sources the sightings and claims cite, so that the reader sees who said each. */
  citedSources: Source[];
}

export interface VoyageList {
  voyages: VoyageSummary[];
  total: number;
  limit: number;
  offset: number;
}

export interface NearestPortAnswer {
  port: Port;
  distanceNm: number;
  insideGeofence: boolean;
}

export type { Claim, Observation, Port, Source, Vessel };

export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown };
}
