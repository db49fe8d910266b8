/**
 * An import's last step. First, outside any transaction (reads only, so nobody waits): detection
 * over each affected vessel's whole track, its own fixes included, and the drafts it proposes.
 * Then ONE transaction makes the import visible at once: the source record, the draft vessels,
 * each vessel's events replaced, the draft sightings and voyages not made before, and the status
 * `done`. A process killed before that commit leaves nothing visible (the sweep removes its rows);
 * a cancel that came first makes the status update match no row and the whole step roll back.
 */
import 'server-only';
import { AppError } from '@/lib/core/domain/errors';
import type { Actor } from '@/lib/core/domain/permissions';
import type { PortCallEvent } from '@/lib/core/track/types';
import type { DB } from '@/lib/server/db';
import { immediateTransaction } from '@/lib/server/db/tx';
import { createRecord } from '@/lib/server/desk/write';
import { detect, detectionPorts, seqsWithin, trackOf } from './detect';
import { type DraftCandidate, type SourceFacts, draftCandidates, sourceBody, vesselBody } from './drafts';
import { type EventRow, eventRow, eventSpan, insertEventRows } from './events';
import type { ImportFixes } from './fixes';
import { type ImportSummary, completedImportOf } from './store';
import type { VesselResolver } from './vessels';
import { visibleImports } from './visible';

/**
 * Draft sightings and voyages one import may propose. Each is written through the desk (checks,
 * land test, revision) inside the final transaction, a few milliseconds apiece: the cap keeps that
 * transaction, and so SQLite's write lock, to about a second. The events themselves are all kept
 * (GET /api/events); the report counts the drafts left out.
 */
const MAX_DRAFTS = 250;
/** A cancel is looked for between vessels, this often at most: each look writes the progress (a commit). */
const ALIVE_EVERY_MS = 250;

export class ImportStopped extends Error {
  override name = 'ImportStopped';
}

export interface FinishInput {
  seq: number;
  actor: Actor;
  facts: SourceFacts;
  resolver: VesselResolver;
  /** The import's own fixes, kept in memory as they were written (detection reads them from here). */
  fixes: ImportFixes;
  /** Called between vessels (at most every ALIVE_EVERY_MS): false when the import was cancelled meanwhile. */
  alive: () => Promise<boolean>;
}

interface Prepared {
  events: Map<string, EventRow[]>;
  candidates: DraftCandidate[];
  /** Candidates past the cap, not built. */
  leftOut: number;
  counts: ImportSummary['events'];
}

async function prepare(db: DB, input: FinishInput): Promise<Prepared> {
  const ports = await detectionPorts(db);
  const done = await visibleImports(db, 'team');
  const ids = new Map(done);
  ids.set(input.seq, input.facts.importId);
  const seqs = [...ids.keys()];
  const out: Prepared = { events: new Map(), candidates: [], leftOut: 0, counts: { portCalls: 0, gaps: 0, possiblePortCalls: 0 } };
  const made = new Set((await db.selectFrom('track_drafts').select('key').execute()).map((r) => r.key));
  let pending = 0;
  const wanted = (key: string) => {
    if (made.has(key)) return false;
    if (out.candidates.length + pending < MAX_DRAFTS) return true;
    out.leftOut += 1;
    return false;
  };
  let looked = -Infinity;
  for (const [vesselId] of input.resolver.used) {
    if (performance.now() - looked >= ALIVE_EVERY_MS) {
      if (!(await input.alive())) throw new ImportStopped('cancelled');
      looked = performance.now();
    }
    const points = await trackOf(db, vesselId, seqs, { seq: input.seq, fixes: input.fixes }, ports);
    const events = detect(points, ports);
    const rows: EventRow[] = [];
    for (const e of events) {
      const [start, end] = eventSpan(e);
      rows.push(eventRow(vesselId, e, [...seqsWithin(points, start, end)].map((seq) => ids.get(seq)!).sort()));
    }
    out.events.set(vesselId, rows);
    out.counts.portCalls += events.filter((e) => e.kind === 'port_call').length;
    out.counts.gaps += events.filter((e) => e.kind === 'gap').length;
    out.counts.possiblePortCalls += events.filter((e) => e.kind === 'possible_port_call').length;
    const calls = events.filter((e): e is PortCallEvent => e.kind === 'port_call');
    const draft = input.resolver.drafts.get(vesselId);
    const words = draft?.mmsi ? `MMSI ${draft.mmsi} in the AIS data` : `The positions in ${input.facts.fileName}`;
    const built = draftCandidates(vesselId, words, calls, points, (key) => {
      const ok = wanted(key);
      if (ok) pending += 1;
      return ok;
    });
    pending = 0;
    out.candidates.push(...built);
  }
  return out;
}

/** Runs the last step; answers the summary, or `{ duplicateOf }` when the same file completed meanwhile. */
export async function finishImport(db: DB, input: FinishInput): Promise<ImportSummary & { duplicateOf: string | null }> {
  const prepared = await prepare(db, input);
  const { importId } = input.facts;
  return immediateTransaction(db, async (trx) => {
    const earlier = await completedImportOf(trx, input.facts.checksum);
    if (earlier) return { ...emptyCounts(), duplicateOf: earlier.id };
    const source = await createRecord(trx, input.actor, 'source', sourceBody(input.facts));
    let vessels = 0;
    for (const d of input.resolver.drafts.values()) {
      if (!input.resolver.used.has(d.id)) continue;
      await createRecord(trx, input.actor, 'vessel', vesselBody(d, source.id, input.facts.fileName));
      vessels += 1;
    }
    for (const [vesselId, rows] of prepared.events) {
      await trx.deleteFrom('track_events').where('vessel_id', '=', vesselId).execute();
      await insertEventRows(trx, rows);
    }
    const drafts: ImportSummary['drafts'] = { vessels, observations: 0, voyages: 0, leftOut: prepared.leftOut, refused: 0, refusedReasons: [] };
    const made = new Set((await trx.selectFrom('track_drafts').select('key').execute()).map((r) => r.key));
    for (const c of prepared.candidates) {
      if (made.has(c.key)) continue;
      if (drafts.observations + drafts.voyages >= MAX_DRAFTS) {
        drafts.leftOut += 1;
        continue;
      }
      const record = await firstAccepted(trx, input.actor, c, source.id);
      if ('refused' in record) {
        drafts.refused += 1;
        if (drafts.refusedReasons.length < REFUSED_REASONS) drafts.refusedReasons.push(`${c.kind === 'voyage' ? 'Voyage' : 'Sighting'} ${c.label}: ${record.refused}`);
        continue;
      }
      await trx.insertInto('track_drafts').values({ key: c.key, record_kind: c.kind, record_id: record.id, import_id: importId }).execute();
      drafts[c.kind === 'observation' ? 'observations' : 'voyages'] += 1;
    }
    const summary: ImportSummary = { vessels: input.resolver.summary(), events: prepared.counts, drafts };
    const result = await trx
      .updateTable('imports')
      .set({
        status: 'done',
        finished_at: new Date().toISOString(),
        source_id: source.id,
        vessel_ids: JSON.stringify([...input.resolver.used.keys()]),
        summary: JSON.stringify(summary),
      })
      .where('id', '=', importId)
      .where('status', '=', 'running')
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new ImportStopped('cancelled');
    return { ...summary, duplicateOf: null };
  });
}

/** Refusal reasons kept in an import's report (the count is exact). */
const REFUSED_REASONS = 5;

/**
 * Creates the candidate's first body the desk accepts; when it refuses every one (a route over
 * the land polygons, a port deleted meanwhile), answers the last refusal: that draft is left out,
 * its savepoint rolled back, counted in the report, and the rest of the import stands.
 */
async function firstAccepted(trx: DB, actor: Actor, c: DraftCandidate, sourceId: string): Promise<{ id: string } | { refused: string }> {
  let refused = 'refused by the desk';
  for (const body of c.bodies) {
    try {
      return { id: (await createRecord(trx, actor, c.kind, body(sourceId))).id };
    } catch (err) {
      if (!(err instanceof AppError) || err.status !== 400) throw err;
      refused = err.message;
    }
  }
  return { refused };
}

function emptyCounts(): ImportSummary {
  return { vessels: [], events: { portCalls: 0, gaps: 0, possiblePortCalls: 0 }, drafts: { vessels: 0, observations: 0, voyages: 0, leftOut: 0, refused: 0, refusedReasons: [] } };
}
