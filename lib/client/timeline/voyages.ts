/** The API's voyages, sightings and claims as the timeline's model and its text alternative need them. */
import type { VoyageSummary } from '@/lib/core/domain/dto';
import { formatWindow } from '@/lib/core/domain/display';
import { hedgedVesselName } from '@/lib/core/domain/hedges';
import type { Claim, Observation } from '@/lib/core/domain/schemas';
import type { VoyageTimes } from '@/lib/core/time/possibleProgress';
import { type TimelineModel, timelineModel } from '@/lib/core/time/timeline';

export interface VoyageInfo {
  id: string;
  times: VoyageTimes;
  summary: VoyageSummary;
}

export interface TimelineData {
  model: TimelineModel;
  /** The voyages the model draws, by earliest departure (then latest arrival). */
  ordered: VoyageInfo[];
  byId: Map<string, VoyageInfo>;
}

/**
 * The model, and the voyages it draws in time order. Nothing here formats text: with 10,000
 * voyages that alone would take longer than the drawing (voyageText does it for the few shown).
 */
export function timelineData(voyages: readonly VoyageSummary[], sightings: readonly Observation[] = [], claims: readonly Claim[] = []): TimelineData {
  const model = timelineModel(
    voyages.map((v) => ({ id: v.id, vesselId: v.vessel?.id ?? null, vesselLabel: v.vessel?.name ?? 'Unidentified vessels', departure: v.departure, arrival: v.arrival })),
    sightings.flatMap((o) =>
      o.vesselId ? [{ id: o.id, vesselIds: [o.vesselId], window: o.window, label: `${o.activity}${o.placeName ? ` at ${o.placeName}` : ''}` }] : [],
    ),
    claims.flatMap((c) => (c.period && c.vesselIds.length ? [{ id: c.id, vesselIds: c.vesselIds, window: c.period, label: c.statement }] : [])),
  );
  const summaries = new Map(voyages.map((v) => [v.id, v]));
  const ordered: VoyageInfo[] = [];
  for (const row of model.rows) for (const b of row.bars) ordered.push({ id: b.id, times: b, summary: summaries.get(b.id)! });
  ordered.sort((a, b) => a.times.d1 - b.times.d1 || a.times.a2 - b.times.a2 || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { model, ordered, byId: new Map(ordered.map((v) => [v.id, v])) };
}

export interface VoyageText {
  /** The vessel with its hedges: "Lady R (believed)". */
  vessel: string;
  origin: string;
  destination: string;
  departure: string;
  arrival: string;
}

export function voyageText(v: VoyageInfo): VoyageText {
  const s = v.summary;
  return {
    vessel: hedgedVesselName(s.vessel?.name ?? null, s),
    origin: s.origin.name,
    destination: s.destination.name,
    departure: formatWindow(s.departure),
    arrival: formatWindow(s.arrival),
  };
}

/** The tooltip's lines for a voyage. */
export function describeVoyage(v: VoyageInfo): string[] {
  const t = voyageText(v);
  return [t.vessel, `${t.origin} → ${t.destination}`, `Departed ${t.departure}`, `Arrived ${t.arrival}`];
}
