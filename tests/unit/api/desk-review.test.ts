/**
 * The review rules: a second person publishes; an admin publishes their own only with a reason;
 * an edit of a published record needs a reason and stays a proposal (readers who are not signed
 * in keep seeing the published record) until it is published; a stale version answers 409 with
 * the current record; the history says who, when, why, before and after; the review queue.
 */
import { describe, expect, it } from 'vitest';
import { call, collection, create, one, publish, setUpDeskApi } from './desk-api';

setUpDeskApi('desk-review');

const source = one('source');

async function publishedSource(title = 'Published title') {
  const draft = await create('source', 'editor', { title });
  const r = await publish('source', draft);
  expect(r.status).toBe(200);
  return r.body.record as { id: string; version: number };
}

describe('publishing', () => {
  it('refuses the author and lets a second editor publish', async () => {
    const draft = await create('source', 'editor');
    const own = await publish('source', draft, 'editor');
    expect(own.status).toBe(403);
    expect(own.body.error.code).toBe('own_change');
    expect((await publish('source', draft, 'other')).body.record.status).toBe('published');
  });

  it('refuses an editor who edited the draft, even if someone else created it', async () => {
    const draft = await create('source', 'editor');
    const edited = await call(source, 'PATCH', { as: 'other', params: { id: draft.id }, body: { version: 1, title: 'otto edits' } });
    expect((await publish('source', edited.body.record, 'other')).status).toBe(403);
    expect((await publish('source', edited.body.record, 'editor')).status).toBe(403);
    expect((await publish('source', edited.body.record, 'admin')).status).toBe(200);
  });

  it("lets an admin publish their own draft only with a reason, kept in the history", async () => {
    const draft = await create('source', 'admin');
    const bare = await publish('source', draft, 'admin');
    expect(bare.status).toBe(400);
    expect(bare.body.error.message).toContain('"reason"');
    const ok = await publish('source', draft, 'admin', 'urgent correction, reviewed by phone with otto');
    expect(ok.status).toBe(200);
    const history = await call(`${source}/history`, 'GET', { params: { id: draft.id } });
    expect(history.body.revisions.at(-1)).toMatchObject({ action: 'publish', reason: 'urgent correction, reviewed by phone with otto', actor: { username: 'ada' } });
  });

  it('answers 409 when there is nothing to publish', async () => {
    const rec = await publishedSource();
    expect((await publish('source', rec)).status).toBe(409);
  });
});

describe('a change to a published record', () => {
  it('needs a reason', async () => {
    const rec = await publishedSource();
    const r = await call(source, 'PATCH', { as: 'editor', params: { id: rec.id }, body: { version: rec.version, title: 'x' } });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toContain('"reason"');
  });

  it('stays a proposal: anonymous readers see the published record until the change is published', async () => {
    const rec = await publishedSource('As published');
    const proposed = await call(source, 'PATCH', {
      as: 'editor',
      params: { id: rec.id },
      body: { version: rec.version, title: 'As corrected', reason: 'correction: the headline was misquoted' },
    });
    expect(proposed.status).toBe(200);
    expect(proposed.body.record).toMatchObject({ title: 'As corrected', status: 'published', pendingChange: { author: { username: 'ed' } } });
    const anonymous = async () => (await call(source, 'GET', { params: { id: rec.id } })).body.record.title;
    const listed = async () => (await call(collection('source'), 'GET')).body.sources.find((s: { id: string }) => s.id === rec.id).title;
    expect(await anonymous()).toBe('As published');
    expect(await listed()).toBe('As published');
    expect((await call(source, 'GET', { as: 'viewer', params: { id: rec.id } })).body.record.title).toBe('As corrected');
    expect((await publish('source', proposed.body.record, 'editor')).status).toBe(403);
    expect((await publish('source', proposed.body.record, 'other')).status).toBe(200);
    expect(await anonymous()).toBe('As corrected');
    expect(await listed()).toBe('As corrected');
  });
});

describe('visibility', () => {
  it('hides drafts and deleted records from anonymous readers, and shows drafts to the team', async () => {
    const draft = await create('source', 'editor', { title: 'Secret draft' });
    expect((await call(source, 'GET', { params: { id: draft.id } })).status).toBe(404);
    expect((await call(collection('source'), 'GET')).body.sources.map((s: { id: string }) => s.id)).not.toContain(draft.id);
    expect((await call(collection('source'), 'GET', { as: 'viewer' })).body.sources.map((s: { id: string }) => s.id)).toContain(draft.id);
    expect((await call(source, 'GET', { as: 'viewer', params: { id: draft.id } })).body.record.status).toBe('draft');
  });

  it('keeps a draft voyage out of the anonymous list and detail (and their cached answers)', async () => {
    const draft = await create('voyage', 'editor');
    const ids = async (as?: 'viewer') => (await call('/api/voyages', 'GET', { as, query: '?limit=5000' })).body.voyages.map((v: { id: string }) => v.id);
    expect(await ids()).not.toContain(draft.id);
    expect(await ids('viewer')).toContain(draft.id);
    expect(await ids()).not.toContain(draft.id);
    expect((await call('/api/voyages/{id}', 'GET', { params: { id: draft.id } })).status).toBe(404);
    expect((await call('/api/voyages/{id}', 'GET', { as: 'viewer', params: { id: draft.id } })).status).toBe(200);
  });
});

describe('concurrency and history', () => {
  it('answers a stale version with 409 and the current record', async () => {
    const draft = await create('source', 'editor');
    expect((await call(source, 'PATCH', { as: 'editor', params: { id: draft.id }, body: { version: 1, title: 'first' } })).status).toBe(200);
    const stale = await call(source, 'PATCH', { as: 'other', params: { id: draft.id }, body: { version: 1, title: 'second' } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current).toMatchObject({ id: draft.id, version: 2, title: 'first' });
    expect((await publish('source', { id: draft.id, version: 1 })).status).toBe(409);
    expect((await call(source, 'DELETE', { as: 'editor', params: { id: draft.id }, query: '?version=1' })).status).toBe(409);
  });

  it('keeps who, when, why, before and after for every change, oldest first', async () => {
    const rec = await publishedSource('v1');
    await call(source, 'PATCH', { as: 'editor', params: { id: rec.id }, body: { version: rec.version, title: 'v2', reason: 'typo in the title' } });
    const history = await call(`${source}/history`, 'GET', { params: { id: rec.id } });
    expect(history.status).toBe(200);
    const revisions = history.body.revisions as { action: string; actor: { username: string }; at: string; reason: string | null; before: { title: string } | null; after: { title: string } }[];
    expect(revisions.map((r) => [r.action, r.actor.username])).toEqual([['create', 'ed'], ['publish', 'otto'], ['propose', 'ed']]);
    expect(revisions[2]).toMatchObject({ reason: 'typo in the title', before: { title: 'v1' }, after: { title: 'v2' } });
    expect(revisions.every((r) => !Number.isNaN(Date.parse(r.at)))).toBe(true);
  });
});

describe('the review queue', () => {
  it('lists drafts and pending changes with before and after, for editors and admins only', async () => {
    const draft = await create('claim', 'editor', { statement: 'A claim awaiting review' });
    const rec = await publishedSource('Before the change');
    await call(source, 'PATCH', { as: 'other', params: { id: rec.id }, body: { version: rec.version, title: 'After the change', reason: 'retitled' } });
    expect((await call('/api/review', 'GET')).status).toBe(401);
    expect((await call('/api/review', 'GET', { as: 'viewer' })).status).toBe(403);
    const queue = await call('/api/review', 'GET', { as: 'editor' });
    expect(queue.status).toBe(200);
    const items = queue.body.items as { kind: string; id: string; before: unknown; after: unknown; reason: string | null; author: { username: string } }[];
    expect(items.find((i) => i.id === draft.id)).toMatchObject({ kind: 'claim', before: null, after: { statement: 'A claim awaiting review' }, author: { username: 'ed' } });
    expect(items.find((i) => i.id === rec.id)).toMatchObject({
      kind: 'source',
      before: { title: 'Before the change' },
      after: { title: 'After the change' },
      reason: 'retitled',
      author: { username: 'otto' },
    });
  });
});
