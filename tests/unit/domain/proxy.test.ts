import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { proxy } from '@/proxy';

/** The nonce of a policy's script-src, as Next.js reads it to put it on the scripts it renders. */
const nonceOf = (csp: string | null) => csp?.match(/script-src [^;]*'nonce-([A-Za-z0-9+/=]+)'/)?.[1];

describe('the page proxy', () => {
  it('answers every page with a policy of its own nonce, and hands the same policy and nonce to the renderer', () => {
    const first = proxy(new NextRequest('http://127.0.0.1:3000/login'));
    const second = proxy(new NextRequest('http://127.0.0.1:3000/login'));
    const policy = first.headers.get('content-security-policy');
    const nonce = nonceOf(policy);
    expect(nonce).toBeTruthy();
    expect(nonceOf(second.headers.get('content-security-policy'))).not.toBe(nonce);
    // NextResponse.next({ request: { headers } }): the headers the page is rendered with.
    const forwarded = first.headers.get('x-middleware-override-headers')?.split(',') ?? [];
    expect(forwarded).toEqual(expect.arrayContaining(['x-nonce', 'content-security-policy']));
    expect(first.headers.get('x-middleware-request-x-nonce')).toBe(nonce);
    expect(first.headers.get('x-middleware-request-content-security-policy')).toBe(policy);
  });
});
