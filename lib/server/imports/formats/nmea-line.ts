import 'server-only';
import { parseAnyTime } from './time';

/** One text line of a raw AIS log, taken apart. */
export interface NmeaLine {
  /** The `!xxVDM,...*hh` sentence alone, as the decoder wants it. */
  sentence: string;
  /** Sentences in the message, this one's number, the sequential message id and the channel. */
  total: number;
  part: number;
  sequence: string;
  channel: string;
  /** The receiver's time (epoch ms): tag block `c:`, or a timestamp before or after the sentence. */
  t?: number;
}

const SENTENCE = /![A-Z]{2}VD[MO],(\d*),(\d*),([^,]*),([^,]*),[^,*]*,\d*\*[0-9A-Fa-f]{2}/;
const TAG_BLOCK = /\\([^\\]*)\\/;

/** Epoch seconds (10 digits) or milliseconds (13) from a tag block's `c:` field. */
function epochMs(text: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) return NaN;
  return n >= 1e12 ? Math.round(n) : Math.round(n * 1000);
}

function tagBlockTime(tagBlock: string): number {
  // `s:2573345,c:1241544035*4A`: fields before the checksum, `key:value` each.
  for (const field of tagBlock.replace(/\*[0-9A-Fa-f]{2}$/, '').split(',')) {
    if (field.startsWith('c:')) return epochMs(field.slice(2));
  }
  return NaN;
}

/** A timestamp written around the sentence: the last token after it, or the whole text before it. */
function receiverTime(before: string, after: string): number {
  const tokens = after.split(/[\s,;]+/).filter(Boolean);
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = parseAnyTime(tokens[i]!);
    if (!Number.isNaN(t)) return t;
  }
  const lead = before.replace(/[\s,;]+$/, '');
  return lead === '' ? NaN : parseAnyTime(lead);
}

/**
 * Finds the AIVDM/AIVDO sentence in a log line and the receiver time around it (a tag block
 * `\s:...,c:1234567890*hh\`, a trailing `,1234567890` or a leading ISO time). Null when the line
 * holds no AIS sentence.
 * @example splitNmeaLine('\\c:1704067200*5C\\!AIVDM,1,1,,A,15M67FC000G?ufbE`FepT@3n00Sa,0*5C').t // 1704067200000
 */
export function splitNmeaLine(text: string): NmeaLine | null {
  const match = SENTENCE.exec(text);
  if (!match) return null;
  const tagBlock = TAG_BLOCK.exec(text.slice(0, match.index));
  const before = tagBlock ? text.slice(tagBlock.index + tagBlock[0].length, match.index) : text.slice(0, match.index);
  let t = tagBlock ? tagBlockTime(tagBlock[1]!) : NaN;
  if (Number.isNaN(t)) t = receiverTime(before, text.slice(match.index + match[0].length));
  return {
    sentence: match[0],
    total: Number(match[1]) || 1,
    part: Number(match[2]) || 1,
    sequence: match[3]!,
    channel: match[4]!,
    t: Number.isNaN(t) ? undefined : t,
  };
}

/**
 * The time a Gatehouse `$PGHP,1,yyyy,MM,dd,hh,mm,ss,ms,...` line gives the AIS sentence after it,
 * or null when the line is not one.
 * @example gatehouseTime('$PGHP,1,2009,5,9,0,0,0,10,338,2,,1,09*17') // 1241827200010
 */
export function gatehouseTime(text: string): number | null {
  if (!text.startsWith('$PGHP,1,')) return null;
  const [year, month, day, hour, minute, second, ms] = text.split(',').slice(2, 9).map(Number);
  const t = Date.UTC(year!, month! - 1, day, hour, minute, second, ms);
  return Number.isNaN(t) ? null : t;
}
