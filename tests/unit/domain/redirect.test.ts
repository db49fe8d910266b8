import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from '@/lib/core/domain/redirect';

const ORIGIN = 'https://wakeline.example.org';
/** What the login page gets from `?next=…`: URLSearchParams decodes the %-escapes. */
const fromQuery = (raw: string) => new URLSearchParams(`next=${raw}`).get('next');

describe('safeRedirectPath', () => {
  it.each([
    ['%2F%09%2Fevil.example%2F', 'a tab the URL parser drops (issue 9, finding 4)'],
    ['%2F%0A%2Fevil.example', 'a newline'],
    ['%2F%0D%2Fevil.example', 'a carriage return'],
    ['%2F%2Fevil.example', 'a protocol-relative URL'],
    ['%2F%5Cevil.example', 'a backslash'],
    ['%5C%5Cevil.example', 'two backslashes'],
    ['https%3A%2F%2Fevil.example', 'another origin'],
    ['http%3A%2F%2Fwakeline.example.org%2F', 'the same host over http'],
    ['javascript%3Aalert(1)', 'javascript:'],
    ['%20javascript%3Aalert(1)', 'javascript: after a space'],
    ['data%3Atext%2Fhtml%2C%3Cscript%3Ealert(1)%3C%2Fscript%3E', 'data:'],
    ['%2F.%2F%2Fevil.example', 'a dot segment that leaves //evil.example'],
    ['%09%2F%2Fevil.example', 'a leading tab'],
  ])('sends %s (%s) home', (raw, _what) => {
    expect(safeRedirectPath(fromQuery(raw), ORIGIN)).toBe('/');
  });

  it.each(['//evil.example', '/\\evil.example', 'https://evil.example', 'javascript:alert(1)', '/\t/evil.example/', '/\n/evil.example'])(
    'sends the decoded %j home',
    (next) => expect(safeRedirectPath(next, ORIGIN)).toBe('/'),
  );

  it('keeps a path on this site with its query and hash', () => {
    const next = '/?voyage=rajin-vladivostok-2023&lonlat=131.9,42.9&zoom=6#legend';
    expect(safeRedirectPath(fromQuery(encodeURIComponent(next)), ORIGIN)).toBe(next);
    expect(safeRedirectPath('/admin', ORIGIN)).toBe('/admin');
    expect(safeRedirectPath('/desk/voyages?status=draft', ORIGIN)).toBe('/desk/voyages?status=draft');
  });

  it('reduces an absolute URL of this site to its path', () => {
    expect(safeRedirectPath('https://wakeline.example.org/admin?x=1', ORIGIN)).toBe('/admin?x=1');
  });

  it('keeps still-encoded text inside this site', () => {
    const path = safeRedirectPath('/%09/evil.example/', ORIGIN);
    expect(new URL(path, ORIGIN).origin).toBe(ORIGIN);
  });

  it('goes home with no next, an empty one, or an unusable origin', () => {
    expect(safeRedirectPath(null, ORIGIN)).toBe('/');
    expect(safeRedirectPath('', ORIGIN)).toBe('/');
    expect(safeRedirectPath('/admin', 'not an origin')).toBe('/');
  });
});
