/**
 * GET /api/search called as Next.js calls it, against a real temporary SQLite file with the seed:
 * vessels by name, former name, IMO, MMSI and call sign; ports by name, alternative name and
 * UN/LOCODE; sources by title and publisher; case, accents and Cyrillic letters ignored; drafts
 * only for signed-in readers; a missing, empty or overlong q refused with a 400 naming q.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeSearchText } from '@/lib/core/domain/search';
import { openTeamDatabase } from '../helpers';

type Handler = (request: Request) => Promise<Response>;
let GET: Handler;
let close: () => Promise<void>;
let cookies: Record<string, string>;

beforeAll(async () => {
  const team = await openTeamDatabase('search');
  close = team.close;
  cookies = team.cookies;
  GET = (await import('@/app/api/search/route')).GET as unknown as Handler;
}, 60_000);
afterAll(() => close());

interface Hit {
  id: string;
  label: string;
  detail: string;
  matched: { field: string; value: string; unverified: boolean };
}
type Group = { hits: Hit[]; total: number };

async function search(q: string | null, cookie?: string) {
  const url = q === null ? 'http://localhost/api/search' : `http://localhost/api/search?q=${encodeURIComponent(q)}`;
  const res = await GET(new Request(url, { headers: cookie ? { cookie } : {} }));
  return { status: res.status, body: (await res.json()) as { vessels: Group; ports: Group; sources: Group; normalized: string; error?: { message: string; details: { issues: { field: string }[] } } } };
}

const ids = (g: Group) => g.hits.map((h) => h.id);

describe('GET /api/search', () => {
  it('finds a vessel by its name, in any case, and says it matched the name', async () => {
    const { status, body } = await search('lADY r');
    expect(status).toBe(200);
    expect(ids(body.vessels)).toEqual(['lady-r']);
    expect(body.vessels.hits[0]!.matched).toEqual({ field: 'name', value: 'Lady R', unverified: false });
  });

  it('finds a vessel by a former name from its identity history', async () => {
    const { body } = await search('beluga');
    expect(ids(body.vessels)).toEqual(['maia-1']);
    expect(body.vessels.hits[0]!.matched).toMatchObject({ field: 'former_name', value: 'Beluga Evaluation' });
  });

  it('reads Cyrillic as Latin: "Ангара" finds the Angara, "Дунай" the port of Dunai', async () => {
    expect(ids((await search('Ангара')).body.vessels)).toEqual(['angara']);
    const dunai = await search('Дунай');
    expect(ids(dunai.body.ports)).toEqual(['dunai']);
    expect(dunai.body.normalized).toBe('dunay');
  });

  it('ignores accents', async () => {
    expect(ids((await search('Ládý R')).body.vessels)).toEqual(['lady-r']);
    expect(normalizeSearchText('Sonbông')).toBe('sonbong');
  });

  it('matches IMO digits exactly or by prefix, with or without "IMO", and says so', async () => {
    for (const q of ['9179842', 'IMO 9179842', 'imo:917984', '91798']) {
      const { body } = await search(q);
      expect(ids(body.vessels), q).toEqual(['angara']);
      expect(body.vessels.hits[0]!.matched, q).toEqual({ field: 'imo', value: '9179842', unverified: true });
    }
    // Not in the middle, and not on two digits (most IMO numbers start with 9).
    expect((await search('79842')).body.vessels.total).toBe(0);
    expect((await search('91')).body.vessels.total).toBe(0);
  });

  it('matches an MMSI and a call sign from the identity history, marked unverified', async () => {
    const mmsi = await search('273210440');
    expect(mmsi.body.vessels.hits[0]).toMatchObject({ id: 'angara', matched: { field: 'mmsi', value: '273210440', unverified: true } });
    const call = await search('ubyt2');
    expect(call.body.vessels.hits[0]).toMatchObject({ id: 'angara', matched: { field: 'call_sign', value: 'UBYT2' } });
  });

  it('finds ports by UN/LOCODE with or without the space, and by alternative name', async () => {
    for (const q of ['RUVVO', 'ru vvo']) {
      const { body } = await search(q);
      expect(ids(body.ports), q).toEqual(['vladivostok']);
      expect(body.ports.hits[0]!.matched, q).toMatchObject({ field: 'unlocode', value: 'RUVVO' });
    }
    const najin = await search('najin');
    expect(ids(najin.body.ports)).toEqual(['rajin']);
    expect(najin.body.ports.hits[0]!.matched).toMatchObject({ field: 'alt_name', value: 'Najin' });
  });

  it('finds sources by publisher and by a word of the title', async () => {
    const rusi = await search('rusi');
    expect(ids(rusi.body.sources)).toContain('rusi-2023-10-16');
    expect(rusi.body.sources.hits.find((h) => h.id === 'rusi-2023-10-16')!.matched.field).toBe('publisher');
    const orient = await search('orient express');
    expect(ids(orient.body.sources)).toEqual(['rusi-2023-10-16']);
    expect(orient.body.sources.hits[0]!.matched.field).toBe('title');
  });

  it('matches at the start of a word, never in the middle of one', async () => {
    expect((await search('gara')).body.vessels.total).toBe(0);
    expect((await search('xyzzy')).body).toMatchObject({ vessels: { total: 0 }, ports: { total: 0 }, sources: { total: 0 } });
  });

  it('ranks an exact name before prefixes, and counts every match beyond the ones listed', async () => {
    const { body } = await search('ma');
    // Maia-1 and Maria start with "ma"; Angara's owner "M Leasing or Marine Trans Shipping" has a word starting with it.
    expect(ids(body.vessels).slice(0, 2)).toEqual(['maia-1', 'maria']);
    expect(body.vessels.total).toBe(body.vessels.hits.length);
    const all = await search('the');
    expect(all.body.sources.hits.length).toBeLessThanOrEqual(8);
    expect(all.body.sources.total).toBeGreaterThan(all.body.sources.hits.length);
  });

  it('shows a draft only to a signed-in reader', async () => {
    const { getDb } = await import('@/lib/server/db');
    const db = await getDb();
    await db.updateTable('ports').set({ status: 'draft' }).where('id', '=', 'posyet').execute();
    try {
      expect((await search('posyet')).body.ports.total).toBe(0);
      expect(ids((await search('posyet', cookies.viewer)).body.ports)).toEqual(['posyet']);
    } finally {
      await db.updateTable('ports').set({ status: 'published' }).where('id', '=', 'posyet').execute();
    }
  });

  it('keeps what it read until the data changes: a repeat is a 304, and a write shows at once', async () => {
    const first = await GET(new Request('http://localhost/api/search?q=posyet'));
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    expect((await GET(new Request('http://localhost/api/search?q=posyet', { headers: { 'if-none-match': etag! } }))).status).toBe(304);
    const { getDb } = await import('@/lib/server/db');
    const db = await getDb();
    await db.updateTable('ports').set({ name: 'Posyet Bay' }).where('id', '=', 'posyet').execute();
    try {
      const after = await search('posyet bay');
      expect(ids(after.body.ports)).toEqual(['posyet']);
      expect((await GET(new Request('http://localhost/api/search?q=posyet', { headers: { 'if-none-match': etag! } }))).status).toBe(200);
    } finally {
      await db.updateTable('ports').set({ name: 'Posyet' }).where('id', '=', 'posyet').execute();
    }
  });

  it('refuses a missing, empty, blank, punctuation-only or overlong q with a 400 naming q', async () => {
    for (const q of [null, '', '   ', '?!', 'x'.repeat(101)]) {
      const { status, body } = await search(q);
      expect(status, String(q)).toBe(400);
      expect(body.error!.message, String(q)).toContain('"q"');
      expect(body.error!.details.issues.map((i) => i.field), String(q)).toEqual(['q']);
    }
  });
});
