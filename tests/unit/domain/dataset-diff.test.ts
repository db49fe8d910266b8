/**
 * What an import would do, worked out without a database: the incoming bundle's records compared
 * by id with the current ones (added, changed with field diffs, unchanged, skipped, rejected with
 * the field's bundle path). Fixtures are the seed's own records, so they follow the schema.
 */
import { describe, expect, it } from 'vitest';
import seedClaims from '@/data/seed/claims.json';
import seedObservations from '@/data/seed/observations.json';
import seedPorts from '@/data/seed/ports.json';
import seedSources from '@/data/seed/sources.json';
import seedVessels from '@/data/seed/vessels.json';
import seedVoyages from '@/data/seed/voyages.json';
import type { DatasetRecord, KindKey } from '@/lib/core/domain/dataset';
import { fieldChanges, planImport, rejectStep, teamRecord } from '@/lib/core/domain/datasetDiff';

type Json = Record<string, unknown>;
type Records = Record<KindKey, DatasetRecord[]>;

const SEED: Record<KindKey, Json[]> = {
  sources: seedSources,
  ports: seedPorts,
  vessels: seedVessels,
  observations: seedObservations,
  voyages: seedVoyages,
  claims: seedClaims,
};

function entry(record: Json, over: Partial<DatasetRecord> = {}): DatasetRecord {
  return { ...structuredClone(record), version: 1, status: 'published', deletedAt: null, deletedBy: null, pendingChange: null, ...over } as DatasetRecord;
}

/** The seed as a bundle's records: every record published at version 1. */
function seedRecords(): Records {
  return Object.fromEntries(Object.entries(SEED).map(([key, list]) => [key, list.map((r) => entry(r))])) as Records;
}

const vessel = (records: Records, id: string) => records.vessels.find((v) => v.id === id)!;

describe('fieldChanges', () => {
  it('names nested fields by dotted path and compares arrays whole, ignoring key order', () => {
    const before = { name: 'A', window: { earliest: '2023-01-01', latest: '2023-01-02' }, ids: ['x', 'y'], same: { b: 1, a: 2 } };
    const after = { name: 'A', window: { earliest: '2023-01-01', latest: '2023-01-05' }, ids: ['y', 'x'], same: { a: 2, b: 1 } };
    expect(fieldChanges(before, after)).toEqual([
      { field: 'ids', before: ['x', 'y'], after: ['y', 'x'] },
      { field: 'window.latest', before: '2023-01-02', after: '2023-01-05' },
    ]);
  });

  it('reports a field present on one side only, and an object replaced by null', () => {
    expect(fieldChanges({ a: { b: 1 } }, { a: null, c: 'new' })).toEqual([
      { field: 'a', before: { b: 1 }, after: null },
      { field: 'c', before: null, after: 'new' },
    ]);
  });
});

describe('planImport', () => {
  it('finds nothing to do when a bundle is imported where it was made', () => {
    const plan = planImport(seedRecords(), seedRecords());
    expect(plan.steps).toEqual([]);
    for (const [key, list] of Object.entries(SEED)) {
      expect(plan.kinds[key as KindKey]).toEqual({ added: [], changed: [], unchanged: list.length, skipped: [], rejected: [] });
    }
  });

  it('adds new ids and lists changed ids with their field diff, in the order references need (sources first)', () => {
    const incoming = seedRecords();
    const angara = vessel(incoming, 'angara');
    angara.name = 'Angara II';
    angara.formerNames = [...angara.formerNames as string[], 'Angara'];
    incoming.sources.push(entry({ ...seedSources[0]!, id: 'new-report', title: 'A new report' }, { status: 'draft' }));
    const plan = planImport(seedRecords(), incoming);
    expect(plan.kinds.sources.added).toEqual(['new-report']);
    expect(plan.kinds.vessels.changed).toEqual([
      {
        id: 'angara',
        status: 'published',
        fields: [
          { field: 'formerNames', before: vessel(seedRecords(), 'angara').formerNames, after: angara.formerNames },
          { field: 'name', before: 'Angara', after: 'Angara II' },
        ],
      },
    ]);
    expect(plan.kinds.vessels.unchanged).toBe(seedVessels.length - 1);
    expect(plan.steps.map((s) => [s.kind, s.action, s.id])).toEqual([
      ['source', 'create', 'new-report'],
      ['vessel', 'update', 'angara'],
    ]);
    expect(plan.steps[1]!.current?.version).toBe(1);
  });

  it('rejects a record with the field named by its path in the bundle, and imports nothing of it', () => {
    const incoming = seedRecords();
    const index = incoming.vessels.findIndex((v) => v.id === 'angara');
    vessel(incoming, 'angara').mmsi = '27321044';
    delete (incoming.ports[1] as Json).country;
    const plan = planImport(seedRecords(), incoming);
    expect(plan.kinds.vessels.rejected).toEqual([
      { index, id: 'angara', issues: [{ field: `records.vessels[${index}].mmsi`, message: expect.any(String) }] },
    ]);
    expect(plan.kinds.ports.rejected[0]!.issues[0]!.field).toBe('records.ports[1].country');
    expect(plan.steps).toEqual([]);
  });

  it('rejects a second record with the same id, and a change to a record deleted here', () => {
    const incoming = seedRecords();
    incoming.claims.push(entry(seedClaims[0]!));
    const current = seedRecords();
    current.ports[0]!.deletedAt = '2026-11-01T00:00:00.000Z';
    const plan = planImport(current, incoming);
    const last = incoming.claims.length - 1;
    expect(plan.kinds.claims.rejected).toEqual([
      { index: last, id: seedClaims[0]!.id, issues: [{ field: `records.claims[${last}].id`, message: 'repeats the id of records.claims[0]' }] },
    ]);
    expect(plan.kinds.ports.rejected[0]!.issues[0]).toEqual({ field: 'records.ports[0].id', message: expect.stringMatching(/deleted in this database/) });
  });

  it('counts a record equal to the stored one as unchanged without checking it, so one stored before a rule still round-trips', () => {
    const current = seedRecords();
    vessel(current, 'angara').imo = '9179843';
    const incoming = seedRecords();
    vessel(incoming, 'angara').imo = '9179843';
    expect(planImport(current, incoming).kinds.vessels).toMatchObject({ unchanged: seedVessels.length, rejected: [] });
  });

  it('skips records deleted in the bundle: deletions are not imported', () => {
    const incoming = seedRecords();
    incoming.vessels[0]!.deletedAt = '2026-11-01T00:00:00.000Z';
    incoming.vessels[0]!.name = 'Renamed before deletion';
    const plan = planImport(seedRecords(), incoming);
    expect(plan.kinds.vessels.skipped).toEqual([incoming.vessels[0]!.id]);
    expect(plan.steps).toEqual([]);
  });

  it('compares records as the team sees them: a pending change stands for the record', () => {
    const current = seedRecords();
    const pending = { ...teamRecord(vessel(current, 'angara')), name: 'Angara (proposed)' };
    vessel(current, 'angara').pendingChange = { record: pending, author: 'ed', reason: 'renamed', at: '2026-11-01T00:00:00.000Z' };
    const incoming = seedRecords();
    vessel(incoming, 'angara').name = 'Angara (proposed)';
    expect(planImport(current, incoming).kinds.vessels.changed).toEqual([]);
    expect(planImport(current, seedRecords()).kinds.vessels.changed[0]!.fields).toEqual([
      { field: 'name', before: 'Angara (proposed)', after: 'Angara' },
    ]);
  });
});

describe('rejectStep', () => {
  it('moves a step the database refused from added to rejected, naming the field in the bundle', () => {
    const incoming = seedRecords();
    incoming.ports.push(entry({ ...seedPorts[0]!, id: 'new-quay', sourceIds: ['no-such-source'] }));
    const plan = planImport(seedRecords(), incoming);
    const step = plan.steps[0]!;
    rejectStep(plan.kinds, step, [{ field: 'sourceIds', message: 'no source has the id "no-such-source"' }]);
    expect(plan.kinds.ports.added).toEqual([]);
    expect(plan.kinds.ports.rejected).toEqual([
      { index: step.index, id: 'new-quay', issues: [{ field: `records.ports[${step.index}].sourceIds`, message: 'no source has the id "no-such-source"' }] },
    ]);
  });
});
