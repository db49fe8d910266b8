import { describe, expect, it } from 'vitest';
import { ApiError, apiErrorOf } from '@/lib/client/api';

describe('apiErrorOf', () => {
  it('keeps the status, code, message and details of our JSON error answer', async () => {
    const current = { id: 7, version: 3 };
    const res = new Response(JSON.stringify({ error: { code: 'stale_version', message: 'Someone else edited this.', details: { current } } }), {
      status: 409,
      headers: { 'Content-Type': 'application/json' },
    });
    const err = await apiErrorOf(res);
    expect(err).toBeInstanceOf(ApiError);
    expect({ status: err.status, code: err.code, message: err.message, details: err.details }).toEqual({
      status: 409,
      code: 'stale_version',
      message: 'Someone else edited this.',
      details: { current },
    });
  });

  it('keeps only the status line of an HTML error page', async () => {
    const res = new Response('<html><body>Bad gateway</body></html>', { status: 502, statusText: 'Bad Gateway', headers: { 'Content-Type': 'text/html' } });
    const err = await apiErrorOf(res);
    expect({ status: err.status, code: err.code, message: err.message, details: err.details }).toEqual({
      status: 502,
      code: undefined,
      message: '502 Bad Gateway',
      details: undefined,
    });
  });

  it('keeps only the status of a body that is broken JSON or JSON of another shape', async () => {
    const broken = await apiErrorOf(new Response('{"error": {"code": "x"', { status: 500 }));
    expect([broken.status, broken.code, broken.message]).toEqual([500, undefined, '500']);
    const foreign = await apiErrorOf(new Response(JSON.stringify({ message: 'nope' }), { status: 400, statusText: 'Bad Request' }));
    expect([foreign.status, foreign.code, foreign.message]).toEqual([400, undefined, '400 Bad Request']);
  });
});
