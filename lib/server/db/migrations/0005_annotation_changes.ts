import 'server-only';
import { sql, type Kysely, type Migration } from 'kysely';
import { columnTypes } from './dialect';

/**
 * Paged annotation lists that a client can keep up to date cheaply:
 *
 * - `annotation_targets`: one row per annotated voyage, port or vessel with its change counter
 *   (`revision`, moved by every create, edit, delete and restore in the same transaction), when it
 *   last moved, and how many annotations it has (`live`: not deleted; `total`: with the deleted).
 *   A list's ETag and its counts are read from this one row instead of the whole list.
 * - `annotations.rev`: the target's revision at the annotation's last change (unique per target),
 *   so "what changed after revision N" is an index range.
 * - `annotations_page`: (target, created_at, id), the order a list is paged in (newest first). It
 *   replaces `annotations_target`, which it starts with.
 *
 * Existing annotations get revisions 1..n per target in the order they were created.
 */
export const annotationChanges: Migration = {
  async up(db: Kysely<unknown>) {
    const T = columnTypes(db);
    await db.schema
      .createTable('annotation_targets')
      .addColumn('target_type', 'text', (c) => c.notNull())
      .addColumn('target_id', 'text', (c) => c.notNull())
      .addColumn('revision', T.integer, (c) => c.notNull())
      .addColumn('changed_at', 'text', (c) => c.notNull())
      .addColumn('live', T.integer, (c) => c.notNull())
      .addColumn('total', T.integer, (c) => c.notNull())
      .addPrimaryKeyConstraint('annotation_targets_pk', ['target_type', 'target_id'])
      .execute();
    await db.schema
      .alterTable('annotations')
      .addColumn('rev', T.integer, (c) => c.notNull().defaultTo(0))
      .execute();

    await sql`
      update annotations set rev = (
        select n from (
          select id, row_number() over (partition by target_type, target_id order by created_at, id) as n from annotations
        ) as numbered where numbered.id = annotations.id
      )`.execute(db);
    await sql`
      insert into annotation_targets (target_type, target_id, revision, changed_at, live, total)
      select target_type, target_id, max(rev), ${new Date().toISOString()},
             sum(case when deleted_at is null then 1 else 0 end), count(*)
      from annotations group by target_type, target_id`.execute(db);

    await db.schema.dropIndex('annotations_target').execute();
    await db.schema.createIndex('annotations_page').on('annotations').columns(['target_type', 'target_id', 'created_at', 'id']).execute();
    await db.schema.createIndex('annotations_rev').on('annotations').columns(['target_type', 'target_id', 'rev']).unique().execute();
  },
};
