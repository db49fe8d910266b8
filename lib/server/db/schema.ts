/**
 * Kysely table types. Column names are snake_case as stored; the query modules map rows to the
 * camelCase DTOs of `lib/core/domain`. JSON columns hold arrays/objects serialised with JSON.stringify.
 */
import 'server-only';
import { KIND_SEGMENTS, type RecordKind } from '@/lib/core/domain/records';
import type { Generated } from 'kysely';
import type { ImportsTable, PositionsTable, TrackDraftsTable, TrackEventsTable } from './schema-tracks';

/** Every record table's desk bookkeeping (migration 0003): defaults make a seeded row published, version 1. */
interface RecordColumns {
  version: Generated<number>;
  status: Generated<string>; // 'draft' | 'published'
  deleted_at: string | null;
  deleted_by: number | null;
}

export interface SourcesTable extends RecordColumns {
  id: string;
  publisher: string;
  title: string;
  url: string | null;
  published_earliest: string | null;
  published_latest: string | null;
  published_precision: string | null;
  published_as_reported: string | null;
  kind: string;
  access: string;
  notes: string | null;
}

export interface PortsTable extends RecordColumns {
  id: string;
  name: string;
  alt_names: string; // JSON string[]
  country: string;
  unlocode: string | null;
  wpi_number: number | null;
  lon: number;
  lat: number;
  approximate: number; // 0 | 1
  approximate_reason: string | null;
  geofence_radius_nm: number;
  kind: string | null;
  notes: string | null;
}

export interface VesselsTable extends RecordColumns {
  id: string;
  name: string;
  former_names: string; // JSON string[]
  imo: string | null;
  imo_verification: string | null;
  mmsi: string | null;
  mmsi_verification: string | null;
  flag: string | null;
  type: string | null;
  owner: string | null;
  sanctions: string; // JSON Sanction[]
  identity_history: Generated<string>; // JSON IdentityEntry[]
  notes: string | null;
}

export interface VoyagesTable extends RecordColumns {
  id: string;
  vessel_id: string | null;
  origin_port_id: string;
  destination_port_id: string;
  departure_earliest: string;
  departure_latest: string;
  departure_precision: string;
  departure_as_reported: string | null;
  arrival_earliest: string;
  arrival_latest: string;
  arrival_precision: string;
  arrival_as_reported: string | null;
  route_kind: string;
  route_geojson: string; // JSON LineString
  cargo: string | null;
  confidence: string;
  basis: string | null; // JSON VoyageBasis; null: not recorded
  identification: string | null; // JSON Identification; null: not recorded
  notes: string | null;
  /** Metrics computed by lib/core/geo when the row is written; never typed in. */
  great_circle_nm: number;
  route_nm: number;
  crosses_land: number; // 0 | 1
  min_hours: number;
  max_hours: number;
  created_at: Generated<string>;
  updated_at: Generated<string>;
}

export interface ObservationsTable extends RecordColumns {
  id: string;
  vessel_id: string | null;
  vessel_description: string | null;
  port_id: string | null;
  lon: number | null;
  lat: number | null;
  place_name: string | null;
  activity: string;
  window_earliest: string;
  window_latest: string;
  window_precision: string;
  window_as_reported: string | null;
  identification: string | null; // JSON Identification; null: not recorded
  notes: string | null;
}

export interface ClaimsTable extends RecordColumns {
  id: string;
  source_id: string;
  statement: string;
  origin_port_id: string | null;
  destination_port_id: string | null;
  period_earliest: string | null;
  period_latest: string | null;
  period_precision: string | null;
  period_as_reported: string | null;
  count: number | null;
  count_qualifier: string | null;
  count_as_reported: string | null;
  read_in_source_ids: Generated<string>; // JSON string[]
  count_unit: string | null;
  notes: string | null;
}

/** Which sources back a record, in the order the record lists them. */
export interface RecordSourcesTable {
  record_id: string;
  source_id: string;
  position: number;
}

export interface ClaimVesselsTable {
  claim_id: string;
  vessel_id: string;
}

/** Which seed records have been written once, so later starts never overwrite edits. */
export interface SeedLogTable {
  record_type: string;
  record_id: string;
  seeded_at: string;
  /** Hash of the seed record as last written, so a later correction of it can be recognised. */
  record_hash: string | null;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  role: string;
  password_hash: string;
  active: number; // 0 | 1
  created_at: string;
  updated_at: string;
}

/** A session is known by the sha256 of its id only; times are epoch milliseconds. */
export interface SessionsTable {
  id_hash: string;
  user_id: number;
  created_at: number;
  last_seen_at: number;
  /** The account's sessions in the order they started (migration 0007). */
  ord: Generated<number>;
}

export interface AnnotationsTable {
  id: string;
  target_type: string;
  target_id: string;
  parent_id: string | null;
  kind: string;
  body: string;
  evidence_urls: string; // JSON string[]
  lon: number | null;
  lat: number | null;
  resolved: number; // 0 | 1
  author_id: number;
  created_at: string;
  edited_at: string | null;
  version: number;
  deleted_at: string | null;
  deleted_by: number | null;
  /** The target's revision at this annotation's last change (migration 0005). */
  rev: number;
}

/** Per annotated record: its change counter, when it last moved, and its counts (migration 0005). */
export interface AnnotationTargetsTable {
  target_type: string;
  target_id: string;
  revision: number;
  changed_at: string;
  live: number;
  total: number;
}

/** One accepted change to an annotation: who, when, and the annotation before and after (JSON). */
export interface AnnotationRevisionsTable {
  id: Generated<number>;
  annotation_id: string;
  version: number;
  action: string;
  actor_id: number;
  at: string;
  before: string | null;
  after: string | null;
}

/** A proposed change to a published record, waiting for a second person to publish it. */
export interface RecordPendingTable {
  kind: string;
  record_id: string;
  data: string; // JSON: the full proposed record
  base_version: number;
  author_id: number | null;
  reason: string | null;
  at: string;
}

/** One change to a record; `actor_id` null: the seed. */
export interface RecordRevisionsTable {
  id: Generated<number>;
  kind: string;
  record_id: string;
  version: number;
  action: string; // create | edit | propose | publish | delete | restore
  actor_id: number | null;
  at: string;
  reason: string | null;
  before: string | null;
  after: string | null;
}

/** A rate-limit counter (migration 0004); times are epoch milliseconds, a row past expires_at is void. */
export interface ThrottleTable {
  key: string;
  hits: number;
  window_start: number;
  last_at: number;
  expires_at: number;
}

/** Change counters moved by triggers (migration 0007): `voyages` for what a voyage is listed with. */
export interface ChangeCountsTable {
  name: string;
  n: number;
}

export interface Database {
  sources: SourcesTable;
  ports: PortsTable;
  vessels: VesselsTable;
  voyages: VoyagesTable;
  observations: ObservationsTable;
  claims: ClaimsTable;
  port_sources: RecordSourcesTable;
  vessel_sources: RecordSourcesTable;
  voyage_sources: RecordSourcesTable;
  observation_sources: RecordSourcesTable;
  claim_vessels: ClaimVesselsTable;
  seed_log: SeedLogTable;
  users: UsersTable;
  sessions: SessionsTable;
  annotations: AnnotationsTable;
  annotation_revisions: AnnotationRevisionsTable;
  annotation_targets: AnnotationTargetsTable;
  record_pending: RecordPendingTable;
  record_revisions: RecordRevisionsTable;
  throttle: ThrottleTable;
  change_counts: ChangeCountsTable;
  imports: ImportsTable;
  positions: PositionsTable;
  track_events: TrackEventsTable;
  track_drafts: TrackDraftsTable;
}

/** The table that holds each kind of evidence record: each is named as its URL segment. */
export const RECORD_TABLES = KIND_SEGMENTS satisfies Record<RecordKind, keyof Database>;
