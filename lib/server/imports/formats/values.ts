import 'server-only';
import type { RowIdentity } from '@/lib/core/track/types';

/** A number from a CSV cell or a property; NaN for empty or blank text (Number('') would be 0). */
function toNumber(value: unknown): number {
  if (typeof value === 'string') {
    if (value.length === 0) return NaN;
    const n = +value;
    return n === 0 && value.trim() === '' ? NaN : n;
  }
  return typeof value === 'number' ? value : NaN;
}

/**
 * Why a latitude or longitude is unusable, or null when it is fine. AIS says "not available" with
 * 91 and 181, which are out of range like any other bad value.
 * @example coordinateProblem('LAT', '95.2', 90) // "LAT 95.2 out of range"
 */
export function coordinateProblem(label: string, raw: unknown, limit: 90 | 180): string | null {
  if (raw === undefined || raw === null || raw === '') return `${label} missing`;
  const n = toNumber(raw);
  if (Number.isNaN(n)) return `${label} '${clip(raw)}' is not a number`;
  if (n < -limit || n > limit) return `${label} ${n} out of range`;
  return null;
}

/** Speed over ground in knots, or null when absent or "not available" (AIS 102.3, negative). */
export function speedKnots(raw: unknown): number | null {
  const n = toNumber(raw);
  // NaN fails both comparisons, so this also says "absent"; Infinity fails the second.
  return n >= 0 && n < 102.25 ? n : null;
}

/** Course over ground in degrees, or null when absent or "not available" (AIS 360 and above). */
export function courseDegrees(raw: unknown): number | null {
  const n = toNumber(raw);
  return n >= 0 && n < 360 ? n : null;
}

/** A cell shortened for a reason, so one odd value cannot flood the report. */
export function clip(raw: unknown): string {
  const text = String(raw);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

const MMSI = /^\d{9}$/;
const IMO = /^(?:IMO)?\s*(\d{7})$/i;

/**
 * Who a row names, from the text of its MMSI, IMO and name; `problem` says why it is unusable
 * (an MMSI that is not 9 digits). An IMO that is not 7 digits (MarineCadastre writes `IMO0000000`
 * or nothing when unknown, DMA `Unknown`) is left out rather than rejecting the fix.
 * @example readIdentity('273318000', 'IMO9361201', 'LADY R') // { identity: { mmsi: '273318000', imo: '9361201', name: 'LADY R' } }
 */
export function readIdentity(mmsi: unknown, imo: unknown, name: unknown): { identity: RowIdentity; problem?: string } {
  const identity: RowIdentity = {};
  const mmsiText = typeof mmsi === 'number' ? String(mmsi).padStart(9, '0') : typeof mmsi === 'string' ? mmsi.trim() : '';
  if (mmsiText !== '') {
    if (!MMSI.test(mmsiText)) return { identity, problem: `MMSI '${clip(mmsiText)}' is not 9 digits` };
    identity.mmsi = mmsiText;
  }
  const imoMatch = typeof imo === 'string' || typeof imo === 'number' ? IMO.exec(String(imo).trim()) : null;
  if (imoMatch && imoMatch[1] !== '0000000') identity.imo = imoMatch[1];
  const nameText = typeof name === 'string' ? name.trim() : '';
  if (nameText !== '') identity.name = nameText;
  return { identity };
}
