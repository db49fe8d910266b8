/**
 * GET /api/annotations, the open questions view: the route handler called as Next.js calls it,
 * against a real temporary SQLite file. Across voyages, ports and vessels, newest first, never a
 * deleted one, never on a record the reader may not see; filters by status, kind and author;
 * paged with the record lists' cursor; bad input answers 400 naming the parameter.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import seedPorts from '@/data/seed/ports.json';
import seedVessels from '@/data/seed/vessels.json';
import seedVoyages from '@/data/seed/voyages.json';
import type { Actor } from '@/lib/core/domain/permissions';
import type { AnnotationKind, TargetType } from '@/lib/core/domain/annotations';
import type { TeamAnnotationList } from '@/lib/core/domain/team-annotations';
import { type SignedInTeam, openTeamDatabase } from '../helpers';

type Handler = (request: Request) => Promise<Response>;
let GET: Handler;
let team: SignedInTeam & { close: () => Promise<void> };
const voyage = seedVoyages[0]!;
const port = seedPorts[1]!;
const vessel = seedVessels[0]!;

async function list(query = '', as: keyof SignedInTeam['cookies'] | 'anonymous' = 'viewer') {
  const headers: Record<string, string> = as === 'anonymous' ? {} : { cookie: team.cookies[as] };
  const res = await GET(new Request(`http://localhost/api/annotations${query}`, { headers }));
  return { status: res.status, body: (await res.json()) as TeamAnnotationList & { error?: { message: string; details: { issues: { field: string }[] } } } };
}

const ed = (): Actor => ({ id: team.ids.editor, username: 'ed', role: 'editor' });
const otto = (): Actor => ({ id: team.ids.other, username: 'otto', role: 'editor' });

/** Writes one annotation a minute apart (fake clock), through the data layer. */
let minute = 0;
async function note(actor: Actor, type: TargetType, id: string, kind: AnnotationKind, body: string) {
  const { getDb } = await import('@/lib/server/db');
  const { createAnnotation } = await import('@/lib/server/db/annotations');
  vi.setSystemTime(new Date(Date.UTC(2026, 10, 1, 9, minute++)));
  return createAnnotation(await getDb(), actor, { type, id }, { kind, body, evidenceUrls: [], location: null, parentId: null });
}

const made: Record<string, string> = {};

beforeAll(async () => {
  team = await openTeamDatabase('team-annotations');
  ({ GET } = (await import('@/app/api/annotations/route')) as unknown as { GET: Handler });
  const { getDb } = await import('@/lib/server/db');
  const { deleteAnnotation, updateAnnotation } = await import('@/lib/server/db/annotations');
  const db = await getDb();
  vi.useFakeTimers({ toFake: ['Date'] });
  made.voyageQ = (await note(ed(), 'voyage', voyage.id, 'question', 'Which source dates the departure?')).id;
  made.voyageNote = (await note(ed(), 'voyage', voyage.id, 'note', 'A plain note')).id;
  made.portQ = (await note(otto(), 'port', port.id, 'question', 'Which berth?')).id;
  made.vesselC = (await note(otto(), 'vessel', vessel.id, 'correction', 'The flag changed in 2022.')).id;
  const resolved = await note(ed(), 'vessel', vessel.id, 'question', 'Resolved question');
  await updateAnnotation(db, ed(), resolved.id, { version: resolved.version, resolved: true });
  made.resolvedQ = resolved.id;
  const gone = await note(ed(), 'port', port.id, 'question', 'Deleted question');
  await deleteAnnotation(db, ed(), gone.id);
  vi.useRealTimers();
}, 60_000);

afterAll(() => team.close());

describe('GET /api/annotations', () => {
  it('lists open questions and corrections across voyages, ports and vessels, newest first, with their records named', async () => {
    const { status, body } = await list('?status=open&kind=question,correction');
    expect(status).toBe(200);
    expect(body.annotations.map((a) => a.id)).toEqual([made.vesselC, made.portQ, made.voyageQ]);
    const [c, p, v] = body.annotations;
    expect(c!.target).toEqual({ type: 'vessel', id: vessel.id, name: vessel.name });
    expect(p!.target).toEqual({ type: 'port', id: port.id, name: port.name });
    expect(v!.target.type).toBe('voyage');
    const origin = seedPorts.find((x) => x.id === voyage.originPortId)!.name;
    const destination = seedPorts.find((x) => x.id === voyage.destinationPortId)!.name;
    const vesselName = seedVessels.find((x) => x.id === voyage.vesselId)!.name;
    expect(v!.target.name).toBe(`${vesselName}: ${origin} → ${destination}, departure 7 Sep – 1 Oct 2023`);
    expect(body.nextCursor).toBeNull();
    expect(body.authors).toEqual(['ed', 'otto']);
  });

  it('status=open never lists notes, resolved ones or deleted ones; status=resolved lists the resolved', async () => {
    const open = await list('?status=open');
    expect(open.body.annotations.map((a) => a.body)).toEqual(['The flag changed in 2022.', 'Which berth?', 'Which source dates the departure?']);
    const resolved = await list('?status=resolved');
    expect(resolved.body.annotations.map((a) => a.id)).toEqual([made.resolvedQ]);
    // Without a status: every live annotation, still never the deleted one, even for an admin.
    const all = await list('', 'admin');
    expect(all.body.annotations.map((a) => a.body)).not.toContain('Deleted question');
    expect(all.body.annotations).toHaveLength(5);
  });

  it('filters by kind and by author; the author choices ignore the author filter', async () => {
    const questions = await list('?status=open&kind=question');
    expect(questions.body.annotations.map((a) => a.id)).toEqual([made.portQ, made.voyageQ]);
    const byOtto = await list('?status=open&kind=question,correction&author=otto');
    expect(byOtto.body.annotations.map((a) => a.id)).toEqual([made.vesselC, made.portQ]);
    expect(byOtto.body.authors).toEqual(['ed', 'otto']);
    expect((await list('?status=open&author=OTTO')).body.annotations).toHaveLength(2);
    expect((await list('?status=open&author=nobody')).body.annotations).toEqual([]);
  });

  it('pages newest first with a cursor that walks every entry once', async () => {
    const first = await list('?status=open&limit=2');
    expect(first.body.annotations.map((a) => a.id)).toEqual([made.vesselC, made.portQ]);
    expect(first.body.nextCursor).not.toBeNull();
    const second = await list(`?status=open&limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.annotations.map((a) => a.id)).toEqual([made.voyageQ]);
    expect(second.body.nextCursor).toBeNull();
  });

  it('leaves out annotations on records the reader may not see (a draft port, signed out)', async () => {
    const { getDb } = await import('@/lib/server/db');
    const db = await getDb();
    await db.updateTable('ports').set({ status: 'draft' }).where('id', '=', port.id).execute();
    try {
      expect((await list('?status=open', 'anonymous')).body.annotations.map((a) => a.id)).toEqual([made.vesselC, made.voyageQ]);
      expect((await list('?status=open', 'viewer')).body.annotations.map((a) => a.id)).toContain(made.portQ);
    } finally {
      await db.updateTable('ports').set({ status: 'published' }).where('id', '=', port.id).execute();
    }
  });

  it('answers bad input with 400 naming the parameter', async () => {
    for (const [query, field] of [
      ['?status=closed', 'status'],
      ['?kind=question,gossip', 'kind'],
      ['?kind=', 'kind'],
      ['?author=a', 'author'],
      ['?limit=0', 'limit'],
      ['?limit=201', 'limit'],
      ['?cursor=not-a-cursor', 'cursor'],
      ['?target=port', 'target'],
    ] as const) {
      const r = await list(query);
      expect(r.status, query).toBe(400);
      expect(r.body.error!.details.issues.map((i) => i.field), query).toContain(field);
    }
    expect((await list('?kind=question,gossip')).body.error!.message).toMatch(/"gossip" is not a kind/);
  });

  it('answers 401 when reading needs a login and none is given', async () => {
    const { resetConfigForTests } = await import('@/lib/server/config');
    process.env.WAKELINE_READ_REQUIRES_LOGIN = '1';
    resetConfigForTests();
    try {
      expect((await list('?status=open', 'anonymous')).status).toBe(401);
      expect((await list('?status=open', 'viewer')).status).toBe(200);
    } finally {
      delete process.env.WAKELINE_READ_REQUIRES_LOGIN;
      resetConfigForTests();
    }
  });
});

describe('resolving', () => {
  it('a correction can be marked resolved and leaves the open list; a note cannot', async () => {
    const { getDb } = await import('@/lib/server/db');
    const { updateAnnotation, getAnnotation } = await import('@/lib/server/db/annotations');
    const db = await getDb();
    const c = (await getAnnotation(db, ed(), made.vesselC!))!;
    await updateAnnotation(db, otto(), c.id, { version: c.version, resolved: true });
    expect((await list('?status=open')).body.annotations.map((a) => a.id)).not.toContain(made.vesselC);
    const n = (await getAnnotation(db, ed(), made.voyageNote!))!;
    await expect(updateAnnotation(db, ed(), n.id, { version: n.version, resolved: true })).rejects.toThrow(/only a question or a correction/);
  });
});
