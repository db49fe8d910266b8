/** Kysely table types of the track imports (migration 0006); schema.ts lists them in Database. */
import 'server-only';
import type { Generated } from 'kysely';

/** A track import (migration 0006): its file, options, progress counters and report. */
export interface ImportsTable {
  seq: Generated<number>;
  id: string;
  file_name: string;
  format: string;
  options: Generated<string>; // JSON { preset, mapping, vesselId }
  checksum: string; // sha256, hex
  size_bytes: number;
  status: string; // running | done | failed | cancelled | interrupted
  bytes_read: Generated<number>;
  rows_read: Generated<number>;
  positions_added: Generated<number>;
  rejected_count: Generated<number>;
  rejected_sample: Generated<string>; // JSON { line, reason }[] (the first 100)
  vessel_ids: Generated<string>; // JSON string[]
  summary: Generated<string>; // JSON ImportSummary: events and drafts counts
  duplicate_of: string | null;
  error: string | null;
  created_by: number | null;
  created_at: string;
  finished_at: string | null;
  source_id: string | null;
  licence: string | null;
  /** host:pid:token of the process running it, and its last sign of life (epoch ms). */
  owner: string;
  heartbeat_at: number;
}

/** One imported fix (migration 0006); visible only once its import is done. Times epoch ms. */
export interface PositionsTable {
  vessel_id: string;
  t: number;
  import_seq: number;
  lon: number;
  lat: number;
  sog: number | null;
  cog: number | null;
}

/** A detected event of a vessel's track (migration 0006); `data` is the TrackEvent as JSON. */
export interface TrackEventsTable {
  id: string;
  vessel_id: string;
  kind: string;
  key: string;
  data: string;
  t_start: number;
  t_end: number;
  import_ids: Generated<string>; // JSON string[]
}

/** Which draft record was made from which detected event (migration 0006), so it is made once. */
export interface TrackDraftsTable {
  key: string;
  record_kind: string; // observation | voyage
  record_id: string;
  import_id: string;
}
