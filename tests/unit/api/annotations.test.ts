/**
 * The annotations API, handlers called directly against a real temporary SQLite file: what a note
 * stores, threads, bad input, concurrent edits of one version (one success, nineteen 409s), the
 * revision history, and the endpoints' place in the OpenAPI document.
 */
import { describe, expect, it } from 'vitest';
import { call, created, setUpAccountsApi, voyage } from './accounts-api';

setUpAccountsApi('annotations-api');

describe('annotations', () => {
  it('stores kind, text, evidence URLs, map location and author; lists them without caching', async () => {
    const r = await call('voyageAnnotations', 'POST', { id: voyage }, {
      as: 'editor',
      body: {
        kind: 'evidence',
        body: '<img src=x onerror=alert(1)> see https://example.org/ship',
        evidenceUrls: ['https://example.org/sat.png'],
        location: [131.9, 42.8],
      },
    });
    expect(r.status).toBe(201);
    expect(r.body.annotation).toMatchObject({
      kind: 'evidence',
      body: '<img src=x onerror=alert(1)> see https://example.org/ship',
      evidenceUrls: ['https://example.org/sat.png'],
      location: [131.9, 42.8],
      author: { username: 'ed' },
      version: 1,
      resolved: false,
      editedAt: null,
      target: { type: 'voyage', id: voyage },
    });
    const list = await call('voyageAnnotations', 'GET', { id: voyage });
    expect(list.status).toBe(200);
    expect(list.headers.get('cache-control')).toBe('no-store');
    expect(list.body.annotations.map((a: { id: string }) => a.id)).toContain(r.body.annotation.id);
  });

  it('threads replies one level deep and resolves questions', async () => {
    const q = (await call('voyageAnnotations', 'POST', { id: voyage }, { as: 'editor', body: { kind: 'question', body: 'Which berth?' } })).body
      .annotation;
    const reply = await call('voyageAnnotations', 'POST', { id: voyage }, { as: 'other', body: { body: 'Berth 3', parentId: q.id } });
    expect(reply.body.annotation.parentId).toBe(q.id);
    const nested = await call('voyageAnnotations', 'POST', { id: voyage }, {
      as: 'editor',
      body: { body: 'thanks', parentId: reply.body.annotation.id },
    });
    expect(nested.body.annotation.parentId).toBe(q.id);
    const resolved = await call('annotation', 'PATCH', { id: q.id }, { as: 'editor', body: { version: 1, resolved: true } });
    expect(resolved.body.annotation).toMatchObject({ resolved: true, version: 2 });
    const note = await created();
    const bad = await call('annotation', 'PATCH', { id: note.id }, { as: 'editor', body: { version: 1, resolved: true } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('"resolved"');
  });

  it.each([
    [{ body: '   ' }, 'body'],
    [{ body: 'x', kind: 'rumour' }, 'kind'],
    [{ body: 'x', evidenceUrls: ['javascript:alert(1)'] }, 'evidenceUrls.0'],
    [{ body: 'x', location: [200, 0] }, 'location.0'],
    [{ body: 'x', parentId: 'nope' }, 'parentId'],
    [{ body: 'x', parentId: '00000000-0000-0000-0000-000000000000' }, 'parentId'],
    [{ body: 'x', author: 'ada' }, 'author'],
  ])('refuses %j with 400 naming "%s"', async (body, field) => {
    const r = await call('voyageAnnotations', 'POST', { id: voyage }, { as: 'editor', body });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toContain(`"${field}"`);
  });

  it('answers 400 for bad JSON and a bad id, 404 for unknown voyages and annotations, never 500', async () => {
    expect((await call('voyageAnnotations', 'POST', { id: voyage }, { as: 'editor', rawBody: '{oops' })).status).toBe(400);
    expect((await call('voyageAnnotations', 'POST', { id: 'no-such-voyage' }, { as: 'editor', body: { body: 'x' } })).status).toBe(404);
    expect((await call('voyageAnnotations', 'GET', { id: 'no-such-voyage' })).status).toBe(404);
    expect((await call('voyageAnnotations', 'GET', { id: 'Bad Id' })).status).toBe(400);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await call('annotation', 'PATCH', { id: unknown }, { as: 'admin', body: { version: 1, body: 'x' } })).status).toBe(404);
    expect((await call('annotation', 'DELETE', { id: unknown }, { as: 'admin' })).status).toBe(404);
    expect((await call('history', 'GET', { id: unknown })).status).toBe(404);
    expect((await call('annotation', 'PATCH', { id: 'x' }, { as: 'admin', body: { version: 1 } })).status).toBe(400);
    expect((await call('annotation', 'DELETE', { id: unknown }, { as: 'admin', query: '?version=abc' })).status).toBe(400);
  });

  it('gives a stale edit 409 with the current text', async () => {
    const a = await created('editor', 'first');
    expect((await call('annotation', 'PATCH', { id: a.id }, { as: 'editor', body: { version: 1, body: 'second' } })).status).toBe(200);
    const stale = await call('annotation', 'PATCH', { id: a.id }, { as: 'editor', body: { version: 1, body: 'mine' } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current).toMatchObject({ body: 'second', version: 2 });
  });

  it('accepts exactly one of twenty concurrent edits of one version; nineteen get 409', async () => {
    const a = await created('editor', 'original');
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        call('annotation', 'PATCH', { id: a.id }, { as: i % 2 ? 'admin' : 'editor', body: { version: 1, body: `edit ${i}` } }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const winner = results.find((r) => r.status === 200)!.body.annotation;
    const history = await call('history', 'GET', { id: a.id });
    expect(history.body.revisions.map((r: { action: string }) => r.action)).toEqual(['create', 'edit']);
    expect(history.body.revisions[1].after.body).toBe(winner.body);
  });

  it('keeps every accepted change in the history: who, when, before and after', async () => {
    const a = await created('editor', 'v1');
    await call('annotation', 'PATCH', { id: a.id }, { as: 'editor', body: { version: 1, body: 'v2' } });
    await call('annotation', 'PATCH', { id: a.id }, { as: 'admin', body: { version: 2, kind: 'correction', evidenceUrls: ['https://example.org/a'] } });
    await call('annotation', 'PATCH', { id: a.id }, { as: 'other', body: { version: 3, body: 'refused' } });
    await call('annotation', 'DELETE', { id: a.id }, { as: 'editor', query: '?version=3' });
    // deleted: gone for everyone but admins
    expect((await call('annotation', 'GET', { id: a.id })).status).toBe(404);
    expect((await call('history', 'GET', { id: a.id }, { as: 'editor' })).status).toBe(404);
    const listed = await call('voyageAnnotations', 'GET', { id: voyage }, { as: 'editor' });
    expect(listed.body.annotations.some((x: { id: string }) => x.id === a.id)).toBe(false);
    const adminList = await call('voyageAnnotations', 'GET', { id: voyage }, { as: 'admin' });
    expect(adminList.body.annotations.find((x: { id: string }) => x.id === a.id).deletedAt).toBeTruthy();
    await call('restore', 'POST', { id: a.id }, { as: 'admin' });
    const h = await call('history', 'GET', { id: a.id });
    expect(h.status).toBe(200);
    const revs = h.body.revisions as { version: number; action: string; actor: { username: string }; at: string; before: { body: string; kind: string } | null; after: { body: string; kind: string; deleted: boolean } }[];
    expect(revs.map((r) => [r.version, r.action, r.actor.username])).toEqual([
      [1, 'create', 'ed'],
      [2, 'edit', 'ed'],
      [3, 'edit', 'ada'],
      [4, 'delete', 'ed'],
      [5, 'restore', 'ada'],
    ]);
    expect(revs[0]!.before).toBeNull();
    expect(revs[1]!.before!.body).toBe('v1');
    expect(revs[1]!.after.body).toBe('v2');
    expect(revs[2]!.after.kind).toBe('correction');
    expect(revs[3]!.after.deleted).toBe(true);
    expect(revs[4]!.after.deleted).toBe(false);
    expect(revs.every((r) => !Number.isNaN(Date.parse(r.at)))).toBe(true);
  });

  it('a conditional delete of a stale version gets 409', async () => {
    const a = await created('editor', 'x');
    await call('annotation', 'PATCH', { id: a.id }, { as: 'editor', body: { version: 1, body: 'y' } });
    expect((await call('annotation', 'DELETE', { id: a.id }, { as: 'editor', query: '?version=1' })).status).toBe(409);
  });
});

describe('OpenAPI', () => {
  it('describes the annotation and auth endpoints', async () => {
    const doc = (await call('openapi', 'GET')).body;
    for (const p of [
      '/api/auth/login',
      '/api/auth/logout',
      '/api/auth/me',
      '/api/voyages/{id}/annotations',
      '/api/annotations/{id}',
      '/api/annotations/{id}/history',
      '/api/annotations/{id}/restore',
    ]) {
      expect(doc.paths[p], p).toBeDefined();
    }
    expect(Object.keys(doc.paths['/api/annotations/{id}'])).toEqual(expect.arrayContaining(['patch', 'delete']));
  });
});
