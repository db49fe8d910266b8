/**
 * When a record may call itself "corroborated": two or more sources, from different publishers,
 * neither of them the team's own dossier. (Whether two outlets really are independent of each
 * other takes judgement; this rule catches what a machine can.)
 */
import type { Source } from './schemas';

export function corroborationProblem(sourceIds: readonly string[], sources: ReadonlyMap<string, Pick<Source, 'publisher' | 'kind'>>): string | null {
  const outside = [...new Set(sourceIds)].map((id) => sources.get(id)).filter((s) => s !== undefined && s.kind !== 'team');
  const publishers = new Set(outside.map((s) => s!.publisher));
  return publishers.size >= 2 ? null : `needs two sources from different publishers outside the team, has ${publishers.size}`;
}
