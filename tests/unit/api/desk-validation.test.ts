/**
 * Validation at the edge: each bad input is a 400 naming the field, with nothing written (no row,
 * no revision); URLs are stored normalised; a record still cited or named cannot be deleted (409
 * naming its dependents).
 */
import { describe, expect, it } from 'vitest';
import { RECORD_TABLES } from '@/lib/server/db/schema';
import { type RecordKind, call, collection, countRows, create, newRecord, one, setUpDeskApi } from './desk-api';

setUpDeskApi('desk-validation');

/** A route from Rajin's quay straight inland across Primorye to Vladivostok: over land beyond the berth approach. */
const OVER_LAND = { type: 'LineString', coordinates: [[130.3, 42.233333], [131.2, 43.6], [131.888333, 43.108889]] };

const BAD: [string, RecordKind, Record<string, unknown>, string][] = [
  ['a window whose earliest is after its latest', 'observation', { window: { earliest: '2024-02-10', latest: '2024-02-01', precision: 'day' } }, 'window.latest'],
  ['an IMO number with a wrong check digit', 'vessel', { imo: '9179843' }, 'imo'],
  ['an MMSI that is not nine digits', 'vessel', { mmsi: '27312345' }, 'mmsi'],
  ['an unknown source id', 'port', { sourceIds: ['no-such-source'] }, 'sourceIds'],
  ['an unknown publisher of a claim', 'claim', { sourceId: 'no-such-source' }, 'sourceId'],
  ['an unknown vessel', 'observation', { vesselId: 'no-such-vessel' }, 'vesselId'],
  ['an unknown port', 'voyage', { originPortId: 'no-such-port' }, 'originPortId'],
  ['a URL that is not http(s)', 'source', { url: 'ftp://example.org/report.pdf' }, 'url'],
  ['a URL with credentials', 'source', { url: 'https://user:secret@example.org/report' }, 'url'],
  ['an observed route over land', 'voyage', { observedRoute: OVER_LAND, basis: { kind: 'detected_from_ais' } }, 'observedRoute'],
  ['a statement too long', 'claim', { statement: 'x'.repeat(9000) }, 'statement'],
  ['a name too long', 'vessel', { name: 'N'.repeat(301) }, 'name'],
  ['an id that is not a slug', 'source', { id: 'Not A Slug' }, 'id'],
  // /api/voyages/map, /api/voyages/facets and /api/ports/nearest would answer in place of these records.
  ['the voyage id "map" (a route)', 'voyage', { id: 'map' }, 'id'],
  ['the voyage id "facets" (a route)', 'voyage', { id: 'facets' }, 'id'],
  ['the port id "nearest" (a route)', 'port', { id: 'nearest' }, 'id'],
];

describe('bad input on create', () => {
  it.each(BAD)('refuses %s with 400 naming the field, writing nothing', async (_what, kind, changes, field) => {
    const [rows, revisions] = [await countRows(RECORD_TABLES[kind]), await countRows('record_revisions')];
    const r = await call(collection(kind), 'POST', { as: 'editor', body: { ...newRecord(kind), ...changes } });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toContain(`"${field}`);
    expect(await countRows(RECORD_TABLES[kind])).toBe(rows);
    expect(await countRows('record_revisions')).toBe(revisions);
  });
});

describe('bad input on edit', () => {
  it.each(BAD.filter(([, , changes]) => !('id' in changes)))('refuses %s with 400, leaving the record as it was', async (_what, kind, changes, field) => {
    const draft = await create(kind, 'editor');
    const r = await call(one(kind), 'PATCH', { as: 'editor', params: { id: draft.id }, body: { version: 1, ...changes } });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toContain(`"${field}`);
    const history = await call(`${one(kind)}/history`, 'GET', { as: 'editor', params: { id: draft.id } });
    expect(history.body.revisions).toHaveLength(1);
  });

  it('refuses to change the id', async () => {
    const draft = await create('source', 'editor');
    const r = await call(one('source'), 'PATCH', { as: 'editor', params: { id: draft.id }, body: { version: 1, id: 'another-id' } });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toContain('"id"');
  });
});

describe('stored forms', () => {
  it('stores an http(s) URL normalised', async () => {
    const made = await create('source', 'editor', { url: 'HTTPS://Example.ORG:443/Report?id=7' });
    expect(made.url).toBe('https://example.org/Report?id=7');
  });

  it('computes an inferred route and refuses none typed as one', async () => {
    const made = await create('voyage', 'editor', { observedRoute: null });
    const detail = await call('/api/voyages/{id}', 'GET', { as: 'editor', params: { id: made.id } });
    expect(detail.body.voyage.routeKind).toBe('inferred');
    expect(detail.body.voyage.route.coordinates.length).toBeGreaterThan(1);
    const typed = await call(collection('voyage'), 'POST', { as: 'editor', body: { ...newRecord('voyage'), route: OVER_LAND } });
    expect(typed.status).toBe(400);
    expect(typed.body.error.message).toContain('"route"');
  });

  it('answers 409 for an id that is taken', async () => {
    const made = await create('port', 'editor');
    const again = await call(collection('port'), 'POST', { as: 'editor', body: { ...newRecord('port'), id: made.id } });
    expect(again.status).toBe(409);
  });
});

describe('deleting what others depend on', () => {
  it('refuses to delete a cited source, naming the records that cite it', async () => {
    const cited = await create('source', 'editor');
    const port = await create('port', 'editor', { sourceIds: [cited.id] });
    const r = await call(one('source'), 'DELETE', { as: 'editor', params: { id: cited.id } });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('in_use');
    expect(r.body.error.details.dependents).toEqual([{ kind: 'port', id: port.id }]);
    expect(r.body.error.message).toContain(`ports/${port.id}`);
    expect((await call(one('port'), 'DELETE', { as: 'editor', params: { id: port.id } })).status).toBe(200);
    expect((await call(one('source'), 'DELETE', { as: 'editor', params: { id: cited.id } })).status).toBe(200);
  });

  it('refuses to delete a vessel that voyages and sightings name', async () => {
    const r = await call(one('vessel'), 'DELETE', { as: 'admin', params: { id: 'angara' } });
    expect(r.status).toBe(409);
    const kinds = new Set((r.body.error.details.dependents as { kind: string }[]).map((d) => d.kind));
    expect(kinds).toEqual(new Set(['observation', 'voyage', 'claim']));
  });
});
