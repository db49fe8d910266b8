/**
 * Detected events in the database: each vessel's set is replaced whenever its track changes (in
 * the import's final transaction), each event keyed by what it is (kind, port, times) so the same
 * event detected again keeps its id and is never drafted twice. GET /api/events reads them here.
 */
import 'server-only';
import { hash } from 'node:crypto';
import type { Visibility } from '@/lib/core/domain/records';
import type { EventDto, FixDto, Fix, TrackEvent, TrackEventKind } from '@/lib/core/track/types';
import type { DB } from '@/lib/server/db';
import { insertValues } from '@/lib/server/db/insert-values';
import { visibleImports } from './visible';

/** What the event is, independent of when it was detected: kind, vessel, port and times. */
export function eventKey(vesselId: string, e: TrackEvent): string {
  switch (e.kind) {
    case 'port_call':
      return `port_call|${vesselId}|${e.portId}|${e.arrival}|${e.departure}`;
    case 'gap':
      return `gap|${vesselId}|${e.from.t}|${e.to.t}`;
    case 'possible_port_call':
      return `possible_port_call|${vesselId}|${e.portId}|${e.gap.from.t}|${e.gap.to.t}`;
  }
}

const eventId = (key: string) => hash('sha256', key, 'hex').slice(0, 20);

/** The event's first and last instant, epoch ms. */
export function eventSpan(e: TrackEvent): [number, number] {
  switch (e.kind) {
    case 'port_call':
      return [e.arrival, e.departure];
    case 'gap':
      return [e.from.t, e.to.t];
    case 'possible_port_call':
      return [e.gap.from.t, e.gap.to.t];
  }
}

export interface EventRow {
  id: string;
  vessel_id: string;
  kind: TrackEventKind;
  key: string;
  data: string;
  t_start: number;
  t_end: number;
  import_ids: string;
}

const EVENT_COLUMNS = ['id', 'vessel_id', 'kind', 'key', 'data', 't_start', 't_end', 'import_ids'] as const;
/** Rows per INSERT: 8 columns each, 2,000 parameters. */
const EVENTS_PER_STATEMENT = 250;

/** Inserts event rows inside the caller's transaction (tens of thousands come with a million fixes). */
export async function insertEventRows(trx: DB, rows: readonly EventRow[]): Promise<void> {
  await insertValues(trx, 'track_events', EVENT_COLUMNS, rows.flatMap((r) => EVENT_COLUMNS.map((c) => r[c])), { rowsPerStatement: EVENTS_PER_STATEMENT });
}

/** The row of an event of `vesselId`, credited to the imports whose fixes it spans. */
export function eventRow(vesselId: string, e: TrackEvent, importIds: string[]): EventRow {
  const key = eventKey(vesselId, e);
  const [start, end] = eventSpan(e);
  return { id: eventId(key), vessel_id: vesselId, kind: e.kind, key, data: JSON.stringify(e), t_start: start, t_end: end, import_ids: JSON.stringify(importIds) };
}

const iso = (t: number) => new Date(t).toISOString();
const fixDto = (f: Fix): FixDto => ({ time: iso(f.t), lon: f.lon, lat: f.lat });

function eventDto(r: { id: string; vessel_id: string; data: string; import_ids: string }): EventDto {
  const base = { id: r.id, vesselId: r.vessel_id, importIds: JSON.parse(r.import_ids) as string[] };
  const e = JSON.parse(r.data) as TrackEvent;
  switch (e.kind) {
    case 'port_call':
      return { ...base, kind: e.kind, portId: e.portId, arrival: iso(e.arrival), departure: iso(e.departure), dwellHours: e.dwellHours, fixes: e.fixes };
    case 'gap':
      return { ...base, kind: e.kind, from: fixDto(e.from), to: fixDto(e.to), hours: e.hours, seaDistanceNm: e.seaDistanceNm, minSpeedKnots: e.minSpeedKnots };
    case 'possible_port_call':
      return {
        ...base,
        kind: e.kind,
        portId: e.portId,
        gap: { from: fixDto(e.gap.from), to: fixDto(e.gap.to) },
        inNm: e.inNm,
        outNm: e.outNm,
        marginHours: e.marginHours,
      };
  }
}

/**
 * The events `visibility` may see, in time order: a signed-out reader sees those of published
 * vessels whose every import is visible to them (published source).
 */
export async function readEvents(
  db: DB,
  visibility: Visibility,
  filter: { vessel?: string; kind?: TrackEventKind; sinceMs?: number; untilMs?: number },
): Promise<EventDto[]> {
  let q = db
    .selectFrom('track_events')
    .innerJoin('vessels', 'vessels.id', 'track_events.vessel_id')
    .select(['track_events.id', 'track_events.vessel_id', 'track_events.data', 'track_events.import_ids'])
    .where('vessels.deleted_at', 'is', null);
  if (visibility === 'published') q = q.where('vessels.status', '=', 'published');
  if (filter.vessel) q = q.where('track_events.vessel_id', '=', filter.vessel);
  if (filter.kind) q = q.where('track_events.kind', '=', filter.kind);
  // An event is kept when it overlaps the window: a port call begun before the first day still shows.
  if (filter.sinceMs !== undefined) q = q.where('track_events.t_end', '>=', filter.sinceMs);
  if (filter.untilMs !== undefined) q = q.where('track_events.t_start', '<', filter.untilMs);
  const rows = await q.orderBy('track_events.vessel_id').orderBy('track_events.t_start').orderBy('track_events.id').execute();
  const visible = new Set((await visibleImports(db, visibility)).values());
  return rows.filter((r) => (JSON.parse(r.import_ids) as string[]).every((id) => visible.has(id))).map(eventDto);
}
