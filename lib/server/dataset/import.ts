/**
 * Importing a bundle: every new record becomes a draft and every change to an existing record
 * goes through the desk (a draft is edited in place; a published record gets a pending change
 * with the reason "import of <file>"), so nothing imported is public until a second team member
 * publishes it. All of it is one BEGIN IMMEDIATE transaction, each record's write a savepoint
 * inside it: the preview runs the very same writes and rolls them back, so what it reports
 * (including the database's own refusals: unknown references, a route over land) is what the
 * import does; the import commits only when no record is refused.
 */
import 'server-only';
import { type DatasetEnvelope, type DatasetReport, KIND_KEYS } from '@/lib/core/domain/dataset';
import { type ImportStep, planImport, rejectStep } from '@/lib/core/domain/datasetDiff';
import { AppError } from '@/lib/core/domain/errors';
import type { Actor } from '@/lib/core/domain/permissions';
import type { DB } from '@/lib/server/db';
import { immediateTransaction } from '@/lib/server/db/tx';
import { requireEditor } from '@/lib/server/desk/common';
import { createRecord, updateRecord } from '@/lib/server/desk/write';
import { allRecords } from './export';

/** Thrown to roll back a preview's writes; carries its report out of the transaction. */
class PreviewDone {
  constructor(readonly report: DatasetReport) {}
}

/** The fields the desk named when it refused a record's write (its own paths, inside the record). */
function refusal(err: unknown): { field: string; message: string }[] {
  if (!(err instanceof AppError) || ![400, 404, 409].includes(err.status)) throw err;
  const issues = (err.details as { issues?: { field: string; message: string }[] } | undefined)?.issues;
  if (issues?.length) return issues;
  return [{ field: 'id', message: err.message }];
}

async function apply(trx: DB, actor: Actor, step: ImportStep, reason: string) {
  const { id: _id, ...fields } = step.record;
  if (step.action === 'create') {
    await createRecord(trx, actor, step.kind, { ...fields, id: step.id });
  } else {
    await updateRecord(trx, actor, step.kind, step.id, { version: step.current!.version, reason, changes: fields });
  }
}

/** The reason every change an import proposes carries: where it came from. */
function reasonFor(bundle: DatasetEnvelope, file: string | undefined): string {
  return file ? `import of ${file} (exported ${bundle.exportedAt})` : `import of the bundle exported ${bundle.exportedAt}`;
}

async function run(db: DB, actor: Actor | null, bundle: DatasetEnvelope, file: string | undefined, commit: boolean): Promise<DatasetReport> {
  requireEditor(actor, 'import a dataset');
  const reason = reasonFor(bundle, file);
  try {
    return await immediateTransaction(db, async (trx) => {
      const { kinds, steps } = planImport(await allRecords(trx), bundle.records);
      for (const step of steps) {
        try {
          await apply(trx, actor, step, reason);
        } catch (err) {
          rejectStep(kinds, step, refusal(err));
        }
      }
      const report: DatasetReport = { file: file ?? null, exportedAt: bundle.exportedAt, reason, kinds };
      if (!commit) throw new PreviewDone(report);
      const issues = KIND_KEYS.flatMap((key) => kinds[key].rejected.flatMap((r) => r.issues));
      if (issues.length) {
        const first = issues[0]!;
        throw new AppError(400, 'invalid_body', `Field "${first.field}" is invalid: ${first.message}. Nothing was imported.`, { issues });
      }
      return report;
    });
  } catch (err) {
    if (err instanceof PreviewDone) return err.report;
    throw err;
  }
}

/** What importing `bundle` would add, change, skip and refuse; writes nothing. */
export function previewImport(db: DB, actor: Actor | null, bundle: DatasetEnvelope, file?: string): Promise<DatasetReport> {
  return run(db, actor, bundle, file, false);
}

/**
 * Imports `bundle` as drafts and pending changes, all or nothing.
 * @throws AppError 400 naming every refused record's fields (nothing is written then)
 */
export function importDataset(db: DB, actor: Actor | null, bundle: DatasetEnvelope, file?: string): Promise<DatasetReport> {
  return run(db, actor, bundle, file, true);
}
