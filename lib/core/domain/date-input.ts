/**
 * Typed dates for the filters. A reader types a day digit by digit, so most of what is in the box
 * at any moment is not a date yet ("2", "2024-0", "2024-03-1"): those are `incomplete` and never
 * applied. While typing, only the full `YYYY-MM-DD` form counts as a day, so "2024-03-1" is not
 * taken for 1 March on the way to "2024-03-15". When the reader leaves the box or presses Enter
 * (`final`), shorter forms are accepted too: `2024-3-5`, `2024/03/05`, `2024.3.5`, `20240305`.
 *
 * A range whose end is before its start is refused with a sentence that says so; nothing invalid
 * or reversed reaches the view (and so the URL).
 */

export type DayInput =
  | { kind: 'empty' }
  | { kind: 'incomplete' }
  | { kind: 'invalid'; message: string }
  | { kind: 'day'; day: string };

/** The years a filter date may name: wide enough for any record, narrow enough to catch "0002". */
const MIN_YEAR = 1900;
const MAX_YEAR = 2099;

export const DAY_FORMAT_HINT = 'YYYY-MM-DD, e.g. 2024-03-15';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** A checked day from its parts, or why the parts are not one. */
function dayOf(year: number, month: number, day: number): DayInput {
  if (year < MIN_YEAR || year > MAX_YEAR) {
    return { kind: 'invalid', message: `The year ${pad(year, 4)} is outside ${MIN_YEAR}–${MAX_YEAR}.` };
  }
  if (month < 1 || month > 12) return { kind: 'invalid', message: `There is no month ${month}: use 01 to 12.` };
  const last = daysIn(year, month);
  if (day < 1 || day > last) {
    return { kind: 'invalid', message: `${MONTHS[month - 1]} ${year} has days 1 to ${last}, not ${day}.` };
  }
  return { kind: 'day', day: `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` };
}

const STRICT = /^(\d{4})-(\d{2})-(\d{2})$/;
const LENIENT = /^(\d{4})[-/. ](\d{1,2})[-/. ](\d{1,2})$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
/** What a day can look like on the way to being typed in full. */
const PARTIAL = /^\d{0,4}([-/. ]\d{0,2}([-/. ]\d{0,2})?)?$|^\d{5,8}$/;

/**
 * What a filter box's text is: empty, not finished, not a day (with the reason), or a day as
 * `YYYY-MM-DD`. `final` when the reader is done typing (blur, Enter).
 *
 * @example
 * parseDayInput('2', { final: false }); // { kind: 'incomplete' }
 * parseDayInput('2024-03-15', { final: false }); // { kind: 'day', day: '2024-03-15' }
 * parseDayInput('2024-3-5', { final: true }); // { kind: 'day', day: '2024-03-05' }
 */
export function parseDayInput(text: string, { final }: { final: boolean }): DayInput {
  const t = text.trim();
  if (t === '') return { kind: 'empty' };
  const m = STRICT.exec(t) ?? (final ? (LENIENT.exec(t) ?? COMPACT.exec(t)) : null);
  if (m) return dayOf(Number(m[1]), Number(m[2]), Number(m[3]));
  if (!final && PARTIAL.test(t)) return { kind: 'incomplete' };
  return { kind: 'invalid', message: `Not a date: type it as ${DAY_FORMAT_HINT}.` };
}

/**
 * Why a range cannot be applied, or null when it can (either end may be missing).
 *
 * @example
 * rangeProblem('2024-03-01', '2024-02-01'); // 'The end date (2024-02-01) is before the start date (2024-03-01).'
 */
export function rangeProblem(from: string | undefined, to: string | undefined): string | null {
  if (from && to && to < from) return `The end date (${to}) is before the start date (${from}).`;
  return null;
}
