import { describe, expect, it } from 'vitest';
import { createAnnotationInput, updateAnnotationInput } from '@/lib/core/domain/annotations';
import { normaliseHttpUrl } from '@/lib/core/domain/primitives';

describe('evidence links are stored in their WHATWG form', () => {
  it('normalises scheme, host, default port, spaces and path dots', () => {
    expect(normaliseHttpUrl('  HTTPS://Example.ORG:443/a/../b?q=1#x ')).toBe('https://example.org/b?q=1#x');
    expect(normaliseHttpUrl('http://EXAMPLE.org:80')).toBe('http://example.org/');
    expect(normaliseHttpUrl('https://example.org/ä b')).toBe('https://example.org/%C3%A4%20b');
  });

  it('refuses other schemes, credentials and relative links', () => {
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'ftp://example.org/', 'https://user:pw@example.org/', '/relative', 'example.org']) {
      expect(normaliseHttpUrl(bad), bad).toBeNull();
    }
  });

  it('an annotation keeps the normalised link, and one typed two ways is the same link', () => {
    const a = createAnnotationInput.parse({ body: 'x', evidenceUrls: ['HTTPS://Example.org:443/sat.png'] });
    const b = createAnnotationInput.parse({ body: 'x', evidenceUrls: ['https://example.org/sat.png'] });
    expect(a.evidenceUrls).toEqual(['https://example.org/sat.png']);
    expect(a.evidenceUrls).toEqual(b.evidenceUrls);
    const edit = updateAnnotationInput.parse({ version: 1, evidenceUrls: ['HTTP://EXAMPLE.ORG/x'] });
    expect(edit.evidenceUrls).toEqual(['http://example.org/x']);
  });

  it('names the field when a link is refused', () => {
    const r = createAnnotationInput.safeParse({ body: 'x', evidenceUrls: ['https://ok.example/', 'javascript:alert(1)'] });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['evidenceUrls', 1]);
  });
});
