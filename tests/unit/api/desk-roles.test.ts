/**
 * Every record kind × every caller (anonymous, viewer, editor, another editor, admin) for create,
 * edit, publish and delete, through the route handlers on a real SQLite file.
 */
import { describe, expect, it } from 'vitest';
import { RECORD_KINDS, TEXT_FIELD, WHO, type Who, call, collection, create, newRecord, one, publish, setUpDeskApi } from './desk-api';

setUpDeskApi('desk-roles');

describe.each(RECORD_KINDS)('%s', (kind) => {
  const CREATE: Record<Who, number> = { anonymous: 401, viewer: 403, editor: 201, other: 201, admin: 201 };
  it.each(WHO)('create as %s', async (who) => {
    const r = await call(collection(kind), 'POST', { as: who, body: newRecord(kind) });
    expect(r.status).toBe(CREATE[who]);
    if (r.status === 201) expect(r.body.record).toMatchObject({ version: 1, status: 'draft', pendingChange: null });
  });

  const EDIT: Record<Who, number> = { anonymous: 401, viewer: 403, editor: 200, other: 200, admin: 200 };
  it.each(WHO)('edit a draft as %s', async (who) => {
    const draft = await create(kind, 'editor');
    const r = await call(one(kind), 'PATCH', { as: who, params: { id: draft.id }, body: { version: 1, [TEXT_FIELD[kind]]: `edited by ${who}` } });
    expect(r.status).toBe(EDIT[who]);
    if (r.status === 200) expect(r.body.record).toMatchObject({ version: 2, status: 'draft', [TEXT_FIELD[kind]]: `edited by ${who}` });
  });

  // The draft is ed's: he cannot publish it, nor can an admin without a reason.
  const PUBLISH: Record<Who, number> = { anonymous: 401, viewer: 403, editor: 403, other: 200, admin: 200 };
  it.each(WHO)("publish the editor's draft as %s", async (who) => {
    const draft = await create(kind, 'editor');
    const r = await publish(kind, draft, who);
    expect(r.status).toBe(PUBLISH[who]);
    if (r.status === 200) expect(r.body.record).toMatchObject({ version: 2, status: 'published' });
  });

  // An editor deletes only a draft they created; an admin anything.
  const DELETE_OWN_DRAFT: Record<Who, number> = { anonymous: 401, viewer: 403, editor: 200, other: 403, admin: 200 };
  it.each(WHO)("delete the editor's draft as %s", async (who) => {
    const draft = await create(kind, 'editor');
    const r = await call(one(kind), 'DELETE', { as: who, params: { id: draft.id } });
    expect(r.status).toBe(DELETE_OWN_DRAFT[who]);
    const after = await call(one(kind), 'GET', { as: 'admin', params: { id: draft.id } });
    expect(after.status).toBe(r.status === 200 ? 404 : 200);
  });

  const DELETE_PUBLISHED: Record<Who, number> = { anonymous: 401, viewer: 403, editor: 403, other: 403, admin: 200 };
  it.each(WHO)('delete a published record as %s', async (who) => {
    const draft = await create(kind, 'editor');
    const published = (await publish(kind, draft)).body.record;
    const r = await call(one(kind), 'DELETE', { as: who, params: { id: draft.id }, query: `?version=${published.version}` });
    expect(r.status).toBe(DELETE_PUBLISHED[who]);
  });

  it('restores a deleted record for an admin only', async () => {
    const draft = await create(kind, 'editor');
    expect((await call(one(kind), 'DELETE', { as: 'editor', params: { id: draft.id } })).status).toBe(200);
    const restore = (who: Who) => call(`${one(kind)}/restore`, 'POST', { as: who, params: { id: draft.id } });
    expect((await restore('anonymous')).status).toBe(401);
    expect((await restore('editor')).status).toBe(403);
    const back = await restore('admin');
    expect(back.status).toBe(200);
    expect(back.body.record).toMatchObject({ version: 3, status: 'draft' });
    expect((await restore('admin')).status).toBe(409);
  });
});
