/** The words the tracks layer shows. Pure (no Leaflet). */
import type { TrackModel } from './model';

/** "2024-02-06 14:05:30 UTC". */
export function formatFixTime(epochSeconds: number): string {
  const iso = new Date(epochSeconds * 1000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

/**
 * A fix's tooltip, in lines: the vessel, the time (UTC), then speed and course as reported (either
 * left out when the source had none).
 */
export function fixLines(model: TrackModel, i: number): string[] {
  const sog = model.dto.sog[i];
  const cog = model.dto.cog?.[i];
  const motion = [
    sog === null || sog === undefined ? null : `${sog.toFixed(1)} kn`,
    cog === null || cog === undefined ? null : `course ${Math.round(cog)}°`,
  ].filter((x) => x !== null);
  return [model.vesselName, formatFixTime(model.dto.t[i]!), ...(motion.length ? [motion.join(' · ')] : [])];
}
