/**
 * The one error type for an expected refusal, thrown anywhere on the server: the data layer, the
 * auth rules, the route plumbing. `handle()` in app/api/_lib/http.ts is the one place that turns
 * it into the JSON answer `{ error: { code, message, details? } }` with its status; anything else
 * thrown there is a bug and answers 500. The browser's `ApiError` (lib/client/api) reads the same
 * four fields back from that answer.
 */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 500 | 503;

export class AppError extends Error {
  constructor(
    readonly status: ErrorStatus,
    readonly code: string,
    message: string,
    /** Machine-readable specifics: `{ issues }` for bad input, `{ current }` for a stale edit, `{ retryAfter }` for 429. */
    readonly details?: unknown,
  ) {
    super(message);
  }
}
