import { marineCadastreLines, type MarineCadastreVessel } from './marineCadastreLines';

/**
 * The whole MarineCadastre AIS CSV text for vessels' fixes: {@link marineCadastreLines} joined with
 * `\n`, ending with a line break. For large files stream the lines instead.
 *
 * @param vessels - vessels with their fixes (not mutated)
 * @returns CSV text, header first
 * @example
 * toMarineCadastreCsv([{ mmsi: '445100000', points: [{ t: Date.UTC(2024, 1, 5, 10), lon: 130.3, lat: 42.23, sog: 9.5, cog: 80 }] }]);
 * // 'MMSI,BaseDateTime,LAT,...,TransceiverClass\n445100000,2024-02-05T10:00:00,42.23000,130.30000,9.5,80.0,80,,,,70,0,,,,,A\n'
 */
export function toMarineCadastreCsv(vessels: Iterable<MarineCadastreVessel>): string {
  return `${Array.from(marineCadastreLines(vessels)).join('\n')}\n`;
}
