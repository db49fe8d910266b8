/**
 * Facets for the vessel and port filters: which vessels and ports have voyages, and how many,
 * given the other active filters (the way faceted search counts). The vessel counts apply every
 * filter but the vessel; the port counts every filter but the port, a voyage counting once for
 * each of its two ends (once when it leaves and returns to the same port).
 */
import { z } from 'zod';
import { confidence, isoDay, slug } from './schemas';

export const facetsQuery = z
  .strictObject({
    vessel: slug.optional().describe('Vessel id: narrows the port counts.'),
    port: slug.optional().describe('Port id, at either end of the leg: narrows the vessel counts.'),
    from: isoDay.optional().describe('Count voyages whose span ends on or after this day.'),
    to: isoDay.optional().describe('Count voyages whose span starts on or before this day; not before "from".'),
    confidence: confidence.optional().describe('Count voyages of this confidence.'),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'must not be before "from"', path: ['to'] });

const facetEntry = z.object({
  id: slug,
  name: z.string(),
  count: z.number().int().min(1).describe('Voyages matching the other filters.'),
});
export type FacetEntry = z.infer<typeof facetEntry>;

export const facetsAnswerSchema = z.object({
  vessels: z.array(facetEntry).describe('Vessels with at least one voyage under the filters other than "vessel", by name.'),
  ports: z.array(facetEntry).describe('Ports at either end of at least one voyage under the filters other than "port", by name.'),
});
export type FacetsAnswer = z.infer<typeof facetsAnswerSchema>;

/** Named components of the OpenAPI document. */
export const FACET_COMPONENTS = { FacetEntry: facetEntry, FacetsAnswer: facetsAnswerSchema };

/** One option of a filter select. */
export interface FacetOption {
  id: string;
  label: string;
  count: number;
}

/**
 * The options a filter select offers: the entries with voyages, each with its count ("Lady R (4)"),
 * and the selected one even with none ("Angara (0)"), so the select never silently shows another
 * value. A selected id that no record has is offered as unknown.
 *
 * @example
 * facetOptions([{ id: 'lady-r', name: 'Lady R', count: 4 }], 'angara', [{ id: 'angara', name: 'Angara' }]);
 * // [{ id: 'angara', label: 'Angara (0)', count: 0 }, { id: 'lady-r', label: 'Lady R (4)', count: 4 }]
 */
export function facetOptions(
  entries: readonly FacetEntry[],
  selected: string | undefined,
  records: readonly { id: string; name: string }[],
): FacetOption[] {
  const options = entries.map((e) => ({ id: e.id, label: `${e.name} (${e.count})`, count: e.count, name: e.name }));
  if (selected && !entries.some((e) => e.id === selected)) {
    const record = records.find((r) => r.id === selected);
    options.push({
      id: selected,
      label: record ? `${record.name} (0)` : `Unknown: ${selected}`,
      count: 0,
      name: record?.name ?? selected,
    });
  }
  return options
    .sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || (a.id < b.id ? -1 : 1))
    .map(({ id, label, count }) => ({ id, label, count }));
}
