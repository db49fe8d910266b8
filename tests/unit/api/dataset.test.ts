/**
 * The dataset bundle through its route handlers, against a real temporary SQLite file: the
 * export (team only, every record with drafts and deletions marked, no secrets), the preview
 * (what an import would do, writing nothing) and the import (drafts and pending changes for
 * review, all or nothing), and the bounds and validation of an incoming bundle.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import seedSources from '@/data/seed/sources.json';
import seedVessels from '@/data/seed/vessels.json';
import { type DatasetBundle, datasetBundleSchema } from '@/lib/core/domain/dataset';
import { TEAM, openTeamDatabase } from '../helpers';

type Who = 'anonymous' | 'viewer' | 'editor' | 'admin';
type Handler = (request: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const ORIGIN = 'http://localhost';
const cookies: Record<Who, string | null> = { anonymous: null, viewer: null, editor: null, admin: null };
const actors: Partial<Record<Who, { id: number; username: string; role: 'viewer' | 'editor' | 'admin' }>> = {};
let team: Awaited<ReturnType<typeof openTeamDatabase>>;

async function route(rel: string): Promise<Record<string, Handler>> {
  return (await import(/* @vite-ignore */ path.join(process.cwd(), 'app', 'api', rel, 'route.ts'))) as Record<string, Handler>;
}

beforeAll(async () => {
  team = await openTeamDatabase('dataset');
  for (const who of ['viewer', 'editor', 'admin'] as const) {
    cookies[who] = team.cookies[who];
    actors[who] = { id: team.ids[who], ...TEAM[who] };
  }
}, 60_000);

afterAll(() => team.close());

interface CallOptions {
  as?: Who;
  params?: Record<string, string>;
  query?: string;
  body?: unknown;
  rawBody?: string;
  contentType?: string;
  origin?: string;
}

async function call(rel: string, method: 'GET' | 'POST' | 'DELETE', o: CallOptions = {}) {
  const handler = (await route(rel))[method]!;
  const headers: Record<string, string> = {};
  const cookie = cookies[o.as ?? 'anonymous'];
  if (cookie) headers.cookie = cookie;
  if (method !== 'GET') headers.origin = o.origin ?? ORIGIN;
  let body: string | undefined;
  if (o.rawBody !== undefined || o.body !== undefined) {
    headers['content-type'] = o.contentType ?? 'application/json';
    body = o.rawBody ?? JSON.stringify(o.body);
  }
  const url = `${ORIGIN}/api/${rel.replace(/\[(\w+)\]/g, (_, k: string) => o.params?.[k] ?? '')}${o.query ?? ''}`;
  const res = await handler(new Request(url, { method, headers, body }), { params: Promise.resolve(o.params ?? {}) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: text ? JSON.parse(text) : null };
}

const exportAs = async (as: Who = 'viewer') => {
  const r = await call('dataset', 'GET', { as });
  expect(r.status).toBe(200);
  return r.body as DatasetBundle;
};
type Rec = Record<string, unknown> & { id: string; status: string; deletedAt: string | null; pendingChange: { record: Record<string, unknown>; reason: string | null } | null };
const recs = (b: DatasetBundle, key: keyof DatasetBundle['records']) => b.records[key] as Rec[];
const find = (b: DatasetBundle, key: keyof DatasetBundle['records'], id: string) => recs(b, key).find((r) => r.id === id);

/** Rows of every table that an import could write, to show that nothing was written. */
async function footprint() {
  const { getDb } = await import('@/lib/server/db');
  const { sql } = await import('kysely');
  const db = await getDb();
  const out: Record<string, number> = {};
  for (const t of ['sources', 'ports', 'vessels', 'observations', 'voyages', 'claims', 'record_pending', 'record_revisions']) {
    const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(t)}`.execute(db);
    out[t] = Number(rows[0]!.n);
  }
  return out;
}

const newSource = (id: string) => {
  const { id: _id, ...rest } = structuredClone(seedSources[0]!);
  return { ...rest, id, title: `Report ${id}`, version: 1, status: 'published', deletedAt: null, deletedBy: null, pendingChange: null };
};

/** A new source as POST /api/sources takes it. */
const sourceInput = (id: string) => {
  const { version: _v, status: _s, deletedAt: _d, deletedBy: _b, pendingChange: _p, ...fields } = newSource(id);
  return fields;
};

describe('GET /api/dataset', () => {
  it('is for signed-in accounts only', async () => {
    expect((await call('dataset', 'GET')).status).toBe(401);
  });

  it('gives every record, drafts and deletions marked, every revision and annotation, as an attachment without secrets', async () => {
    const draft = await call('sources', 'POST', { as: 'editor', body: sourceInput('draft-report') });
    const gone = await call('sources', 'POST', { as: 'admin', body: sourceInput('gone-report') });
    const del = await call('sources/[id]', 'DELETE', { as: 'admin', params: { id: 'gone-report' } });
    expect([draft.status, gone.status, del.status]).toEqual([201, 201, 200]);
    const { getDb } = await import('@/lib/server/db');
    const { createAnnotation } = await import('@/lib/server/db/annotations');
    const target = { type: 'vessel' as const, id: seedVessels[0]!.id };
    const note = await createAnnotation(await getDb(), actors.editor!, target, { kind: 'note', body: 'Seen at Rajin', evidenceUrls: [], location: null, parentId: null });

    const r = await call('dataset', 'GET', { as: 'viewer' });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-disposition')).toMatch(/^attachment; filename="wakeline-dataset-[\dTZ-]+\.json"$/);
    const bundle = datasetBundleSchema.parse(r.body);
    const { migrations } = await import('@/lib/server/db/migrations');
    expect(bundle).toMatchObject({ format: 'wakeline-dataset', formatVersion: 1, schemaVersion: Object.keys(migrations).at(-1) });
    expect(recs(bundle, 'vessels').map((v) => v.id).sort()).toEqual(seedVessels.map((v) => v.id).sort());
    expect(find(bundle, 'sources', 'draft-report')).toMatchObject({ status: 'draft', deletedAt: null });
    expect(find(bundle, 'sources', 'gone-report')).toMatchObject({ deletedAt: expect.any(String), deletedBy: 'ada' });
    expect(bundle.revisions).toContainEqual(expect.objectContaining({ kind: 'source', recordId: 'draft-report', action: 'create', actor: 'ed' }));
    expect(bundle.annotations).toContainEqual(expect.objectContaining({ id: note.id, author: 'ed', target, revisions: [expect.objectContaining({ action: 'create', actor: 'ed' })] }));
    expect(r.text).not.toMatch(/scrypt|password|id_hash|session/i);
  });
});

describe('POST /api/dataset/preview and /import', () => {
  it('refuses callers who may not import, a cross-site request, a body that is not JSON, and an oversized bundle', async () => {
    const bundle = await exportAs();
    for (const rel of ['dataset/preview', 'dataset/import']) {
      expect((await call(rel, 'POST', { body: bundle })).status).toBe(401);
      expect((await call(rel, 'POST', { as: 'viewer', body: bundle })).status).toBe(403);
      expect((await call(rel, 'POST', { as: 'editor', body: bundle, origin: 'https://evil.example' })).status).toBe(403);
      expect((await call(rel, 'POST', { as: 'editor', rawBody: 'x', contentType: 'text/plain' })).status).toBe(415);
      expect((await call(rel, 'POST', { as: 'editor', rawBody: `"${'x'.repeat(17 * 1024 * 1024)}"` })).status).toBe(413);
    }
  });

  it('refuses a malformed bundle with 400 naming the field by its path', async () => {
    const bundle = await exportAs();
    const bad = async (b: unknown) => (await call('dataset/preview', 'POST', { as: 'editor', body: b })).body.error.details.issues[0].field;
    expect(await bad({ ...bundle, format: 'something-else' })).toBe('format');
    expect(await bad({ ...bundle, formatVersion: 2 })).toBe('formatVersion');
    expect(await bad({ ...bundle, records: { ...bundle.records, vessels: Array.from({ length: 5001 }, () => ({})) } })).toBe('records.vessels');
    expect(await bad({ ...bundle, records: { ...bundle.records, ships: [] } })).toBe('records.ships');
    expect((await call('dataset/import', 'POST', { as: 'editor', rawBody: '{' })).status).toBe(400);
  });

  it('previews what an import would add, change and refuse, writing nothing', async () => {
    const bundle = await exportAs();
    const angara = find(bundle, 'vessels', 'angara')!;
    angara.name = 'Angara (renamed)';
    recs(bundle, 'sources').push(newSource('preview-report'));
    const vi = recs(bundle, 'vessels').findIndex((v) => v.id === 'maria');
    find(bundle, 'vessels', 'maria')!.mmsi = '27321044';
    const before = await footprint();
    const r = await call('dataset/preview', 'POST', { as: 'editor', body: bundle, query: '?file=team.json' });
    expect(r.status).toBe(200);
    const { kinds, reason } = r.body.preview;
    expect(reason).toBe(`import of team.json (exported ${bundle.exportedAt})`);
    expect(kinds.sources.added).toEqual(['preview-report']);
    expect(kinds.vessels.changed).toEqual([{ id: 'angara', status: 'published', fields: [{ field: 'name', before: 'Angara', after: 'Angara (renamed)' }] }]);
    expect(kinds.vessels.rejected).toEqual([{ index: vi, id: 'maria', issues: [{ field: `records.vessels[${vi}].mmsi`, message: expect.any(String) }] }]);
    expect(kinds.sources.skipped).toEqual(['gone-report']);
    expect(await footprint()).toEqual(before);
  });

  it('names a record the database refuses (an unknown source) by its path, and the import then writes nothing at all', async () => {
    const bundle = await exportAs();
    recs(bundle, 'sources').push(newSource('atomic-report'));
    const port = structuredClone(recs(bundle, 'ports')[0]!);
    Object.assign(port, { id: 'atomic-quay', sourceIds: ['no-such-source'], pendingChange: null });
    recs(bundle, 'ports').push(port);
    const pi = recs(bundle, 'ports').length - 1;
    const preview = await call('dataset/preview', 'POST', { as: 'editor', body: bundle });
    expect(preview.body.preview.kinds.ports.rejected).toEqual([
      { index: pi, id: 'atomic-quay', issues: [{ field: `records.ports[${pi}].sourceIds`, message: expect.stringMatching(/no-such-source/) }] },
    ]);
    expect(preview.body.preview.kinds.sources.added).toEqual(['atomic-report']);
    const before = await footprint();
    const r = await call('dataset/import', 'POST', { as: 'editor', body: bundle });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(new RegExp(`records\\.ports\\[${pi}\\]\\.sourceIds`));
    expect(await footprint()).toEqual(before);
    expect(find(await exportAs(), 'sources', 'atomic-report')).toBeUndefined();
  });

  it('imports new records as drafts and changes to published ones as pending changes with the import as reason, once', async () => {
    const bundle = await exportAs();
    find(bundle, 'vessels', 'angara')!.name = 'Angara (imported)';
    const voyage = recs(bundle, 'voyages')[0]!;
    voyage.notes = 'Re-checked against the imagery.';
    recs(bundle, 'sources').push(newSource('imported-report'));
    const r = await call('dataset/import', 'POST', { as: 'editor', body: bundle, query: '?file=field-team.json' });
    expect(r.status).toBe(200);
    expect(r.body.imported.kinds.sources.added).toEqual(['imported-report']);
    const after = await exportAs();
    expect(find(after, 'sources', 'imported-report')).toMatchObject({ status: 'draft' });
    const angara = find(after, 'vessels', 'angara')!;
    expect(angara).toMatchObject({ status: 'published', name: 'Angara' });
    expect(angara.pendingChange).toMatchObject({ record: { name: 'Angara (imported)' }, reason: `import of field-team.json (exported ${bundle.exportedAt})` });
    expect(find(after, 'voyages', voyage.id)!.pendingChange).toMatchObject({ record: { notes: 'Re-checked against the imagery.' } });
    const again = await call('dataset/import', 'POST', { as: 'editor', body: bundle });
    expect(again.body.imported.kinds.vessels.changed).toEqual([]);
    expect(again.body.imported.kinds.voyages.changed).toEqual([]);
    expect(again.body.imported.kinds.sources.added).toEqual([]);
  });
});
