/**
 * The records an import proposes for review, as desk bodies: its own source, the draft vessels
 * of identities no record holds, and from the detected port calls a draft sighting per call and a
 * draft voyage per pair of consecutive calls at different ports, its route the simplified track
 * between them. Each says it was detected from AIS and cites the import's source.
 */
import 'server-only';
import type { IdentityEntry } from '@/lib/core/domain/schemas';
import { simplifyTrack } from '@/lib/core/track/simplifyTrack';
import type { PortCallEvent, TrackPoint } from '@/lib/core/track/types';
import { eventKey } from './events';
import { type DraftVessel, draftName } from './vessels';

/** Degrees: about 200 m, enough for a route drawn at the scale of a sea crossing. */
const ROUTE_TOLERANCE_DEG = 0.002;
const MAX_ROUTE_VERTICES = 2000;

const day = (t: number) => new Date(t).toISOString().slice(0, 10);
const stamp = (t: number) => new Date(t).toISOString().slice(0, 16).replace('T', ' ');
const minute = (t: number) => `${stamp(t)}Z`;

export interface SourceFacts {
  fileName: string;
  format: string;
  checksum: string;
  sizeBytes: number;
  uploader: string;
  licence: string | null;
  importId: string;
}

export function sourceBody(f: SourceFacts): Record<string, unknown> {
  const today = new Date().toISOString().slice(0, 10);
  return {
    publisher: f.uploader,
    title: f.fileName,
    url: null,
    published: { earliest: today, latest: today, precision: 'day', asReported: `imported ${today}` },
    kind: 'import',
    access: 'direct',
    notes: `Track import ${f.importId}: ${f.fileName} (${f.format}, ${f.sizeBytes} bytes, sha256 ${f.checksum}), uploaded by ${f.uploader}. Licence: ${f.licence ?? 'not stated'}.`,
  };
}

export function vesselBody(d: DraftVessel, sourceId: string, fileName: string): Record<string, unknown> {
  const entry = (field: 'mmsi' | 'imo' | 'name', value: string): IdentityEntry => ({
    field,
    value,
    window: { from: null, to: null },
    evidence: 'source_stated',
    current: null,
    sourceIds: [sourceId],
    notes: `As the positions in ${fileName} give it.`,
  });
  return {
    id: d.id,
    name: draftName(d),
    formerNames: [],
    imo: d.imo,
    imoVerification: d.imo ? 'unverified' : null,
    mmsi: d.mmsi,
    mmsiVerification: d.mmsi ? 'unverified' : null,
    flag: null,
    type: null,
    owner: null,
    sanctions: [],
    identityHistory: [...(d.mmsi ? [entry('mmsi', d.mmsi)] : []), ...(d.imo ? [entry('imo', d.imo)] : []), ...(d.name ? [entry('name', d.name)] : [])],
    sourceIds: [sourceId],
    notes: `Created by the import of ${fileName}: no vessel record held this identity. Detected from AIS; check it and merge it with a known vessel if it is one.`,
  };
}

/** A draft record to create unless one was made for `key` before. */
export interface DraftCandidate {
  key: string;
  kind: 'observation' | 'voyage';
  /** The record in words, for the import's report when the desk refuses it. */
  label: string;
  /** The body, and a second one to try if the desk refuses the first (a voyage's route unsimplified). */
  bodies: ((sourceId: string) => Record<string, unknown>)[];
}

function identification(sourceId: string, words: string) {
  return { method: 'named_by_source', sourceIds: [sourceId], words, readInSourceIds: [], teamReading: null };
}

/** The vertices of the track from `from` to `to` (epoch ms), simplified, as `[lon, lat]`. */
function routeBetween(points: readonly TrackPoint[], from: number, to: number, toleranceDeg: number): [number, number][] {
  const part = points.filter((p) => p.t >= from && p.t <= to);
  const xy = new Float64Array(part.length * 2);
  part.forEach((p, i) => {
    xy[2 * i] = p.lon;
    xy[2 * i + 1] = p.lat;
  });
  let kept = simplifyTrack(xy, toleranceDeg);
  for (let tol = Math.max(toleranceDeg, 1e-5) * 2; kept.length > MAX_ROUTE_VERTICES; tol *= 2) kept = simplifyTrack(xy, tol);
  return [...kept].map((i) => [part[i]!.lon, part[i]!.lat]);
}

/**
 * Draft sightings and voyages from one vessel's port calls (in time order) and its track; only
 * those whose key `wanted` accepts (not made before, within the cap) are built, so no route is
 * simplified for a draft that will not be made.
 */
export function draftCandidates(
  vesselId: string,
  words: string,
  calls: readonly PortCallEvent[],
  points: readonly TrackPoint[],
  wanted: (key: string) => boolean,
): DraftCandidate[] {
  const out: DraftCandidate[] = [];
  for (const c of calls) {
    const key = `observation|${eventKey(vesselId, c)}`;
    if (!wanted(key)) continue;
    out.push({
      key,
      kind: 'observation',
      label: `at ${c.portId} from ${stamp(c.arrival)} UTC`,
      bodies: [
        (sourceId) => ({
        vesselId,
        vesselDescription: null,
        portId: c.portId,
        position: null,
        placeName: null,
        activity: 'in-port',
        window: { earliest: day(c.arrival), latest: day(c.departure), precision: 'day', asReported: `detected from AIS: in port ${minute(c.arrival)} to ${minute(c.departure)}` },
        identification: identification(sourceId, words),
        sourceIds: [sourceId],
        notes: `Detected from AIS: ${c.fixes} fixes at low speed inside the geofence, ${c.dwellHours.toFixed(1)} hours.`,
        }),
      ],
    });
  }
  for (let i = 1; i < calls.length; i++) {
    const a = calls[i - 1]!;
    const b = calls[i]!;
    if (a.portId === b.portId) continue;
    const key = `voyage|${vesselId}|${a.portId}|${a.departure}|${b.portId}|${b.arrival}`;
    if (!wanted(key)) continue;
    const simplified = routeBetween(points, a.departure, b.arrival, ROUTE_TOLERANCE_DEG);
    if (simplified.length < 2) continue;
    const body = (route: [number, number][]) => (sourceId: string) => ({
        vesselId,
        originPortId: a.portId,
        destinationPortId: b.portId,
        departure: { earliest: day(a.departure), latest: day(a.departure), precision: 'day', asReported: `detected from AIS: left ${minute(a.departure)}` },
        arrival: { earliest: day(b.arrival), latest: day(b.arrival), precision: 'day', asReported: `detected from AIS: arrived ${minute(b.arrival)}` },
        observedRoute: { type: 'LineString', coordinates: route },
        cargo: null,
        confidence: 'reported',
        basis: { kind: 'detected_from_ais' },
        identification: identification(sourceId, words),
        sourceIds: [sourceId],
        notes: 'Detected from AIS: the leg between two consecutive port calls; the route is the track, simplified.',
      });
    out.push({
      key,
      kind: 'voyage',
      label: `${a.portId} ${stamp(a.departure)} → ${b.portId} ${stamp(b.arrival)} UTC`,
      // Simplifying can cut a corner over land; the track as recorded may not.
      bodies: [body(simplified), body(routeBetween(points, a.departure, b.arrival, 0))],
    });
  }
  return out;
}
