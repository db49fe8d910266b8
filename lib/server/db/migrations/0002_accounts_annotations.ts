import 'server-only';
import { sql, type Kysely, type Migration } from 'kysely';
import { columnTypes } from './dialect';

/**
 * Team accounts, their sessions, and annotations on voyages, ports and vessels with a revision
 * for every accepted change. Times are ISO 8601 UTC strings, except session times, which are
 * epoch milliseconds (compared on every request).
 */
export const accountsAnnotations: Migration = {
  async up(db: Kysely<unknown>) {
    const T = columnTypes(db);
    await db.schema
      .createTable('users')
      .addColumn('id', T.integer, T.serial)
      .addColumn('username', 'text', (c) => c.notNull().unique())
      .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('viewer', 'editor', 'admin')`))
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('active', T.integer, (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('sessions')
      .addColumn('id_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', T.integer, (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('created_at', T.integer, (c) => c.notNull())
      .addColumn('last_seen_at', T.integer, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

    await db.schema
      .createTable('annotations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('target_type', 'text', (c) => c.notNull().check(sql`target_type in ('voyage', 'port', 'vessel')`))
      .addColumn('target_id', 'text', (c) => c.notNull())
      .addColumn('parent_id', 'text', (c) => c.references('annotations.id'))
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('note', 'evidence', 'question', 'correction')`))
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('evidence_urls', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('lon', T.real)
      .addColumn('lat', T.real)
      .addColumn('resolved', T.integer, (c) => c.notNull().defaultTo(0))
      .addColumn('author_id', T.integer, (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('edited_at', 'text')
      .addColumn('version', T.integer, (c) => c.notNull().defaultTo(1))
      .addColumn('deleted_at', 'text')
      .addColumn('deleted_by', T.integer, (c) => c.references('users.id'))
      .execute();
    await db.schema.createIndex('annotations_target').on('annotations').columns(['target_type', 'target_id']).execute();
    await db.schema.createIndex('annotations_parent').on('annotations').column('parent_id').execute();

    await db.schema
      .createTable('annotation_revisions')
      .addColumn('id', T.integer, T.serial)
      .addColumn('annotation_id', 'text', (c) => c.notNull().references('annotations.id'))
      .addColumn('version', T.integer, (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull().check(sql`action in ('create', 'edit', 'delete', 'restore')`))
      .addColumn('actor_id', T.integer, (c) => c.notNull().references('users.id'))
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('before', 'text')
      .addColumn('after', 'text')
      .execute();
    await db.schema.createIndex('annotation_revisions_annotation').on('annotation_revisions').columns(['annotation_id', 'id']).execute();
  },
};
