import 'server-only';
import type { Migration, MigrationProvider } from 'kysely';
import { initial } from './0001_initial';
import { accountsAnnotations } from './0002_accounts_annotations';
import { evidenceDesk } from './0003_evidence_desk';
import { throttle } from './0004_throttle';
import { annotationChanges } from './0005_annotation_changes';
import { tracks } from './0006_tracks';
import { loginOrder } from './0007_login_order';
import { voyageListing } from './0008_voyage_listing';

/**
 * Versioned migrations, in order. Listed in code (not read from a folder at run time) so that the
 * Next.js server bundle carries them. Never edit a migration that has shipped: add the next one.
 */
export const migrations: Record<string, Migration> = {
  '0001_initial': initial,
  '0002_accounts_annotations': accountsAnnotations,
  '0003_evidence_desk': evidenceDesk,
  '0004_throttle': throttle,
  '0005_annotation_changes': annotationChanges,
  '0006_tracks': tracks,
  '0007_login_order': loginOrder,
  '0008_voyage_listing': voyageListing,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
