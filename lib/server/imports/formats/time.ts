import 'server-only';

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;
const DMY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?$/;
const EPOCH = /^\d{9,13}(\.\d+)?$/;
const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function utc(year: number, month: number, day: number, hour: number, minute: number, second: number, fraction: string | undefined): number {
  if (month < 1 || month > 12 || day < 1 || day > (DAYS[month - 1] ?? 0) || hour > 24 || minute > 59 || second > 60) return NaN;
  // Fractions: 3 digits are milliseconds; more are cut, fewer are scaled ("5" is 500 ms).
  const ms = fraction ? Math.round(Number(`0.${fraction}`) * 1000) : 0;
  // Date.UTC would roll 29 February of a common year into March; a date that does not exist is not a date.
  if (month === 2 && day === 29 && (year % 4 !== 0 || (year % 100 === 0 && year % 400 !== 0))) return NaN;
  return Date.UTC(year, month - 1, day, hour, minute, second, ms);
}

let cachedDay = '';
let cachedDayMs = NaN;

function digits(text: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return NaN;
    n = n * 10 + d;
  }
  return n;
}

/**
 * `yyyy-MM-ddTHH:mm:ss` without the regular expression: a million MarineCadastre rows spend more
 * time in the general pattern than in the CSV parser. The day's epoch is kept for the next row,
 * which is nearly always on the same day. NaN sends the text on to the general pattern.
 */
function plainIsoTime(text: string): number {
  const sep = text.charCodeAt(10);
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || (sep !== 84 && sep !== 32) || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return NaN;
  if (cachedDay === '' || !text.startsWith(cachedDay)) {
    cachedDayMs = utc(digits(text, 0, 4), digits(text, 5, 2), digits(text, 8, 2), 0, 0, 0, undefined);
    cachedDay = text.slice(0, 10);
  }
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  if (!(hour <= 23 && minute <= 59 && second <= 59)) return NaN;
  return cachedDayMs + ((hour * 60 + minute) * 60 + second) * 1000;
}

/**
 * ISO 8601 date and time (`T` or a space between them), read as UTC when it names no zone: AIS
 * data sets (MarineCadastre's `2023-01-01T00:00:00`) give UTC without saying so. NaN if it is not one.
 * @example parseIsoTime('2024-01-01T00:00:30') // 1704067230000
 */
export function parseIsoTime(text: string): number {
  if (text.length === 19) {
    const fast = plainIsoTime(text);
    if (!Number.isNaN(fast)) return fast;
  }
  const m = ISO.exec(text);
  if (!m) return NaN;
  const t = utc(+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!, m[6] ? +m[6] : 0, m[7]);
  const zone = m[8];
  if (!zone || /^(z|utc|gmt)$/i.test(zone)) return t;
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offsetMinutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0);
  return t - sign * offsetMinutes * 60_000;
}

/**
 * Day first, as the Danish Maritime Authority writes it: `dd/MM/yyyy HH:mm:ss`, UTC.
 * @example parseDayFirstTime('31/01/2024 06:00:00') // 1706680800000
 */
export function parseDayFirstTime(text: string): number {
  const m = DMY.exec(text);
  return m ? utc(+m[3]!, +m[2]!, +m[1]!, +m[4]!, +m[5]!, m[6] ? +m[6] : 0, m[7]) : NaN;
}

/**
 * Any time a track file may carry: ISO 8601, day-first `dd/MM/yyyy HH:mm:ss`, or epoch seconds
 * (9-10 digits) or milliseconds (12-13 digits). NaN when none fits.
 * @example parseAnyTime('1704067200') // 1704067200000
 */
export function parseAnyTime(text: string): number {
  const trimmed = text.trim();
  if (EPOCH.test(trimmed)) {
    const n = Number(trimmed);
    return trimmed.split('.')[0]!.length >= 12 ? Math.round(n) : Math.round(n * 1000);
  }
  const iso = parseIsoTime(trimmed);
  return Number.isNaN(iso) ? parseDayFirstTime(trimmed) : iso;
}
