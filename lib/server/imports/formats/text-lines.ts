import 'server-only';

/** A line longer than this is not a sentence; it is cut so one bad line cannot hold the whole file. */
const MAX_LINE_CHARS = 1 << 16;

/**
 * A byte stream as its text lines (without line breaks, `\r` dropped), each with its 1-based line
 * number, holding at most one chunk and one line in memory. An over-long line is cut to
 * {@link MAX_LINE_CHARS} and flagged, so the caller can reject it.
 */
export async function* textLines(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<{ line: number; text: string; tooLong?: true }> {
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  let line = 0;
  let skippingLongLine = false;
  for await (const chunk of chunks) {
    pending += decoder.decode(chunk, { stream: true });
    let start = 0;
    for (let end = pending.indexOf('\n'); end >= 0; end = pending.indexOf('\n', start)) {
      const text = pending.slice(start, end);
      start = end + 1;
      if (skippingLongLine) {
        skippingLongLine = false;
        continue;
      }
      line++;
      yield { line, text: text.endsWith('\r') ? text.slice(0, -1) : text };
    }
    pending = pending.slice(start);
    if (pending.length > MAX_LINE_CHARS && !skippingLongLine) {
      line++;
      yield { line, text: pending.slice(0, MAX_LINE_CHARS), tooLong: true };
      skippingLongLine = true;
    }
    if (skippingLongLine) pending = '';
  }
  pending += decoder.decode();
  if (!skippingLongLine && pending !== '') yield { line: line + 1, text: pending.endsWith('\r') ? pending.slice(0, -1) : pending };
}
