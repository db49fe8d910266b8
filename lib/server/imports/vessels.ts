/**
 * Which vessel each row is: matched by MMSI, then IMO, against every identifier the vessel
 * records hold (their current MMSI and IMO and each one in their identity history, drafts
 * included, deleted ones not); an identity no record holds becomes a new draft vessel. The draft
 * gets its id now (the positions carry it from the first batch) and is written in the import's
 * final transaction. `vessel=` gives every row to one vessel instead.
 */
import 'server-only';
import { randomBytes } from 'node:crypto';
import { imoCheckDigitValid, mmsiValid } from '@/lib/core/domain/identifiers';
import type { IdentityEntry } from '@/lib/core/domain/schemas';
import type { RowIdentity } from '@/lib/core/track/types';
import type { DB } from '@/lib/server/db';

/** A vessel this import will create as a draft, from what its rows said. */
export interface DraftVessel {
  id: string;
  mmsi: string | null;
  imo: string | null;
  name: string | null;
}

export interface VesselUse {
  name: string;
  matched: boolean;
}

const keyOf = (identity: RowIdentity): string | null =>
  identity.mmsi ? `mmsi:${identity.mmsi}` : identity.imo ? `imo:${identity.imo}` : identity.name ? `name:${identity.name.trim().toLowerCase()}` : null;

function draftId(identity: RowIdentity): string {
  const stem = identity.mmsi ? `mmsi-${identity.mmsi}` : identity.imo ? `imo-${identity.imo}` : (identity.name ?? 'vessel');
  const slug = stem
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return `${slug || 'vessel'}-${randomBytes(3).toString('hex')}`;
}

/** The name a draft vessel gets: the rows' own, else what identifies it. */
export function draftName(d: DraftVessel): string {
  if (d.name) return d.name;
  if (d.mmsi) return `Unknown (MMSI ${d.mmsi})`;
  return `Unknown (IMO ${d.imo})`;
}

export class VesselResolver {
  /** `mmsi:…` / `imo:…` / `name:…` → vessel id. */
  private readonly known = new Map<string, string>();
  private readonly names = new Map<string, string>();
  readonly drafts = new Map<string, DraftVessel>();
  readonly used = new Map<string, VesselUse>();

  private constructor(private readonly forced: string | null) {}

  /** A resolver over the vessels in the database; `forced` takes every row when set. */
  static async load(db: DB, forced: string | null): Promise<VesselResolver> {
    const r = new VesselResolver(forced);
    const rows = await db.selectFrom('vessels').select(['id', 'name', 'mmsi', 'imo', 'identity_history']).where('deleted_at', 'is', null).execute();
    for (const v of rows) {
      r.names.set(v.id, v.name);
      const history = JSON.parse(v.identity_history) as IdentityEntry[];
      const ids = [
        ...(v.mmsi ? [`mmsi:${v.mmsi}`] : []),
        ...(v.imo ? [`imo:${v.imo}`] : []),
        ...history.filter((e) => e.field === 'mmsi' || e.field === 'imo').map((e) => `${e.field}:${e.value}`),
      ];
      // A current value wins over a former one held by another record: current ones go last.
      for (const key of ids) r.known.set(key, v.id);
    }
    return r;
  }

  /** The last identity resolved and its answer: a parser hands a vessel's rows one identity object. */
  private last: { identity: RowIdentity; id: string | null } | null = null;

  /** The vessel id for a row, or null when the row names no vessel (and none is forced). */
  resolve(identity: RowIdentity): string | null {
    if (this.last?.identity === identity) return this.last.id;
    const id = this.resolveAnew(identity);
    this.last = { identity, id };
    return id;
  }

  private resolveAnew(identity: RowIdentity): string | null {
    if (this.forced) return this.use(this.forced, true);
    const key = keyOf(identity);
    if (!key) return null;
    const known = this.known.get(key) ?? (identity.mmsi && identity.imo ? this.known.get(`imo:${identity.imo}`) : undefined);
    if (known) {
      const draft = this.drafts.get(known);
      if (draft && !draft.name && identity.name) draft.name = identity.name.trim();
      return this.use(known, !draft);
    }
    const draft: DraftVessel = {
      id: draftId(identity),
      mmsi: identity.mmsi && mmsiValid(identity.mmsi) ? identity.mmsi : null,
      imo: identity.imo && imoCheckDigitValid(identity.imo) ? identity.imo : null,
      name: identity.name?.trim() || null,
    };
    if (!draft.mmsi && !draft.imo && !draft.name) return null;
    this.drafts.set(draft.id, draft);
    this.known.set(key, draft.id);
    return this.use(draft.id, false);
  }

  private use(id: string, matched: boolean): string {
    if (!this.used.has(id)) this.used.set(id, { name: this.names.get(id) ?? '', matched });
    return id;
  }

  /** Each vessel the rows went to, with its name (a draft's from its rows). */
  summary(): { id: string; name: string; matched: boolean }[] {
    return [...this.used].map(([id, u]) => {
      const draft = this.drafts.get(id);
      return { id, name: draft ? draftName(draft) : u.name, matched: u.matched };
    });
  }
}
