/**
 * Tracks: positions imported from AIS, GPS or a track file, and the events detected in them.
 *
 * The shared contract of issue 12: parsers (lib/server/imports/formats) produce {@link ParsedRow}s,
 * the import pipeline (lib/server/imports) stores {@link TrackPoint}s, detection (lib/core/track)
 * turns a vessel's points into {@link TrackEvent}s, and the API and the map read the DTOs at the end.
 * Times are milliseconds since the epoch (UTC) inside the code and ISO 8601 strings in the API.
 */

/** One fix: where and when, with what the transponder said about its motion when it said it. */
export interface TrackPoint {
  /** Epoch milliseconds, UTC. */
  t: number;
  lon: number;
  lat: number;
  /** Speed over ground in knots; null when the source has none (GPX, KML) or says "not available". */
  sog: number | null;
  /** Course over ground in degrees; null when unknown. */
  cog: number | null;
}

/**
 * A fix whose geofence is already settled elsewhere (on PostgreSQL, by the database: see
 * lib/server/imports/geofence-sql.ts): `port` is the id of the port whose geofence holds it (the
 * nearest if several do) or null when none does; absent (undefined) when not settled, and detection
 * classifies the fix itself. Only an answer detection's own would equal belongs here.
 */
export interface ClassifiedPoint extends TrackPoint {
  port?: string | null;
}

/** Who a row says the ship is. At least one field is set, or the import's `--vessel` applies. */
export interface RowIdentity {
  /** 9 digits as text (leading zeros matter). */
  mmsi?: string;
  /** 7 digits as text, check digit not yet validated. */
  imo?: string;
  name?: string;
}

/** A parser's verdict on one line (or one message, one placemark): a fix, or the reason it is unusable. */
export type ParsedRow =
  | { line: number; identity: RowIdentity; point: TrackPoint }
  | { line: number; error: string };

/** The formats an import understands. */
export const TRACK_FORMATS = ['csv', 'nmea', 'gpx', 'kml', 'kmz', 'geojson'] as const;
export type TrackFormat = (typeof TRACK_FORMATS)[number];

/** Built-in CSV column sets; `mapping` is the user's own, confirmed in the upload dialog. */
export const CSV_PRESETS = ['marinecadastre', 'dma', 'gfw'] as const;
export type CsvPreset = (typeof CSV_PRESETS)[number];

/** Which column holds what, by header name, for a CSV no preset matches. */
export interface CsvMapping {
  time: string;
  lat: string;
  lon: string;
  mmsi?: string;
  imo?: string;
  name?: string;
  sog?: string;
  cog?: string;
}

/** Parameters of detection, shown beside every result in the UI and the API. */
export interface DetectionParams {
  /** A port call needs speed at or below this (knots) ... */
  portCallMaxKnots: number;
  /** ... inside the port's geofence for at least this long (hours). */
  portCallMinDwellHours: number;
  /** A silence longer than this (hours) is an AIS gap. */
  gapMinHours: number;
  /** Top speed a ship is assumed capable of while dark (knots), for possible dark port calls. */
  darkTopSpeedKnots: number;
  /** Time a possible dark port call must allow in port (hours). */
  darkMinPortHours: number;
}

export const DEFAULT_DETECTION: DetectionParams = {
  portCallMaxKnots: 1,
  portCallMinDwellHours: 2,
  gapMinHours: 6,
  darkTopSpeedKnots: 14,
  darkMinPortHours: 2,
};

/** The fix before or after a gap. */
export interface Fix {
  t: number;
  lon: number;
  lat: number;
}

export interface PortCallEvent {
  kind: 'port_call';
  portId: string;
  /** First and last fix inside the geofence at low speed, epoch ms. */
  arrival: number;
  departure: number;
  dwellHours: number;
  fixes: number;
}

export interface GapEvent {
  kind: 'gap';
  from: Fix;
  to: Fix;
  hours: number;
  /** Shortest distance by sea between the two fixes (the sea graph), nautical miles. */
  seaDistanceNm: number;
  /** seaDistanceNm / hours: the least average speed the silence implies. */
  minSpeedKnots: number;
}

export interface PossiblePortCallEvent {
  kind: 'possible_port_call';
  portId: string;
  /** The gap it could have happened in (its index in the detected gaps of the same vessel). */
  gap: { from: Fix; to: Fix };
  /** Sea distance last fix → port and port → next fix, nautical miles. */
  inNm: number;
  outNm: number;
  /** Hours to spare: gap hours − (inNm + outNm) / darkTopSpeedKnots − darkMinPortHours (≥ 0). */
  marginHours: number;
}

export type TrackEvent = PortCallEvent | GapEvent | PossiblePortCallEvent;
export type TrackEventKind = TrackEvent['kind'];

/**
 * GET /api/tracks: each vessel's imported fixes in time order, as columns (1,000,000 fixes as
 * objects would be four times the JSON). Entries of one index belong together.
 */
export interface TrackDto {
  vesselId: string;
  vesselName: string;
  /** Epoch seconds, ascending. */
  t: number[];
  /** Interleaved [lon0, lat0, lon1, lat1, ...], 5 decimals (about a metre). */
  coords: number[];
  /** Speed over ground in knots, null when not reported. */
  sog: (number | null)[];
  /** Course over ground in degrees, null when not reported; optional: the map's hover shows it when given. */
  cog?: (number | null)[];
}

/** GET /api/events: a detected event as the API gives it (times ISO 8601 UTC). */
export type EventDto = { id: string; vesselId: string; importIds: string[] } & (
  | { kind: 'port_call'; portId: string; arrival: string; departure: string; dwellHours: number; fixes: number }
  | { kind: 'gap'; from: FixDto; to: FixDto; hours: number; seaDistanceNm: number; minSpeedKnots: number }
  | { kind: 'possible_port_call'; portId: string; gap: { from: FixDto; to: FixDto }; inNm: number; outNm: number; marginHours: number }
);
export interface FixDto {
  time: string;
  lon: number;
  lat: number;
}

/**
 * Shortest distance by sea between two `[lon, lat]` positions, nautical miles; Infinity when no
 * route exists. Injected into detection so lib/core/track needs neither the land nor the graph;
 * never shorter than the great-circle distance (detection prunes with that bound) and symmetric.
 */
export type SeaDistanceNm = (a: [number, number], b: [number, number]) => number;
