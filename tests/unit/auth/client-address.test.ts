import { afterEach, describe, expect, it } from 'vitest';
import { addressFromChain, clientAddress, normaliseAddress, PEER_HEADER } from '@/lib/server/auth/client-address';
import { resetConfigForTests } from '@/lib/server/config';

const FRONT = Symbol.for('wakeline.front');
const g = globalThis as { [FRONT]?: boolean };

afterEach(() => {
  delete g[FRONT];
  delete process.env.WAKELINE_TRUSTED_PROXIES;
  delete process.env.WAKELINE_TRUST_PROXY;
  resetConfigForTests();
});

describe('normaliseAddress', () => {
  it.each([
    ['::ffff:1.2.3.4', '1.2.3.4'],
    ['::FFFF:10.0.0.7', '10.0.0.7'],
    [' 203.0.113.9 ', '203.0.113.9'],
    ['203.0.113.9:51234', '203.0.113.9'],
    ['[2001:DB8::1]:443', '2001:db8::1'],
    ['2001:db8::1', '2001:db8::1'],
    ['', ''],
  ])('%j → %j', (raw, want) => expect(normaliseAddress(raw)).toBe(want));
});

describe('addressFromChain', () => {
  it('ignores a spoofed X-Forwarded-For with no trusted proxy: the peer is the client', () => {
    expect(addressFromChain('6.6.6.6', '::ffff:198.51.100.7', 0)).toBe('198.51.100.7');
    expect(addressFromChain('1.1.1.1, 2.2.2.2', '198.51.100.7', 0)).toBe('198.51.100.7');
  });
  it('takes the entry the trusted proxy appended, not what the client wrote before it', () => {
    // The client sent "6.6.6.6"; the proxy appended the client's real address 203.0.113.5.
    expect(addressFromChain('6.6.6.6, 203.0.113.5', '10.0.0.2', 1)).toBe('203.0.113.5');
    expect(addressFromChain('203.0.113.5', '10.0.0.2', 1)).toBe('203.0.113.5');
    expect(addressFromChain('6.6.6.6, 203.0.113.5, 10.0.0.3', '10.0.0.2', 2)).toBe('203.0.113.5');
  });
  it('takes the leftmost entry when the chain is shorter than the proxies', () => {
    expect(addressFromChain(null, '10.0.0.2', 1)).toBe('10.0.0.2');
    expect(addressFromChain('203.0.113.5', '10.0.0.2', 5)).toBe('203.0.113.5');
  });
  it('never takes a client-written entry in place of a missing peer', () => {
    expect(addressFromChain('6.6.6.6', '', 0)).toBe('unknown');
  });
});

describe('clientAddress', () => {
  const headers = (h: Record<string, string>) => new Headers(h);

  it('behind npm start’s server, uses the peer it set and the configured hops', () => {
    g[FRONT] = true;
    const h = headers({ 'x-forwarded-for': '6.6.6.6, 203.0.113.5', [PEER_HEADER]: '::ffff:10.0.0.2' });
    expect(clientAddress(h)).toBe('10.0.0.2');
    process.env.WAKELINE_TRUSTED_PROXIES = '1';
    resetConfigForTests();
    expect(clientAddress(h)).toBe('203.0.113.5');
  });
  it('reads the older WAKELINE_TRUST_PROXY=1 as one hop', () => {
    g[FRONT] = true;
    process.env.WAKELINE_TRUST_PROXY = '1';
    resetConfigForTests();
    expect(clientAddress(headers({ 'x-forwarded-for': '6.6.6.6, 203.0.113.5', [PEER_HEADER]: '10.0.0.2' }))).toBe('203.0.113.5');
  });
  it('without that server, falls back to the last X-Forwarded-For entry', () => {
    expect(clientAddress(headers({ 'x-forwarded-for': '6.6.6.6, 203.0.113.5', [PEER_HEADER]: '10.0.0.2' }))).toBe('203.0.113.5');
    expect(clientAddress(headers({}))).toBe('unknown');
  });
});
