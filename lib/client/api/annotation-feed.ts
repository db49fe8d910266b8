/**
 * A record's annotations as the browser keeps them: the newest page first, older pages only when
 * asked for ("Show older notes"), and every later refresh asks only for what changed since the
 * list it holds (`since`), sending back that answer's ETag, so an unchanged list costs a 304 with
 * no body and a new note costs that note alone.
 *
 * Notes older than the pages loaded so far are not kept up to date (they are not shown); they come
 * fresh from the server when their page is loaded. A `since` the server refuses (the account
 * changed, so the deleted notes it may see changed, or the database was made again) starts over
 * from the newest page.
 */
import type { Annotation } from '@/lib/core/domain/annotations';
import { type PagePosition, decodeCursor } from '@/lib/core/domain/annotation-list';
import type { AnnotationList } from '@/lib/core/domain/dto';
import { ApiError, apiErrorOf } from './errors';

/** What the thread and the map show. */
export interface AnnotationFeedView {
  /** The loaded annotations, oldest first. */
  annotations: Annotation[];
  /** Not deleted, on the whole record (loaded or not). */
  live: number;
  /** True while older annotations wait to be loaded. */
  hasOlder: boolean;
}

/** Change answers followed in one refresh before starting over from the newest page. */
const MAX_CHANGE_ROUNDS = 5;

const newestFirst = (a: PagePosition, b: PagePosition) =>
  a.createdAt === b.createdAt ? (a.id < b.id ? 1 : a.id > b.id ? -1 : 0) : a.createdAt < b.createdAt ? 1 : -1;

async function getList(url: string, etag?: string): Promise<{ status: 304 } | { status: 200; body: AnnotationList; etag: string | null }> {
  const res = await fetch(url, { headers: { Accept: 'application/json', ...(etag ? { 'If-None-Match': etag } : {}) } });
  if (res.status === 304) return { status: 304 };
  if (!res.ok) throw await apiErrorOf(res);
  return { status: 200, body: (await res.json()) as AnnotationList, etag: res.headers.get('etag') };
}

export class AnnotationFeed {
  private notes = new Map<string, Annotation>();
  private revision: string | null = null;
  /** The ETag of the last changes answer, and the `since` it answered. */
  private changesTag: { since: string; etag: string } | null = null;
  private olderCursor: string | null = null;
  /** The oldest position loaded, while older notes wait: changes to notes before it are not kept. */
  private boundary: PagePosition | null = null;
  private live = 0;
  private snapshot: AnnotationFeedView | null = null;
  /** Refreshes and page loads one after another, so two never merge into one list at once. */
  private queue: Promise<unknown> = Promise.resolve();

  /** `url`: the record's list, e.g. /api/voyages/{id}/annotations. */
  constructor(private readonly url: string) {}

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(fn, fn);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** The list as it stands; the same object until something in it changes. */
  view(): AnnotationFeedView {
    if (!this.snapshot) {
      const annotations = [...this.notes.values()].sort((a, b) => newestFirst(b, a));
      this.snapshot = { annotations, live: this.live, hasOlder: this.olderCursor !== null };
    }
    return this.snapshot;
  }

  private inWindow(a: PagePosition): boolean {
    return this.boundary === null || newestFirst(a, this.boundary) <= 0;
  }

  private keep(a: Annotation) {
    const had = this.notes.get(a.id);
    if (!had || had.version <= a.version) this.notes.set(a.id, a);
  }

  private takePage(body: AnnotationList) {
    for (const a of body.annotations) this.keep(a);
    this.olderCursor = body.nextCursor;
    this.boundary = body.nextCursor ? decodeCursor(body.nextCursor) : null;
    this.live = body.live;
    this.snapshot = null;
  }

  private async loadNewest(): Promise<void> {
    const answer = await getList(this.url);
    if (answer.status === 304) return;
    this.notes.clear();
    this.changesTag = null;
    this.takePage(answer.body);
    this.revision = answer.body.revision;
  }

  /** Brings the list up to date: the newest page the first time, afterwards only the changes. */
  refresh(): Promise<AnnotationFeedView> {
    return this.serial(async () => {
      if (this.revision === null) {
        await this.loadNewest();
        return this.view();
      }
      try {
        for (let round = 0; round < MAX_CHANGE_ROUNDS; round++) {
          if (!(await this.pullChanges())) return this.view();
        }
      } catch (err) {
        if (!(err instanceof ApiError && err.status === 400)) throw err;
      }
      this.revision = null;
      await this.loadNewest();
      return this.view();
    });
  }

  /** One changes answer merged in; true when more changes wait. */
  private async pullChanges(): Promise<boolean> {
    const since = this.revision!;
    const etag = this.changesTag?.since === since ? this.changesTag.etag : undefined;
    const answer = await getList(`${this.url}?since=${encodeURIComponent(since)}`, etag);
    if (answer.status === 304) return false;
    const { body } = answer;
    if (answer.etag) this.changesTag = { since, etag: answer.etag };
    for (const a of body.annotations) if (this.inWindow(a)) this.keep(a);
    for (const id of body.removed) this.notes.delete(id);
    this.live = body.live;
    this.revision = body.revision;
    if (body.annotations.length || body.removed.length || this.snapshot?.live !== body.live) this.snapshot = null;
    return body.nextCursor !== null;
  }

  /** Loads the next page of older annotations. */
  loadOlder(): Promise<AnnotationFeedView> {
    return this.serial(async () => {
      if (!this.olderCursor) return this.view();
      const answer = await getList(`${this.url}?cursor=${encodeURIComponent(this.olderCursor)}`);
      if (answer.status === 200) this.takePage(answer.body);
      return this.view();
    });
  }
}
