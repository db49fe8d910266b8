/** Anything with an id, a `[lon, lat]` position and a circular geofence radius in nautical miles. */
export interface GeofencedPort {
  id: string;
  position: [number, number];
  geofenceRadiusNm: number;
}

/** A date window of whole UTC days: from 00:00Z of `earliest` to 24:00Z of `latest`. */
export interface DayWindow {
  earliest: string;
  latest: string;
}

/** Shortest and longest possible duration between two windows, in hours. */
export interface Duration {
  minHours: number;
  maxHours: number;
}

/** Implied average speed range; `maxKnots` is null when the shortest duration is 0 (unbounded). */
export interface SpeedRange {
  minKnots: number;
  maxKnots: number | null;
}

/** A hand-placed sea waypoint (open water). */
export interface SeaWaypoint {
  id: string;
  position: [number, number];
  name: string;
}

/** Visibility graph over sea waypoints: an edge joins two waypoints whose segment avoids land. */
export interface SeaGraph {
  nodes: SeaWaypoint[];
  edges: { from: string; to: string; lengthNm: number }[];
}

/** Options shared by the land-crossing checks. */
export interface BerthToleranceOptions {
  /**
   * Ignore the parts of the line within this many nautical miles of its first and of its last
   * point (port reference points may sit on land or on a quay). Default 0: strict.
   */
  ignoreWithinNmOfEnds?: number;
  /**
   * Land the line enters no deeper than this many nautical miles from the coastline does not count
   * (a recorded track against a generalised coastline; see COAST_SLACK_NM). Default 0: strict.
   */
  coastSlackNm?: number;
}
