/**
 * Bounded annotation lists (issue 9, finding 6), handlers called directly against a real temporary
 * SQLite file: pages with a cursor (default and maximum size, every note exactly once even when
 * notes share a timestamp), ETag / 304 that moves with every create, edit, delete and restore and
 * differs by what the reader may see, `since` answers with only the changes, and the per-account
 * write limit (429 with Retry-After).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import seedPorts from '@/data/seed/ports.json';
import seedVessels from '@/data/seed/vessels.json';
import seedVoyages from '@/data/seed/voyages.json';
import { encodeCursor } from '@/lib/core/domain/annotation-list';
import { type CallOptions, call, ids, setUpAccountsApi } from './accounts-api';

setUpAccountsApi('annotation-lists');

type Listed = { id: string; createdAt: string; body: string; deletedAt: string | null; version: number };
type Route = 'voyageAnnotations' | 'portAnnotations';

afterEach(() => {
  vi.useRealTimers();
});

/** Writes `n` notes on a record straight through the data layer (the API would rate-limit a test this size). */
async function seedNotes(target: { type: 'voyage' | 'port'; id: string }, n: number, prefix: string) {
  const { getDb } = await import('@/lib/server/db');
  const { createAnnotation } = await import('@/lib/server/db/annotations');
  const actor = { id: ids.editor!, username: 'ed', role: 'editor' as const };
  const made: string[] = [];
  for (let i = 0; i < n; i++) {
    const a = await createAnnotation(await getDb(), actor, target, { kind: 'note', body: `${prefix} ${i}`, evidenceUrls: [], location: null, parentId: null });
    made.push(a.id);
  }
  return made;
}

const list = (route: Route, id: string, o: CallOptions = {}) => call(route, 'GET', { id }, o);

/** Newest first: (createdAt, id) descending. */
function isNewestFirst(xs: Listed[]): boolean {
  return xs.every((a, i) => i === 0 || xs[i - 1]!.createdAt > a.createdAt || (xs[i - 1]!.createdAt === a.createdAt && xs[i - 1]!.id > a.id));
}

describe('paging', () => {
  const voyage = seedVoyages[1]!.id;

  it('answers 50 newest first by default, up to 200 on request, and the cursors walk every note exactly once though most share one timestamp', async () => {
    // 120 notes in one millisecond, then 5 later ones.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-01T12:00:00.000Z'));
    const same = await seedNotes({ type: 'voyage', id: voyage }, 120, 'same ms');
    const later: string[] = [];
    for (let i = 0; i < 5; i++) {
      vi.setSystemTime(new Date(Date.UTC(2026, 2, 1, 12, 1 + i)));
      later.push(...(await seedNotes({ type: 'voyage', id: voyage }, 1, 'later')));
    }
    vi.useRealTimers();
    const all = new Set([...same, ...later]);

    const first = await list('voyageAnnotations', voyage);
    expect(first.status).toBe(200);
    expect(first.body.annotations).toHaveLength(50);
    expect(first.body).toMatchObject({ total: 125, live: 125, removed: [] });
    expect(first.body.nextCursor).toEqual(expect.any(String));
    expect(first.body.annotations.slice(0, 5).map((a: Listed) => a.id)).toEqual([...later].reverse());
    expect(isNewestFirst(first.body.annotations)).toBe(true);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `?limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = await list('voyageAnnotations', voyage, { query });
      expect(page.status).toBe(200);
      expect(page.body.annotations.length).toBeLessThanOrEqual(7);
      expect(isNewestFirst(page.body.annotations)).toBe(true);
      seen.push(...page.body.annotations.map((a: Listed) => a.id));
      cursor = page.body.nextCursor;
      pages += 1;
    } while (cursor && pages < 100);
    expect(pages).toBe(Math.ceil(125 / 7));
    expect(seen).toHaveLength(125);
    expect(new Set(seen)).toEqual(all);

    const max = await list('voyageAnnotations', voyage, { query: '?limit=200' });
    expect(max.body.annotations).toHaveLength(125);
    expect(max.body.nextCursor).toBeNull();
  });

  const someCursor = encodeCursor({ createdAt: '2026-03-01T12:00:00.000Z', id: '00000000-0000-4000-8000-000000000000' });
  // Each refused query next to one that is accepted: the parameter is known, only its value is wrong.
  it.each([
    ['?limit=201', 'limit', '?limit=200'],
    ['?limit=0', 'limit', '?limit=1'],
    ['?limit=ten', 'limit', '?limit=10'],
    ['?cursor=nope!', 'cursor', `?cursor=${someCursor}`],
    [`?cursor=${btoa('yesterday|abc')}`, 'cursor', `?cursor=${someCursor}`],
    [`?cursor=${btoa('2026-03-01T12:00:00.000Z|not-an-id')}`, 'cursor', `?cursor=${someCursor}`],
    ['?since=12', 'since', '?since=0-live'],
    [`?since=0-live&cursor=${someCursor}`, 'since', '?since=0-live'],
  ])('refuses %s with 400 naming "%s" (and accepts %s)', async (query, field, accepted) => {
    const r = await list('voyageAnnotations', voyage, { query });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toContain(`"${field}"`);
    expect(r.body.error.details.issues[0].field).toBe(field);
    expect((await list('voyageAnnotations', voyage, { query: accepted })).status).toBe(200);
  });

  it('a deleted note leaves the pages and the count of readers who do not see deleted notes, not an admin’s', async () => {
    const port = seedPorts[1]!.id;
    const [gone, kept] = await seedNotes({ type: 'port', id: port }, 2, 'port note');
    expect((await call('annotation', 'DELETE', { id: gone }, { as: 'editor' })).status).toBe(200);
    const reader = await list('portAnnotations', port, { as: 'viewer' });
    expect(reader.body.annotations.map((a: Listed) => a.id)).toEqual([kept]);
    expect(reader.body).toMatchObject({ total: 1, live: 1 });
    const admin = await list('portAnnotations', port, { as: 'admin' });
    expect(new Set(admin.body.annotations.map((a: Listed) => a.id))).toEqual(new Set([kept, gone]));
    expect(admin.body).toMatchObject({ total: 2, live: 1 });
  });
});

describe('ETag and 304', () => {
  const voyage = seedVoyages[2]!.id;
  const get = (o: CallOptions = {}) => list('voyageAnnotations', voyage, o);
  const etagOf = async (o: CallOptions = {}) => {
    const r = await get(o);
    expect(r.status).toBe(200);
    return r.headers.get('etag')!;
  };
  const revalidate = async (etag: string, o: CallOptions = {}) => (await get({ ...o, headers: { 'if-none-match': etag } })).status;

  it('answers 304 with no body to the current ETag, and 200 after any create, edit, delete or restore on the record', async () => {
    let etag = await etagOf({ as: 'editor' });
    expect(etag).toMatch(/^W\/".+"$/);
    const unchanged = await get({ as: 'editor', headers: { 'if-none-match': etag } });
    expect(unchanged.status).toBe(304);
    expect(unchanged.body).toBeNull();
    expect(unchanged.headers.get('etag')).toBe(etag);

    const steps: [string, () => Promise<{ status: number }>][] = [];
    let note = '';
    steps.push(['create', async () => {
      const r = await call('voyageAnnotations', 'POST', { id: voyage }, { as: 'editor', body: { body: 'etag note' } });
      note = r.body.annotation.id;
      return r;
    }]);
    steps.push(['edit', () => call('annotation', 'PATCH', { id: note }, { as: 'editor', body: { version: 1, body: 'etag note, edited' } })]);
    steps.push(['delete', () => call('annotation', 'DELETE', { id: note }, { as: 'editor' })]);
    steps.push(['restore', () => call('restore', 'POST', { id: note }, { as: 'admin' })]);
    for (const [name, step] of steps) {
      expect((await step()).status, name).toBeLessThan(300);
      expect(await revalidate(etag, { as: 'editor' }), `after ${name}`).toBe(200);
      etag = await etagOf({ as: 'editor' });
      expect(await revalidate(etag, { as: 'editor' }), `after ${name}, the new ETag`).toBe(304);
    }
    // A note on another record leaves this list's ETag alone.
    await call('voyageAnnotations', 'POST', { id: seedVoyages[3]!.id }, { as: 'editor', body: { body: 'elsewhere' } });
    expect(await revalidate(etag, { as: 'editor' })).toBe(304);
  });

  it('differs by what the reader may see (admins see deleted notes) and by the page asked for', async () => {
    const r = await call('voyageAnnotations', 'POST', { id: voyage }, { as: 'editor', body: { body: 'to delete' } });
    await call('annotation', 'DELETE', { id: r.body.annotation.id }, { as: 'editor' });
    const adminTag = await etagOf({ as: 'admin' });
    const editorTag = await etagOf({ as: 'editor' });
    expect(adminTag).not.toBe(editorTag);
    expect(await revalidate(adminTag, { as: 'editor' })).toBe(200);
    expect(await revalidate(editorTag, { as: 'admin' })).toBe(200);
    expect(await revalidate(editorTag, { as: 'viewer' })).toBe(304);
    expect(await revalidate(editorTag, { as: 'editor', query: '?limit=1' })).toBe(200);
  });
});

describe('changes since an earlier answer', () => {
  const vessel = seedVessels[0]!.id;
  const changes = (since: string, o: CallOptions = {}) =>
    call('vesselAnnotations', 'GET', { id: vessel }, { ...o, query: `?since=${encodeURIComponent(since)}${o.query ?? ''}` });

  it('answers only what changed; a deleted note is in "removed" for readers who do not see it, and in full for admins', async () => {
    const start = await call('vesselAnnotations', 'GET', { id: vessel }, { as: 'editor' });
    const adminStart = await call('vesselAnnotations', 'GET', { id: vessel }, { as: 'admin' });
    const none = await changes(start.body.revision, { as: 'editor' });
    expect(none.body).toMatchObject({ annotations: [], removed: [], nextCursor: null, revision: start.body.revision });

    const made = (await call('vesselAnnotations', 'POST', { id: vessel }, { as: 'editor', body: { body: 'new on the vessel' } })).body.annotation;
    const created = await changes(start.body.revision, { as: 'editor' });
    expect(created.body.annotations.map((a: Listed) => a.body)).toEqual(['new on the vessel']);
    expect(created.body.revision).not.toBe(start.body.revision);

    await call('annotation', 'PATCH', { id: made.id }, { as: 'editor', body: { version: 1, body: 'edited on the vessel' } });
    const edited = await changes(created.body.revision, { as: 'editor' });
    expect(edited.body.annotations.map((a: Listed) => [a.id, a.body, a.version])).toEqual([[made.id, 'edited on the vessel', 2]]);

    await call('annotation', 'DELETE', { id: made.id }, { as: 'editor' });
    const deleted = await changes(edited.body.revision, { as: 'editor' });
    expect(deleted.body).toMatchObject({ annotations: [], removed: [made.id] });
    const forAdmin = await changes(adminStart.body.revision, { as: 'admin' });
    expect(forAdmin.body.removed).toEqual([]);
    expect(forAdmin.body.annotations).toHaveLength(1);
    expect(forAdmin.body.annotations[0]).toMatchObject({ id: made.id, body: 'edited on the vessel' });
    expect(forAdmin.body.annotations[0].deletedAt).toEqual(expect.any(String));

    // A token counted for another view, or newer than the list: 400, load the list again.
    expect((await changes(adminStart.body.revision, { as: 'editor' })).status).toBe(400);
    expect((await changes('999999-live', { as: 'editor' })).status).toBe(400);
  });

  it('gives at most `limit` changes at a time and says when more wait', async () => {
    const start = await call('vesselAnnotations', 'GET', { id: vessel });
    for (const body of ['one', 'two', 'three']) {
      await call('vesselAnnotations', 'POST', { id: vessel }, { as: 'other', body: { body } });
    }
    const a = await changes(start.body.revision, { query: '&limit=2' });
    expect(a.body.annotations.map((x: Listed) => x.body)).toEqual(['one', 'two']);
    expect(a.body.nextCursor).toBe(a.body.revision);
    const b = await changes(a.body.nextCursor, { query: '&limit=2' });
    expect(b.body.annotations.map((x: Listed) => x.body)).toEqual(['three']);
    expect(b.body.nextCursor).toBeNull();
  });
});

describe('the per-account write limit', () => {
  const voyage = seedVoyages[4]!.id;

  it('answers the 31st write in a minute with 429, Retry-After and the JSON error; another account writes on', async () => {
    const first = await call('voyageAnnotations', 'POST', { id: voyage }, { as: 'other', body: { body: 'write 1' } });
    const note = first.body.annotation;
    // Edits and deletes count with creates: 1 + 28 + 1 = 30 writes.
    for (let v = 1; v <= 28; v++) {
      expect((await call('annotation', 'PATCH', { id: note.id }, { as: 'other', body: { version: v, body: `edit ${v}` } })).status).toBe(200);
    }
    expect((await call('annotation', 'DELETE', { id: note.id }, { as: 'other' })).status).toBe(200);

    const refused = await call('voyageAnnotations', 'POST', { id: voyage }, { as: 'other', body: { body: 'write 31' } });
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('rate_limited');
    const retry = Number(refused.headers.get('retry-after'));
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(retry).toBeLessThanOrEqual(60);
    expect(refused.body.error.details.retryAfter).toBe(retry);
    const other = await call('voyageAnnotations', 'POST', { id: voyage }, { as: 'other', body: { body: 'x' } });
    expect(other.status).toBe(429);
    expect((await call('annotation', 'PATCH', { id: note.id }, { as: 'other', body: { version: 30, body: 'x' } })).status).toBe(429);

    expect((await call('voyageAnnotations', 'POST', { id: voyage }, { as: 'editor', body: { body: 'someone else' } })).status).toBe(201);
    // Reading is not limited.
    expect((await list('voyageAnnotations', voyage, { as: 'other' })).status).toBe(200);
  });

  it('counts an admin’s restores too', async () => {
    const note = (await call('voyageAnnotations', 'POST', { id: voyage }, { as: 'admin', body: { body: 'admin 1' } })).body.annotation;
    expect((await call('annotation', 'DELETE', { id: note.id }, { as: 'admin' })).status).toBe(200);
    expect((await call('restore', 'POST', { id: note.id }, { as: 'admin' })).status).toBe(200);
    for (let i = 4; i <= 30; i++) {
      expect((await call('voyageAnnotations', 'POST', { id: voyage }, { as: 'admin', body: { body: `admin ${i}` } })).status).toBe(201);
    }
    expect((await call('annotation', 'DELETE', { id: note.id }, { as: 'admin' })).status).toBe(429);
    expect((await call('restore', 'POST', { id: note.id }, { as: 'admin' })).status).toBe(429);
  });
});
