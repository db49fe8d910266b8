'use client';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import useSWRInfinite from 'swr/infinite';
import { ApiError, fetchJson } from '@/lib/client/api';
import type { AnnotationKind } from '@/lib/core/domain/annotations';
import { type TeamAnnotation, type TeamAnnotationList, teamAnnotationsSearch } from '@/lib/core/domain/team-annotations';
import { KIND_LABEL, formatTime } from './annotations/format';

const KIND_CHOICES: { value: string; label: string; kinds: AnnotationKind[] }[] = [
  { value: '', label: 'Questions and corrections', kinds: ['question', 'correction'] },
  { value: 'question', label: 'Questions', kinds: ['question'] },
  { value: 'correction', label: 'Corrections', kinds: ['correction'] },
];

/** Where a record opens on the dashboard: a voyage selected, or a port or vessel profile. */
function recordHref(t: TeamAnnotation['target']): string {
  return t.type === 'voyage' ? `/?voyage=${encodeURIComponent(t.id)}` : `/?profile=${t.type}:${encodeURIComponent(t.id)}`;
}

const TYPE_LABEL = { voyage: 'Voyage', port: 'Port', vessel: 'Vessel' } as const;

/**
 * The open questions view: every unresolved question and correction of the team, on any voyage,
 * port or vessel, newest first, each linking to its record on the dashboard. Filters (kind,
 * author) live in the page's URL, so a filtered list can be shared.
 */
export default function OpenQuestions() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const kindValue = KIND_CHOICES.some((c) => c.value === params.get('kind')) ? (params.get('kind') ?? '') : '';
  const author = params.get('author') ?? '';
  const kinds = KIND_CHOICES.find((c) => c.value === kindValue)!.kinds;

  const { data, error, size, setSize, isValidating } = useSWRInfinite<TeamAnnotationList, ApiError>(
    (index, previous: TeamAnnotationList | null) => {
      if (previous && !previous.nextCursor) return null;
      return `/api/annotations${teamAnnotationsSearch({ status: 'open', kind: kinds, author: author || undefined, cursor: previous?.nextCursor ?? undefined })}`;
    },
    fetchJson,
    { revalidateOnFocus: true, revalidateFirstPage: true },
  );
  const items = data?.flatMap((p) => p.annotations) ?? [];
  const authors = data?.[0]?.authors ?? [];
  const more = Boolean(data?.at(-1)?.nextCursor);
  const loadingMore = isValidating && data !== undefined && size > data.length;

  const setFilter = (key: 'kind' | 'author', value: string) => {
    const next = new URLSearchParams(params.toString());
    if (value) next.set(key, value);
    else next.delete(key);
    const search = next.toString();
    router.replace(`${pathname}${search ? `?${search}` : ''}`, { scroll: false });
  };

  return (
    <>
      <div className="filters questions-filters" role="group" aria-label="Filter open questions">
        <label htmlFor="questions-kind">
          Kind
          <select id="questions-kind" value={kindValue} onChange={(e) => setFilter('kind', e.target.value)}>
            {KIND_CHOICES.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor="questions-author">
          Author
          <select id="questions-author" value={author} onChange={(e) => setFilter('author', e.target.value)}>
            <option value="">Everyone</option>
            {[...new Set([...authors, ...(author ? [author] : [])])].map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="state" role="status" aria-live="polite">
        {error
          ? ''
          : !data
            ? 'Loading open questions…'
            : items.length === 0
              ? 'No open questions or corrections match these filters.'
              : `${items.length}${more ? '+' : ''} open ${items.length === 1 ? 'item' : 'items'}, newest first.`}
      </p>
      {error && (
        <p className="state state-error" role="alert">
          Could not load open questions: {error.message}
        </p>
      )}
      <ol className="questions">
        {items.map((a) => (
          <li key={a.id}>
            <article className={`annotation annotation-${a.kind}`} aria-labelledby={`q-${a.id}`}>
              <header className="annotation-head">
                <span className={`kind kind-${a.kind}`}>{KIND_LABEL[a.kind]}</span>
                <span className="open">open</span>
                <strong className="annotation-author">{a.author.username}</strong>
                <time dateTime={a.createdAt}>{formatTime(a.createdAt)}</time>
              </header>
              <p className="questions-target" id={`q-${a.id}`}>
                {TYPE_LABEL[a.target.type]}: <Link href={recordHref(a.target)}>{a.target.name}</Link>
              </p>
              <p className="annotation-body">{a.body}</p>
            </article>
          </li>
        ))}
      </ol>
      {more && (
        <p>
          <button type="button" className="button" disabled={loadingMore} onClick={() => void setSize(size + 1)}>
            {loadingMore ? 'Loading older…' : 'Show older'}
          </button>
        </p>
      )}
    </>
  );
}
