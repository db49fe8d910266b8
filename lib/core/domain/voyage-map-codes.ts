/**
 * How GET /api/voyages/map (wakeline-voyage-map/2, voyage-map.ts) writes its numbers per voyage:
 * as text of base-64 digits, a fixed number of them per voyage, rather than as a JSON array of
 * numbers. A voyage's port or confidence is then one character, not two or three with a comma:
 * at 2,000 voyages each such column is 2 KB instead of 4 to 8, and the page reads it with
 * `charCodeAt` rather than having JSON.parse make a number of every one.
 *
 * A code is a number plus one, so that 0 can say "none" (a voyage without the property).
 */

/** The digits, from 0 to 63: none needs escaping in a JSON string. */
export const CODE_DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';

/** Between one voyage's list of codes and the next (list columns): not a digit. */
export const LIST_SEPARATOR = '.';

const DIGIT_BYTES = Uint8Array.from(CODE_DIGITS, (c) => c.charCodeAt(0));
const DIGIT_OF = new Int8Array(128).fill(-1);
DIGIT_BYTES.forEach((byte, value) => (DIGIT_OF[byte] = value));

/** The digits each code needs when the numbers run from 0 to `count` − 1 (codes from 0, none, to `count`). */
export function codeWidth(count: number): number {
  let width = 1;
  for (let top = 64; top <= count; top *= 64) width++;
  return width;
}

const ascii = new TextDecoder('latin1');
let buffer = new Uint8Array(0);

function room(bytes: number): Uint8Array {
  if (buffer.length < bytes) buffer = new Uint8Array(Math.max(bytes, buffer.length * 2));
  return buffer;
}

/** Writes `number + 1` in `width` digits at `at`; answers where the next code goes. */
function put(out: Uint8Array, at: number, number: number, width: number): number {
  let v = number + 1;
  for (let k = at + width - 1; k >= at; k--) {
    out[k] = DIGIT_BYTES[v & 63]!;
    v >>>= 6;
  }
  return at + width;
}

/**
 * Each number (−1 for none) as a code of `width` digits, one after another. The caller picks the
 * width for its largest number (codeWidth): a number beyond it would be written wrong.
 */
export function writeCodes(numbers: Int32Array, width: number): string {
  const out = room(numbers.length * width);
  let o = 0;
  if (width === 1) for (let i = 0; i < numbers.length; i++) out[o++] = DIGIT_BYTES[numbers[i]! + 1]!;
  else for (let i = 0; i < numbers.length; i++) o = put(out, o, numbers[i]!, width);
  return ascii.decode(out.subarray(0, o));
}

/**
 * Lists of numbers, one per voyage: list i is `numbers[ends[i − 1] … ends[i] − 1]` (from 0 for the
 * first), written as codes of `width` digits, the lists separated by LIST_SEPARATOR.
 */
export function writeLists(numbers: Int32Array, ends: Int32Array, width: number): string {
  const out = room(numbers.length * width + ends.length);
  const separator = LIST_SEPARATOR.charCodeAt(0);
  let o = 0;
  let start = 0;
  for (let i = 0; i < ends.length; i++) {
    if (i) out[o++] = separator;
    const end = ends[i]!;
    if (width === 1) for (let j = start; j < end; j++) out[o++] = DIGIT_BYTES[numbers[j]! + 1]!;
    else for (let j = start; j < end; j++) o = put(out, o, numbers[j]!, width);
    start = end;
  }
  return ascii.decode(out.subarray(0, o));
}

function digitAt(text: string, at: number): number {
  const d = DIGIT_OF[text.charCodeAt(at)] ?? -1;
  if (d < 0) throw new Error(`voyage map: "${text[at]}" at ${at} is not a code digit`);
  return d;
}

/** The numbers of `count` codes of `width` digits (−1 for none). */
export function readCodes(text: string, width: number, count: number): Int32Array {
  if (text.length !== count * width) throw new Error(`voyage map: ${text.length} code digits for ${count} voyages of ${width}`);
  const out = new Int32Array(count);
  for (let i = 0, at = 0; i < count; i++) {
    let v = 0;
    for (let k = 0; k < width; k++) v = v * 64 + digitAt(text, at++);
    out[i] = v - 1;
  }
  return out;
}

/** The lists of numbers of `count` voyages written by writeLists. */
export function readLists(text: string, width: number, count: number): Int32Array[] {
  if (!count && text) throw new Error(`voyage map: lists for no voyages`);
  const parts = count ? text.split(LIST_SEPARATOR) : [];
  if (parts.length !== count) throw new Error(`voyage map: ${parts.length} lists for ${count} voyages`);
  return parts.map((part) => {
    if (part.length % width) throw new Error(`voyage map: a list of ${part.length} code digits, not codes of ${width}`);
    return readCodes(part, width, part.length / width);
  });
}
