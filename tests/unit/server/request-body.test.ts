/**
 * readLimitedText: bytes, not characters, are counted; the read stops at the first chunk over the
 * limit and cancels the stream, so an endless body costs at most one chunk more than the limit.
 */
import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/core/domain/errors';
import { readLimitedText } from '@/lib/server/request-body';

/** A body of `chunks` chunks of `size` bytes (or endless), that records how much was pulled and whether it was cancelled. */
function streamed(size: number, chunks = Infinity, byte = 0x61, headers: Record<string, string> = {}) {
  const state = { pulled: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled >= chunks) return controller.close();
      state.pulled += 1;
      controller.enqueue(new Uint8Array(size).fill(byte));
    },
    cancel() {
      state.cancelled = true;
    },
  }, { highWaterMark: 0 });
  const request = new Request('http://localhost/api/x', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);
  return { request, state };
}

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('readLimitedText', () => {
  it('reads a body within the limit', async () => {
    const { request } = streamed(1000, 3);
    expect(await readLimitedText(request, 4000)).toBe('a'.repeat(3000));
  });

  it('stops an endless body one chunk past the limit and cancels it: 413 naming the limit', async () => {
    const { request, state } = streamed(64 * 1024);
    const err = await refusal(readLimitedText(request, 256 * 1024));
    expect(err.status).toBe(413);
    expect(err.code).toBe('too_large');
    expect(err.message).toContain('256 KiB');
    expect(state.pulled).toBeLessThanOrEqual(6);
    expect(state.cancelled).toBe(true);
  });

  it('counts bytes, not characters: 200 K of "é" is 400 KB', async () => {
    const text = 'é'.repeat(200 * 1024);
    const request = new Request('http://localhost/api/x', { method: 'POST', body: text });
    expect((await refusal(readLimitedText(request, 256 * 1024))).status).toBe(413);
  });

  it('refuses a declared length over the limit before reading', async () => {
    const { request, state } = streamed(10, 1, 0x61, { 'content-length': String(10 * 1024 * 1024) });
    expect((await refusal(readLimitedText(request, 1024))).status).toBe(413);
    expect(state.pulled).toBe(0);
  });

  it('answers 400 for a body that is not UTF-8', async () => {
    const { request } = streamed(8, 1, 0xff);
    const err = await refusal(readLimitedText(request, 1024));
    expect(err.status).toBe(400);
    expect(err.code).toBe('invalid_encoding');
  });

  it('keeps a character split across two chunks whole', async () => {
    const bytes = new TextEncoder().encode('ü');
    let i = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        if (i < bytes.length) c.enqueue(bytes.slice(i, ++i));
        else c.close();
      },
    });
    const request = new Request('http://localhost/api/x', { method: 'POST', body, duplex: 'half' } as RequestInit);
    expect(await readLimitedText(request, 10)).toBe('ü');
  });
});
