/**
 * The browser's annotation feed (lib/client/api/annotation-feed.ts) against the real list route
 * and a temporary SQLite file, with `fetch` answered by the route handler: what each refresh asks
 * for and what it costs (a 304 while nothing changed, one note for one new note), older pages only
 * on demand, and starting over when the server refuses the feed's `since`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import seedVoyages from '@/data/seed/voyages.json';
import { AnnotationFeed } from '@/lib/client/api/annotation-feed';
import { call, cookies, ids, setUpAccountsApi } from '../api/accounts-api';

setUpAccountsApi('annotation-feed');

const voyage = seedVoyages[5]!.id;
const url = `/api/voyages/${voyage}/annotations`;
type Handler = (request: Request, ctx: { params: Promise<{ id: string }> }) => Promise<Response>;
interface Seen {
  query: string;
  ifNoneMatch: string | null;
  status: number;
  bytes: number;
  body: { annotations: { id: string }[]; removed: string[] } | null;
}
const seen: Seen[] = [];
let as = 'viewer';
const offline = globalThis.fetch;

beforeAll(async () => {
  const { GET } = (await import('@/app/api/voyages/[id]/annotations/route')) as { GET: Handler };
  globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const target = new URL(String(input), 'http://localhost');
    if (target.pathname !== url) throw new Error(`unexpected fetch of ${target.pathname}`);
    const headers = new Headers(init?.headers);
    headers.set('cookie', cookies[as]!);
    const res = await GET(new Request(target, { headers }), { params: Promise.resolve({ id: voyage }) });
    const text = await res.text();
    seen.push({
      query: target.search,
      ifNoneMatch: headers.get('if-none-match'),
      status: res.status,
      bytes: Buffer.byteLength(text),
      body: text ? JSON.parse(text) : null,
    });
    return new Response(res.status === 304 ? null : text, { status: res.status, headers: res.headers });
  }) as typeof fetch;
});

afterAll(() => {
  globalThis.fetch = offline;
});

async function seedNotes(n: number) {
  const { getDb } = await import('@/lib/server/db');
  const { createAnnotation } = await import('@/lib/server/db/annotations');
  const actor = { id: ids.editor!, username: 'ed', role: 'editor' as const };
  for (let i = 0; i < n; i++) {
    await createAnnotation(await getDb(), actor, { type: 'voyage', id: voyage }, { kind: 'note', body: `old note ${i}`, evidenceUrls: [], location: null, parentId: null });
  }
}

const last = () => seen.at(-1)!;

describe('the annotation feed', () => {
  it('loads the newest page, refreshes with 304 while nothing changes, fetches only what changed, and older pages on demand', async () => {
    await seedNotes(120);
    const feed = new AnnotationFeed(url);
    let view = await feed.refresh();
    expect(last()).toMatchObject({ query: '', status: 200 });
    expect(view.annotations).toHaveLength(50);
    expect(view).toMatchObject({ live: 120, hasOlder: true });
    const times = view.annotations.map((a) => a.createdAt);
    expect(times).toEqual([...times].sort());

    // The first refresh learns the changes answer's ETag; from then on an unchanged list is a 304.
    const unchanged = view;
    await feed.refresh();
    expect(last()).toMatchObject({ status: 200, body: { annotations: [], removed: [] } });
    expect(last().query).toMatch(/^\?since=/);
    view = await feed.refresh();
    expect(last()).toMatchObject({ status: 304, bytes: 0 });
    expect(last().ifNoneMatch).toMatch(/^W\//);
    expect(view).toBe(unchanged);

    // A teammate's new note: the refresh brings that note alone.
    const made = (await call('voyageAnnotations', 'POST', { id: voyage }, { as: 'other', body: { body: 'a new note' } })).body.annotation;
    view = await feed.refresh();
    expect(last().status).toBe(200);
    expect(last().body!.annotations.map((a) => a.id)).toEqual([made.id]);
    expect(last().bytes).toBeLessThan(1000);
    expect(view.annotations).toHaveLength(51);
    expect(view.annotations.at(-1)!.body).toBe('a new note');
    expect(view.live).toBe(121);

    // An edit and a delete of notes on the loaded page.
    const loaded = view.annotations[10]!;
    await call('annotation', 'PATCH', { id: loaded.id }, { as: 'editor', body: { version: loaded.version, body: 'edited old note' } });
    await call('annotation', 'DELETE', { id: made.id }, { as: 'other' });
    view = await feed.refresh();
    expect(last().body).toMatchObject({ removed: [made.id] });
    expect(last().body!.annotations.map((a) => a.id)).toEqual([loaded.id]);
    expect(view.annotations.find((a) => a.id === loaded.id)!.body).toBe('edited old note');
    expect(view.annotations.some((a) => a.id === made.id)).toBe(false);
    expect(view.live).toBe(120);

    // Older pages only when asked for, until there are none.
    const before = seen.length;
    view = await feed.loadOlder();
    expect(seen.length).toBe(before + 1);
    expect(last().query).toMatch(/^\?cursor=/);
    expect(view.annotations).toHaveLength(100);
    view = await feed.loadOlder();
    expect(view.annotations).toHaveLength(120);
    expect(view.hasOlder).toBe(false);
    expect(new Set(view.annotations.map((a) => a.id)).size).toBe(120);
    const all = view.annotations.map((a) => a.createdAt);
    expect(all).toEqual([...all].sort());
  });

  it('starts over from the newest page when the server refuses its since (the account changed)', async () => {
    as = 'admin';
    const feed = new AnnotationFeed(url);
    await feed.refresh();
    as = 'viewer';
    const view = await feed.refresh();
    expect(seen.at(-2)).toMatchObject({ status: 400 });
    expect(last()).toMatchObject({ query: '', status: 200 });
    expect(view.annotations.every((a) => a.deletedAt === null)).toBe(true);
  });
});
