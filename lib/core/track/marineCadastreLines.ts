import type { TrackPoint } from './types';

/** A vessel's identity and fixes, as {@link marineCadastreLines} writes them (a SyntheticVessel fits). */
export interface MarineCadastreVessel {
  /** 9 digits. */
  mmsi: string;
  name?: string;
  /** 7 digits, written as `IMO1234567`. */
  imo?: string;
  callSign?: string;
  /** AIS ship type code (70–79 cargo); default 70. */
  vesselType?: number;
  lengthM?: number;
  widthM?: number;
  draftM?: number;
  points: readonly TrackPoint[];
}

/** The header of NOAA MarineCadastre's AIS CSV files (2018 onwards). */
export const MARINE_CADASTRE_HEADER =
  'MMSI,BaseDateTime,LAT,LON,SOG,COG,Heading,VesselName,IMO,CallSign,VesselType,Status,Length,Width,Draft,Cargo,TransceiverClass';

const csvField = (s: string | undefined) => (s === undefined ? '' : /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const optNumber = (x: number | undefined) => (x === undefined ? '' : String(x));
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * Writes vessels' fixes as the lines of a MarineCadastre AIS CSV file, header first, then each
 * vessel's fixes in the order given: `BaseDateTime` as `2024-02-05T10:00:00` (UTC, whole seconds,
 * milliseconds dropped), LAT/LON with 5 decimals, SOG/COG with 1 (empty when null), Heading the
 * rounded COG (511, AIS's "not available", when COG is null), Status 5 (moored) at SOG ≤ 0.5 knots
 * else 0 (under way using engine), TransceiverClass A. Text fields with a comma or quote are quoted.
 *
 * A generator, so a 1,000,000-row file can be streamed without building the whole text; lines
 * carry no line break (join with `\n`). Pure: no I/O.
 *
 * @param vessels - vessels with their fixes (not mutated)
 * @returns an iterator over the header and one line per fix
 * @example
 * [...marineCadastreLines([{ mmsi: '445100000', name: 'SYNTHETIC 1', points: [{ t: Date.UTC(2024, 1, 5, 10), lon: 130.3, lat: 42.23, sog: 0.1, cog: 12 }] }])];
 * // [MARINE_CADASTRE_HEADER, '445100000,2024-02-05T10:00:00,42.23000,130.30000,0.1,12.0,12,SYNTHETIC 1,,,70,5,,,,,A']
 */
export function* marineCadastreLines(vessels: Iterable<MarineCadastreVessel>): Generator<string, void, undefined> {
  yield MARINE_CADASTRE_HEADER;
  let dayIndex = NaN;
  let dayText = '';
  for (const vessel of vessels) {
    const identity = `${csvField(vessel.name)},${vessel.imo ? `IMO${vessel.imo}` : ''},${csvField(vessel.callSign)},${vessel.vesselType ?? 70}`;
    const size = `${optNumber(vessel.lengthM)},${optNumber(vessel.widthM)},${optNumber(vessel.draftM)},,A`;
    const mmsi = csvField(vessel.mmsi);
    for (const p of vessel.points) {
      // One Date per day, not per fix: formatting dominates the cost of a million rows.
      const day = Math.floor(p.t / 86_400_000);
      if (day !== dayIndex) {
        dayIndex = day;
        dayText = new Date(day * 86_400_000).toISOString().slice(0, 11);
      }
      const s = Math.floor((p.t - day * 86_400_000) / 1000);
      const time = `${dayText}${pad2(Math.floor(s / 3600))}:${pad2(Math.floor(s / 60) % 60)}:${pad2(s % 60)}`;
      const sog = p.sog === null ? '' : p.sog.toFixed(1);
      const cog = p.cog === null ? '' : p.cog.toFixed(1);
      const heading = p.cog === null ? '511' : String(Math.round(p.cog) % 360);
      const status = p.sog !== null && p.sog <= 0.5 ? '5' : '0';
      yield `${mmsi},${time},${p.lat.toFixed(5)},${p.lon.toFixed(5)},${sog},${cog},${heading},${identity},${status},${size}`;
    }
  }
}
