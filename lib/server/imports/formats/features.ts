import 'server-only';
import type { Feature, Geometry, Position } from 'geojson';
import type { ParsedRow, RowIdentity } from '@/lib/core/track/types';
import { parseAnyTime } from './time';
import { clip, coordinateProblem, courseDegrees, readIdentity, speedKnots } from './values';

type Properties = Record<string, unknown>;

const TIME_KEYS = ['time', 'timestamp', 'BaseDateTime', 'datetime', 'when'];

function first(props: Properties, keys: string[]): unknown {
  for (const key of keys) if (props[key] !== undefined && props[key] !== null && props[key] !== '') return props[key];
  return undefined;
}

/** Per-vertex times: GeoJSON's `coordTimes` or `times`, or togeojson's `coordinateProperties.times`. */
function vertexTimes(props: Properties): unknown {
  const nested = props.coordinateProperties as Properties | undefined;
  return props.coordTimes ?? props.times ?? nested?.times;
}

function timeOf(raw: unknown): number {
  if (typeof raw === 'number') return raw >= 1e11 ? raw : raw * 1000;
  return typeof raw === 'string' ? parseAnyTime(raw) : NaN;
}

/**
 * Turns GeoJSON features (a GeoJSON file's, or togeojson's from GPX and KML) into rows, one per
 * point: a Point with a time property (`time`, `timestamp`, `BaseDateTime`), or each vertex of a
 * (Multi)LineString with its time from `coordTimes`/`times`. `line` is the 1-based index of the
 * point in the file (vertices counted in order); `next` hands them out across calls.
 */
export function* featureRows(features: readonly Feature[], next: () => number): Generator<ParsedRow> {
  for (const feature of features) {
    const props: Properties = feature.properties ?? {};
    const timespan = props.timespan as Properties | undefined;
    const { identity, problem } = readIdentity(first(props, ['mmsi', 'MMSI']), first(props, ['imo', 'IMO']), first(props, ['name', 'vesselName', 'VesselName', 'shipname']));
    const geometry: Geometry | null = feature.geometry;
    if (geometry?.type === 'Point') {
      const sog = speedKnots(first(props, ['sog', 'SOG', 'speed']));
      const cog = courseDegrees(first(props, ['cog', 'COG', 'course']));
      yield fix(next(), geometry.coordinates, first(props, TIME_KEYS) ?? timespan?.begin, identity, problem, sog, cog);
    } else if (geometry?.type === 'LineString' || geometry?.type === 'MultiPoint') {
      const times = vertexTimes(props);
      for (const [i, position] of geometry.coordinates.entries()) yield fix(next(), position, Array.isArray(times) ? times[i] : undefined, identity, problem);
    } else if (geometry?.type === 'MultiLineString') {
      const times = vertexTimes(props);
      for (const [j, line] of geometry.coordinates.entries()) {
        const lineTimes: unknown = Array.isArray(times) ? times[j] : undefined;
        for (const [i, position] of line.entries()) yield fix(next(), position, Array.isArray(lineTimes) ? lineTimes[i] : undefined, identity, problem);
      }
    } else {
      yield { line: next(), error: `${geometry ? geometry.type : 'a feature without geometry'} is not a track (expected a Point or a LineString with times)` };
    }
  }
}

function fix(line: number, position: Position, rawTime: unknown, identity: RowIdentity, problem: string | undefined, sog: number | null = null, cog: number | null = null): ParsedRow {
  if (problem) return { line, error: problem };
  const [lon, lat] = position;
  const where = coordinateProblem('latitude', lat, 90) ?? coordinateProblem('longitude', lon, 180);
  if (where) return { line, error: where };
  if (rawTime === undefined || rawTime === null || rawTime === '') return { line, error: 'no time' };
  const t = timeOf(rawTime);
  if (Number.isNaN(t)) return { line, error: `time '${clip(rawTime)}' is not a date` };
  return { line, identity, point: { t, lon: Number(lon), lat: Number(lat), sog, cog } };
}
