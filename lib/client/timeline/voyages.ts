/** The API's voyages, sightings and claims as the timeline's model and its text alternative need them. */
import type { VoyageSummary } from '@/lib/core/domain/dto';
import { hedgedVesselName } from '@/lib/core/domain/hedges';
import type { Claim, Observation } from '@/lib/core/domain/schemas';
import { type VoyageTimes, voyageTimes } from '@/lib/core/time/possibleProgress';
import { type TimelineModel, timelineModel } from '@/lib/core/time/timeline';
import { windowLabel } from './format';

export interface VoyageInfo {
  id: string;
  /** The vessel with its hedges: "Lady R (believed)". */
  vessel: string;
  origin: string;
  destination: string;
  departureLabel: string;
  arrivalLabel: string;
  times: VoyageTimes;
}

export interface TimelineData {
  model: TimelineModel;
  /** The voyages the model draws, by earliest departure (then latest arrival). */
  ordered: VoyageInfo[];
  byId: Map<string, VoyageInfo>;
}

export function timelineData(voyages: readonly VoyageSummary[], sightings: readonly Observation[] = [], claims: readonly Claim[] = []): TimelineData {
  const model = timelineModel(
    voyages.map((v) => ({ id: v.id, vesselId: v.vessel?.id ?? null, vesselLabel: v.vessel?.name ?? 'Unidentified vessels', departure: v.departure, arrival: v.arrival })),
    sightings.flatMap((o) =>
      o.vesselId ? [{ id: o.id, vesselIds: [o.vesselId], window: o.window, label: `${o.activity}${o.placeName ? ` at ${o.placeName}` : ''}` }] : [],
    ),
    claims.flatMap((c) => (c.period && c.vesselIds.length ? [{ id: c.id, vesselIds: c.vesselIds, window: c.period, label: c.statement }] : [])),
  );
  const ordered: VoyageInfo[] = [];
  for (const v of voyages) {
    let times: VoyageTimes;
    try {
      times = voyageTimes(v.departure, v.arrival);
    } catch {
      continue;
    }
    ordered.push({
      id: v.id,
      vessel: hedgedVesselName(v.vessel?.name ?? null, v),
      origin: v.origin.name,
      destination: v.destination.name,
      departureLabel: windowLabel(v.departure),
      arrivalLabel: windowLabel(v.arrival),
      times,
    });
  }
  ordered.sort((a, b) => a.times.d1 - b.times.d1 || a.times.a2 - b.times.a2 || a.id.localeCompare(b.id));
  return { model, ordered, byId: new Map(ordered.map((v) => [v.id, v])) };
}

/** The tooltip's lines for a voyage. */
export function describeVoyage(v: VoyageInfo): string[] {
  return [v.vessel, `${v.origin} → ${v.destination}`, `Departed ${v.departureLabel}`, `Arrived ${v.arrivalLabel}`];
}
