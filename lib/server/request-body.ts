/**
 * Reading a request body with a byte limit: the declared Content-Length is checked first, then
 * the body is read as a stream and the read stops (and the stream is cancelled) at the first
 * byte over the limit, so an oversized body is never held whole. Bytes are counted, not
 * characters, and the text must be valid UTF-8.
 */
import 'server-only';
import { AppError } from '@/lib/core/domain/errors';

function tooLarge(maxBytes: number, hint: string): AppError {
  const size = maxBytes >= 1024 * 1024 ? `${maxBytes / (1024 * 1024)} MiB` : `${maxBytes / 1024} KiB`;
  return new AppError(413, 'too_large', `The body must be at most ${size} (${maxBytes} bytes)${hint ? `; ${hint}` : ''}.`, {
    maxBytes,
  });
}

/** The body as text: 413 (a JSON error) past `maxBytes`, 400 when it is not UTF-8 or the upload broke off. */
export async function readLimitedText(request: Request, maxBytes: number, hint = ''): Promise<string> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > maxBytes) throw tooLarge(maxBytes, hint);
  if (!request.body) return '';
  const reader = request.body.getReader();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let size = 0;
  let text = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(maxBytes, hint);
      }
      text += decoder.decode(value, { stream: true });
    }
    return text + decoder.decode();
  } catch (err) {
    if (err instanceof AppError) throw err;
    await reader.cancel().catch(() => undefined);
    if ((err as { code?: string }).code === 'ERR_ENCODING_INVALID_ENCODED_DATA') {
      throw new AppError(400, 'invalid_encoding', 'The body is not valid UTF-8.', { issues: [{ field: '(body)', message: 'not valid UTF-8' }] });
    }
    throw new AppError(400, 'body_incomplete', 'The body could not be read to its end (the upload broke off).', {
      issues: [{ field: '(body)', message: 'incomplete' }],
    });
  }
}
