import 'server-only';
import AisDecode from 'ggencoder/lib/GG-AisDecode';
import type { ParsedRow, RowIdentity } from '@/lib/core/track/types';
import { gatehouseTime, splitNmeaLine, type NmeaLine } from './nmea-line';
import { textLines } from './text-lines';
import { courseDegrees, speedKnots } from './values';

const BATCH_ROWS = 2048;
/** A multi-sentence message still missing parts this many lines after its first is truncated. */
const MAX_MESSAGE_SPAN_LINES = 50;
/** Distinct vessels whose static data (name, IMO) is remembered; more start the memory afresh. */
const MAX_REMEMBERED = 100_000;
const POSITION_TYPES = new Set([1, 2, 3, 18, 19, 27]);
const TYPE_NAMES: Record<number, string> = { 4: 'base station report', 8: 'binary broadcast', 9: 'SAR aircraft report', 21: 'aid to navigation report' };

interface Pending {
  line: number;
  parts: NmeaLine[];
}

/**
 * Decodes raw AIS (NMEA 0183 `!AIVDM`/`!AIVDO`) line by line with ggencoder: position reports
 * (types 1, 2, 3, 18, 19, 27) become fixes, static data (types 5 and 24) names the vessel's later
 * fixes. Multi-sentence messages are gathered by sequence id and channel; one whose parts never all
 * arrive is one rejected row at its first line. A fix needs a receiver time (tag block `c:`, a
 * timestamp on the line, or a Gatehouse `$PGHP` line before it) or `baseTimeMs`.
 */
export async function* parseNmea(chunks: AsyncIterable<Uint8Array>, baseTimeMs?: number): AsyncGenerator<ParsedRow[]> {
  const pending = new Map<string, Pending>();
  const statics = new Map<string, RowIdentity>();
  let batch: ParsedRow[] = [];
  /** A Gatehouse `$PGHP` line's time, for the sentence that follows it. */
  let markedTime: number | undefined;

  const truncated = (message: Pending) =>
    batch.push({ line: message.line, error: `multi-sentence message truncated: ${message.parts.length} of ${message.parts[0]!.total} sentences` });

  const decode = (line: number, parts: NmeaLine[]) => {
    const session: Record<string, unknown> = {};
    let decoded: AisDecode | undefined;
    for (const part of parts) decoded = new AisDecode(part.sentence, session);
    const message = decoded!;
    if (message.error) return batch.push({ line, error: message.error.replace(/^AisDecode: /, '').replace(/\.$/, '') });
    if (message.aistype === undefined) return batch.push({ line, error: 'payload could not be decoded (characters outside the AIS 6-bit alphabet)' });
    const type = message.aistype;
    const mmsi = message.mmsi ?? '';
    if (type === 5 || type === 24) {
      const known = { ...statics.get(mmsi), mmsi };
      if (message.shipname) known.name = message.shipname;
      if (type === 5 && message.imo && message.imo >= 1_000_000 && message.imo <= 9_999_999) known.imo = String(message.imo);
      if (statics.size >= MAX_REMEMBERED) statics.clear();
      statics.set(mmsi, known);
      return;
    }
    if (!POSITION_TYPES.has(type)) return batch.push({ line, error: `AIS message type ${type}${TYPE_NAMES[type] ? ` (${TYPE_NAMES[type]})` : ''} is not a vessel position` });
    if (!message.valid || message.lat === undefined || message.lon === undefined) return batch.push({ line, error: 'position not available (lat 91 / lon 181)' });
    const t = parts.find((part) => part.t !== undefined)?.t ?? baseTimeMs;
    if (t === undefined) return batch.push({ line, error: 'no timestamp (no tag block c: and no receiver time on the line)' });
    const identity: RowIdentity = { ...statics.get(mmsi), mmsi };
    if (type === 19 && message.shipname) identity.name = message.shipname;
    // Type 27 gives whole knots with 63 for "not available", and whole degrees with 511.
    const sog = type === 27 ? (message.sog === 63 ? null : speedKnots(message.sog)) : speedKnots(message.sog);
    batch.push({ line, identity, point: { t, lon: message.lon, lat: message.lat, sog, cog: courseDegrees(message.cog) } });
  };

  for await (const { line, text, tooLong } of textLines(chunks)) {
    if (tooLong) batch.push({ line, error: 'line longer than 64 KB' });
    else if (text.trim() === '' || text.trimStart().startsWith('#')) continue;
    else if (gatehouseTime(text) !== null) markedTime = gatehouseTime(text)!;
    else {
      const parsed = splitNmeaLine(text);
      if (parsed && parsed.t === undefined && markedTime !== undefined) parsed.t = markedTime;
      markedTime = undefined;
      if (!parsed) batch.push({ line, error: 'not an AIVDM/AIVDO sentence' });
      else if (parsed.total === 1) decode(line, [parsed]);
      else {
        const key = `${parsed.total}|${parsed.sequence}|${parsed.channel}`;
        const open = pending.get(key);
        if (parsed.part === 1) {
          if (open) truncated(open);
          // Deleting first keeps the map in order of first lines, which the staleness sweep relies on.
          pending.delete(key);
          pending.set(key, { line, parts: [parsed] });
        } else if (!open || open.parts.length !== parsed.part - 1) {
          if (open) {
            truncated(open);
            pending.delete(key);
          }
          batch.push({ line, error: `sentence ${parsed.part} of ${parsed.total} without the sentences before it` });
        } else {
          open.parts.push(parsed);
          if (parsed.part === parsed.total) {
            pending.delete(key);
            decode(open.line, open.parts);
          }
        }
      }
      for (const [key, open] of pending) {
        if (line - open.line <= MAX_MESSAGE_SPAN_LINES) break;
        truncated(open);
        pending.delete(key);
      }
    }
    if (batch.length >= BATCH_ROWS) {
      yield batch;
      batch = [];
    }
  }
  for (const open of pending.values()) truncated(open);
  if (batch.length > 0) yield batch;
}
