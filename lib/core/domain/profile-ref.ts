/**
 * Which record's profile the dashboard shows, as the URL writes it: `profile=vessel:lady-r`,
 * `profile=port:rajin`, `profile=source:rusi-2023-10-16`. Read forgivingly (any case for the kind,
 * spaces around, `/` or `=` for the colon; anything else is dropped, not an error), written in one
 * canonical form.
 */
import { slug } from './schemas';

export const PROFILE_KINDS = ['vessel', 'port', 'source'] as const;
export type ProfileKind = (typeof PROFILE_KINDS)[number];

export interface ProfileRef {
  kind: ProfileKind;
  id: string;
}

export function parseProfile(v: string | null): ProfileRef | undefined {
  const m = v?.trim().match(/^([a-z]+)\s*[:/=]\s*(\S+)$/i);
  if (!m) return undefined;
  const kind = m[1]!.toLowerCase();
  const id = m[2]!;
  if (!(PROFILE_KINDS as readonly string[]).includes(kind) || !slug.safeParse(id).success) return undefined;
  return { kind: kind as ProfileKind, id };
}

export function profileToParam(p: ProfileRef | undefined): string | undefined {
  return p && parseProfile(`${p.kind}:${p.id}`) ? `${p.kind}:${p.id}` : undefined;
}

export const sameProfile = (a: ProfileRef | undefined, b: ProfileRef | undefined) => a?.kind === b?.kind && a?.id === b?.id;
